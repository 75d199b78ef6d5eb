/**
 * Byte-level building blocks of the CSV reader: a field scanner (RFC 4180 quotes, `""` escapes,
 * newlines inside quotes, `\n`, `\r\n` and `\r` line ends), a number parser that reads straight
 * from the bytes, and the small cell classifiers shared by detection and parsing.
 */

export const QUOTE = 34,
  LF = 10,
  CR = 13,
  SPACE = 32,
  TAB = 9;
const MINUS = 45,
  PLUS = 43,
  DOT = 46,
  ZERO = 48;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Thrown by the scanner when a quoted field never closes; `pos` is the opening quote. */
export class UnterminatedQuote extends Error {
  constructor(readonly pos: number) {
    super('unterminated quote');
  }
}

/** Reads one field at a time. After `field(pos)`: the field is bytes [start, end), `quoted` is 0, 1 or 2 (quoted with `""` inside). */
export class Scanner {
  start = 0;
  end = 0;
  quoted = 0;
  /** What ended the field: 0 a delimiter, 1 a line end, 2 the end of the bytes. */
  term = 0;
  private readonly stop = new Uint8Array(256);

  constructor(
    readonly bytes: Uint8Array,
    readonly delim: number,
  ) {
    this.stop[delim] = 1;
    this.stop[LF] = 1;
    this.stop[CR] = 1;
  }

  /** Scans the field starting at `pos`; returns the position after its terminator. */
  field(pos: number): number {
    const bytes = this.bytes,
      n = bytes.length;
    if (pos < n && bytes[pos] === QUOTE) return this.quotedField(pos);
    const stop = this.stop;
    let p = pos;
    while (p < n && stop[bytes[p]] === 0) p++;
    this.start = pos;
    this.end = p;
    this.quoted = 0;
    return this.terminate(p);
  }

  /**
   * Like `field`, for a column of numbers: plain decimals (≤ 15 significant digits, no exponent)
   * are parsed while scanning, in one pass over the bytes; anything else goes through `field` and
   * `parseNumber`. The number (NaN if none) is left in `value`.
   */
  numberField(pos: number): number {
    const bytes = this.bytes,
      n = bytes.length;
    let p = pos;
    let b = p < n ? bytes[p] : 0;
    const neg = b === MINUS;
    if (neg) b = ++p < n ? bytes[p] : 0;
    const intStart = p;
    let mant = 0,
      sig = 0,
      scale = 0;
    while (b >= 48 && b <= 57) {
      if (sig > 0 || b > 48) {
        mant = mant * 10 + (b - 48);
        sig++;
      }
      b = ++p < n ? bytes[p] : 0;
    }
    const intDigits = p - intStart;
    if (b === DOT) {
      b = ++p < n ? bytes[p] : 0;
      while (b >= 48 && b <= 57) {
        if (sig > 0 || b > 48) {
          mant = mant * 10 + (b - 48);
          sig++;
        }
        scale--;
        b = ++p < n ? bytes[p] : 0;
      }
    }
    if (
      (p >= n || this.stop[b] === 1) &&
      intDigits - scale > 0 &&
      sig <= 15 &&
      scale >= -22 &&
      (intDigits < 2 || bytes[intStart] !== ZERO)
    ) {
      const v = scale === 0 ? mant : mant / POW10[-scale];
      this.value = neg ? -v : v;
      this.start = pos;
      this.end = p;
      this.quoted = 0;
      return this.terminate(p);
    }
    const next = this.field(pos);
    this.value = this.quoted === 2 ? NaN : parseNumber(bytes, this.start, this.end);
    return next;
  }

  /** The number read by `numberField`. */
  value = NaN;

  private terminate(p: number): number {
    const bytes = this.bytes,
      n = bytes.length;
    if (p >= n) {
      this.term = 2;
      return n;
    }
    const b = bytes[p];
    if (b === this.delim) {
      this.term = 0;
      return p + 1;
    }
    this.term = 1;
    return b === CR && p + 1 < n && bytes[p + 1] === LF ? p + 2 : p + 1;
  }

  private quotedField(open: number): number {
    const bytes = this.bytes,
      n = bytes.length,
      delim = this.delim;
    let p = open + 1;
    let escaped = false;
    for (;;) {
      const q = bytes.indexOf(QUOTE, p);
      if (q < 0) throw new UnterminatedQuote(open);
      if (q + 1 < n && bytes[q + 1] === QUOTE) {
        escaped = true;
        p = q + 2;
        continue;
      }
      let after = q + 1;
      while (after < n && (bytes[after] === SPACE || (bytes[after] === TAB && delim !== TAB))) after++;
      if (after >= n || bytes[after] === delim || bytes[after] === LF || bytes[after] === CR) {
        this.start = open + 1;
        this.end = q;
        this.quoted = escaped ? 2 : 1;
        return this.terminate(after);
      }
      // A stray quote inside a quoted field is kept as text, as most spreadsheet tools do.
      p = q + 1;
    }
  }

  /** Skips to the start of the next record; returns its position. */
  skipRecord(pos: number): number {
    let p = pos;
    do p = this.field(p);
    while (this.term === 0);
    return p;
  }
}

const LIMIT = 2 ** 53;

