/**
 * Numbers in words, per interface language, for the page and for node messages alike: one place
 * decides that Vietnamese writes "20.000 dòng" and "1,5 lần" and English "20,000 rows" and "1.5×",
 * that a share of 0.4179 reads "42%", and that a summary keeps three significant digits.
 * Built on Intl.NumberFormat and Intl.PluralRules (both in Node and in every browser we support).
 */
import type { Lang, Text } from './i18n';

/** The locale each interface language formats numbers in. */
const LOCALE: Record<Lang, string> = { en: 'en-US', vi: 'vi-VN' };

export interface NumberFormats {
  lang: Lang;
  /** A whole count with the language's grouping: 20,000 / 20.000. Non-integers are rounded. */
  int(n: number): string;
  /**
   * A measured value with three significant digits, never rounding away whole digits:
   * 15.0585 → 15.1 (15,1), 0.004179 → 0.00418, 1234567 → 1,234,567.
   */
  num(n: number, significant?: number): string;
  /** A value with exactly `digits` decimals: fixed(0.4567, 2) → 0.46 / 0,46. */
  fixed(n: number, digits: number): string;
  /** A share (0–1) as a percentage: 0.4179 → 42%; `digits` decimals (default 0). */
  pct(share: number, digits?: number): string;
  /** How many times: 1.5× in English, 1,5 lần in Vietnamese (one decimal below 10, none above). */
  ratio(times: number): string;
  /** A value with its sign: +0.12 / −0.12 (0 has none); `digits` decimals (default 2). */
  signed(n: number, digits?: number): string;
  /** The English word for a count (Vietnamese nouns do not change): plural(1, 'row', 'rows') → row. */
  plural(n: number, one: string, other: string): string;
  /** A count and its noun: count(1, 'row', 'rows') → "1 row", count(20000, …) → "20,000 rows". */
  count(n: number, one: string, other?: string): string;
}

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${lang}|${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], options);
    cache.set(id, f);
  }
  return f;
}

const plurals: Partial<Record<Lang, Intl.PluralRules>> = {};
const MISSING = '–';

function make(lang: Lang): NumberFormats {
  const rules = (plurals[lang] ??= new Intl.PluralRules(LOCALE[lang]));
  const finite = (n: number, f: (n: number) => string) => (Number.isFinite(n) ? f(n) : Number.isNaN(n) ? MISSING : n > 0 ? '∞' : '−∞');
  const fixed = (n: number, digits: number) =>
    finite(n, (v) => nf(lang, `f${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v));
  const self: NumberFormats = {
    lang,
    int: (n) => finite(n, (v) => nf(lang, 'int', { maximumFractionDigits: 0 }).format(v)),
    num: (n, significant = 3) =>
      finite(n, (v) =>
        nf(lang, `s${significant}`, {
          maximumSignificantDigits: significant,
          maximumFractionDigits: 0,
          roundingPriority: 'morePrecision',
        }).format(v),
      ),
    fixed,
    pct: (share, digits = 0) =>
      finite(share, (v) =>
        nf(lang, `p${digits}`, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v),
      ),
    ratio: (times) => {
      const s = finite(times, (v) => fixed(v, Math.abs(v) >= 10 ? 0 : 1));
      return lang === 'vi' ? `${s} lần` : `${s}×`;
    },
    signed: (n, digits = 2) => {
      if (!Number.isFinite(n)) return fixed(n, digits);
      const rounded = Math.round(Math.abs(n) * 10 ** digits) === 0;
      return `${rounded ? '' : n > 0 ? '+' : '−'}${fixed(Math.abs(n), digits)}`;
    },
    plural: (n, one, other) => (rules.select(n) === 'one' ? one : other),
    count: (n, one, other = one) => `${self.int(n)} ${lang === 'vi' ? one : self.plural(n, one, other)}`,
  };
  return self;
}

const byLang: Partial<Record<Lang, NumberFormats>> = {};

/** The number formats of one interface language. */
export function formats(lang: Lang): NumberFormats {
  return (byLang[lang] ??= make(lang));
}

/**
 * A text in both languages whose numbers are formatted per language:
 * `say((f) => \`${f.count(n, 'row', 'rows')} read\`, (f) => \`Đã đọc ${f.int(n)} dòng\`)`.
 */
export function say(en: (f: NumberFormats) => string, vi: (f: NumberFormats) => string): Text {
  return { en: en(formats('en')), vi: vi(formats('vi')) };
}
