/** Finds e-mail addresses in text in one linear pass (no backtracking regular expression). */
const LETTER = /\p{L}/u,
  LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const isLetter = (c: string): boolean => (c < '\u0080' ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : LETTER.test(c));
const isAlnum = (c: string): boolean =>
  c < '\u0080' ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') : LETTER_OR_DIGIT.test(c);
/** A character of a domain label: letter, digit or hyphen. */
const isDomain = (c: string): boolean => c === '-' || isAlnum(c);
/** A character of the part before "@": letter, digit or . _ % + - */
const isLocal = (c: string): boolean => c === '.' || c === '_' || c === '%' || c === '+' || c === '-' || isAlnum(c);

/** The code point that ends just before index i (a surrogate pair counts as one). */
function charBefore(s: string, i: number): string {
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return s.slice(i - 2, i);
  }
  return s[i - 1];
}
function charAt(s: string, i: number): string {
  const hi = s.charCodeAt(i);
  if (hi >= 0xd800 && hi <= 0xdbff && i + 1 < s.length) {
    const lo = s.charCodeAt(i + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) return s.slice(i, i + 2);
  }
  return s[i];
}

/**
 * The end of the domain of an e-mail address whose "@" is at `at` (−1 when there is none): labels
 * of letters, digits and hyphens joined by dots, the last one used starting with 2+ letters
 * (the longest such address, as a greedy regular expression would take). One pass, stops at the
 * first character that cannot be in a domain (so never past the next "@").
 */
function domainEnd(s: string, at: number): number {
  let i = at + 1,
    end = -1,
    labels = 0;
  for (;;) {
    // A label starting at i.
    const start = i;
    let letters = 0,
      lettersOnly = true;
    while (i < s.length) {
      const c = charAt(s, i);
      if (!isDomain(c)) break;
      if (lettersOnly && isLetter(c)) letters += c.length;
      else lettersOnly = false;
      i += c.length;
    }
    if (i === start) break;
    labels++;
    if (labels >= 2 && letters >= 2) end = start + letters;
    if (s[i] !== '.') break;
    i++;
  }
  return end;
}

/**
 * The e-mail addresses in a text as [start, end) ranges, left to right, without overlap. Linear in the
 * text length: each "@" looks back over the name before it and ahead over its domain, and neither
 * scan crosses another "@".
 */
export function findEmails(s: string): [number, number][] {
  const found: [number, number][] = [];
  let from = 0;
  for (let at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
    let start = at;
    while (start > from) {
      const c = charBefore(s, start);
      if (!isLocal(c)) break;
      start -= c.length;
    }
    if (start === at) continue;
    const end = domainEnd(s, at);
    if (end < 0) continue;
    found.push([start, end]);
    from = end;
  }
  return found;
}

/** Replaces every e-mail address in a text by `by`. */
export function replaceEmails(s: string, by: string): string {
  if (s.indexOf('@') < 0) return s;
  const found = findEmails(s);
  if (!found.length) return s;
  let out = '',
    last = 0;
  for (const [a, b] of found) {
    out += s.slice(last, a) + by;
    last = b;
  }
  return out + s.slice(last);
}