/**
 * The number in bytes [s, e), or NaN when it is not a plain decimal number. Spaces around it are
 * allowed; `1,234`, `0x10`, `Infinity` and values with leading zeros such as `00123` are not
 * numbers, nor are integers beyond 2^53 (long ids stay text). Up to 15 significant digits the value
 * is computed exactly as mantissa × or ÷ a power of ten; longer ones go through parseFloat.
 */
export function parseNumber(bytes: Uint8Array, s: number, e: number): number {
  while (s < e && (bytes[s] === SPACE || bytes[s] === TAB)) s++;
  while (e > s && (bytes[e - 1] === SPACE || bytes[e - 1] === TAB)) e--;
  let p = s;
  let neg = false;
  if (p < e && (bytes[p] === MINUS || bytes[p] === PLUS)) {
    neg = bytes[p] === MINUS;
    p++;
  }
  let mant = 0,
    sig = 0,
    digits = 0,
    scale = 0;
  const intStart = p;
  while (p < e) {
    const d = bytes[p] - ZERO;
    if (d < 0 || d > 9) break;
    if (sig > 0 || d > 0) {
      mant = mant * 10 + d;
      sig++;
    }
    p++;
  }
  const intDigits = p - intStart;
  if (intDigits > 1 && bytes[intStart] === ZERO) return NaN; // 00123: an identifier, not a number
  digits = intDigits;
  let plainInteger = true;
  if (p < e && bytes[p] === DOT) {
    plainInteger = false;
    p++;
    while (p < e) {
      const d = bytes[p] - ZERO;
      if (d < 0 || d > 9) break;
      if (sig > 0 || d > 0) {
        mant = mant * 10 + d;
        sig++;
      }
      scale--;
      digits++;
      p++;
    }
  }
  if (digits === 0) return NaN;
  if (p < e && (bytes[p] === 101 || bytes[p] === 69)) {
    plainInteger = false;
    p++;
    let eneg = false;
    if (p < e && (bytes[p] === MINUS || bytes[p] === PLUS)) {
      eneg = bytes[p] === MINUS;
      p++;
    }
    const expStart = p;
    let exp = 0;
    while (p < e) {
      const d = bytes[p] - ZERO;
      if (d < 0 || d > 9) break;
      if (exp < 100000) exp = exp * 10 + d;
      p++;
    }
    if (p === expStart) return NaN;
    scale += eneg ? -exp : exp;
  }
  if (p !== e) return NaN;
  let value: number;
  if (sig <= 15 && scale >= -22 && scale <= 22) {
    value = scale === 0 ? mant : scale > 0 ? mant * POW10[scale] : mant / POW10[-scale];
  } else {
    let text = '';
    for (let i = s; i < e; i++) text += String.fromCharCode(bytes[i]);
    value = Math.abs(parseFloat(text));
  }
  if (plainInteger && value > LIMIT) return NaN;
  return neg ? -value : value;
}

/** Whether bytes [s, e) are a missing-value marker: empty, blank, NA, N/A, NaN, null, None (any case), #N/A. */
export function isMissing(bytes: Uint8Array, s: number, e: number): boolean {
  while (s < e && (bytes[s] === SPACE || bytes[s] === TAB)) s++;
  while (e > s && (bytes[e - 1] === SPACE || bytes[e - 1] === TAB)) e--;
  const len = e - s;
  if (len === 0) return true;
  if (len > 4) return false;
  let word = '';
  for (let i = s; i < e; i++) word += String.fromCharCode(bytes[i] | (bytes[i] >= 65 && bytes[i] <= 90 ? 32 : 0));
  return word === 'na' || word === 'n/a' || word === 'nan' || word === 'null' || word === 'none' || word === '#n/a';
}

/** 1 for true, 0 for false (any case, spaces around allowed), -1 otherwise. */
export function boolOf(bytes: Uint8Array, s: number, e: number): number {
  while (s < e && bytes[s] === SPACE) s++;
  while (e > s && bytes[e - 1] === SPACE) e--;
  const len = e - s;
  if (len !== 4 && len !== 5) return -1;
  let word = '';
  for (let i = s; i < e; i++) word += String.fromCharCode(bytes[i] | 32);
  return word === 'true' ? 1 : word === 'false' ? 0 : -1;
}

/** Kinds of a cell or a column while reading. */
export const EMPTY = 0,
  NUM = 1,
  BOOL = 2,
  STR = 3;

/** The kind of one cell: EMPTY (missing), NUM, BOOL or STR. */
export function cellKind(bytes: Uint8Array, s: number, e: number, quoted: number): number {
  if (quoted !== 2) {
    const v = parseNumber(bytes, s, e);
    if (v === v) return NUM;
    if (isMissing(bytes, s, e)) return EMPTY;
    if (boolOf(bytes, s, e) >= 0) return BOOL;
  }
  return STR;
}

/** The 1-based line of byte `pos` (line ends: `\n`, `\r\n` or a lone `\r`). */
export function lineAt(bytes: Uint8Array, pos: number): number {
  let line = 1;
  const end = Math.min(pos, bytes.length);
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === LF || (b === CR && bytes[i + 1] !== LF)) line++;
  }
  return line;
}

const decoder = new TextDecoder();

/** The text of a field, with `""` unescaped when it was quoted. */
export function fieldText(bytes: Uint8Array, s: number, e: number, quoted: number): string {
  const text = decoder.decode(bytes.subarray(s, e));
  return quoted === 2 ? text.replace(/""/g, '"') : text;
}
