/**
 * Composes sample texts from the template banks: fills the slots, then varies the wording the way
 * people type (teen code, no diacritics, elongated words, emoji, particles), following a per-user
 * writing style so that one person writes consistently.
 */
import type { Random } from '../contract/random';
import { foldDiacritics } from '../contract/i18n';
import {
  CITY_SHORT_EN,
  CITY_SHORT_VI,
  CODES,
  COLORS,
  EMOJI,
  EN_ENDINGS,
  EN_FIRST_F,
  EN_FIRST_M,
  EN_LAST,
  PRODUCTS,
  SIZES,
  TEEN_CODE,
  VI_FAMILY,
  VI_GIVEN_F,
  VI_GIVEN_M,
  VI_MIDDLE_F,
  VI_MIDDLE_M,
  VI_PARTICLES,
  type Bilingual,
} from './vocab';

/** Writing-style bits of a user. */
export const STYLE_TEEN = 1,
  STYLE_UNACCENTED = 2,
  STYLE_EMOJI = 4,
  STYLE_ELONGATE = 8,
  STYLE_CAPITAL = 16;

export type Sentiment = 'pos' | 'neu' | 'neg';
export type Lang = 0 | 1; // 0 = vi, 1 = en

/** A template split into literal parts (even indices) and slot names (odd indices). */
type Compiled = string[];
const compile = (template: string): Compiled => template.split(/\{(\w+)\}/);

/** A bank of compiled templates per language. */
export interface CompiledBank {
  vi: Compiled[];
  en: Compiled[];
}
export function compileBank(bank: Bilingual): CompiledBank {
  return { vi: bank.vi.map(compile), en: bank.en.map(compile) };
}

const pickOf = <T>(rng: Random, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

const fold = (s: string) => foldDiacritics(s).toLowerCase();
const HANDLE_FIRST = [...VI_GIVEN_F, ...VI_GIVEN_F, ...VI_GIVEN_M, ...EN_FIRST_F, ...EN_FIRST_M].map(fold);
const HANDLE_LAST = [...VI_FAMILY, ...EN_LAST].map(fold);
const FASHION = PRODUCTS.filter((p) => p.fashion);
const BEAUTY = PRODUCTS.filter((p) => !p.fashion);
const PCTS = [10, 15, 20, 25, 30, 40, 50, 70];
const PRICES = [89, 99, 129, 159, 189, 199, 249, 299, 349, 399, 459, 599];

/** A friend's handle as people tag them: "@linh.nguyen", "@trang98". */
export function friendHandle(rng: Random): string {
  const first = pickOf(rng, HANDLE_FIRST);
  const r = rng();
  if (r < 0.4) return `@${first}.${pickOf(rng, HANDLE_LAST)}`;
  if (r < 0.75) return `@${first}${String(85 + Math.floor(rng() * 20)).slice(-2)}`;
  return `@${first}_${pickOf(rng, HANDLE_LAST)}`;
}

function fits(parts: Compiled, product: number): boolean {
  const fashion = PRODUCTS[product].fashion;
  for (let i = 1; i < parts.length; i += 2) if (parts[i] === (fashion ? 'pb' : 'pf')) return false;
  return true;
}

function fill(rng: Random, parts: Compiled, lang: Lang, product: number): string {
  if (parts.length === 1) return parts[0];
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const slot = parts[i];
    let v: string;
    switch (slot) {
      case 'p': {
        const p = PRODUCTS[product >= 0 ? product : Math.floor(rng() * PRODUCTS.length)];
        v = lang ? p.en : p.vi;
        break;
      }
      case 'pb':
      case 'pf': {
        const fashion = slot === 'pf';
        const p = product >= 0 && PRODUCTS[product].fashion === fashion ? PRODUCTS[product] : pickOf(rng, fashion ? FASHION : BEAUTY);
        v = lang ? p.en : p.vi;
        break;
      }
      case 'p2': {
        const p = pickOf(rng, PRODUCTS);
        v = lang ? p.en : p.vi;
        break;
      }
      case 'c':
        v = pickOf(rng, lang ? COLORS.en : COLORS.vi);
        break;
      case 's':
        v = pickOf(rng, SIZES);
        break;
      case 'city':
        v = pickOf(rng, lang ? CITY_SHORT_EN : CITY_SHORT_VI);
        break;
      case 'n':
        v = String(2 + Math.floor(rng() * 4));
        break;
      case 'd':
        v = String(3 + Math.floor(rng() * 12));
        break;
      case 'w':
        v = String(1 + Math.floor(rng() * 4));
        break;
      case 'f':
        v = friendHandle(rng);
        break;
      case 'pct':
        v = String(pickOf(rng, PCTS));
        break;
      case 'k':
        v = String(pickOf(rng, PRICES));
        break;
      case 'h':
        v = lang ? `${150 + Math.floor(rng() * 25)}cm` : `1m${50 + Math.floor(rng() * 20)}`;
        break;
      case 'kg':
        v = String(42 + Math.floor(rng() * 25));
        break;
      case 'code':
        v = pickOf(rng, CODES);
        break;
      default:
        v = slot;
    }
    out += v + parts[i + 1];
  }
  return out;
}

/** Repeats the last letter of one word: "đẹp quá" → "đẹp quááá", "so good" → "so goooood". */
function elongate(rng: Random, s: string): string {
  // Word ends that are letters (not digits, emoji or punctuation), outside @handles.
  const ends: number[] = [];
  let handle = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 64) handle = true;
    else if (c === 32) handle = false;
    const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 32;
    if (!handle && next === 32 && isLetter(c)) ends.push(i);
  }
  if (!ends.length) return s;
  const at = ends[rng() < 0.6 ? ends.length - 1 : Math.floor(rng() * ends.length)];
  return s.slice(0, at + 1) + s.charAt(at).repeat(1 + Math.floor(rng() * 4)) + s.slice(at + 1);
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x1ef9 && c !== 0xd7 && c !== 0xf7);

function emoji(rng: Random, sentiment: Sentiment): string {
  const list = EMOJI[sentiment];
  const e = pickOf(rng, list);
  const r = rng();
  return r < 0.6 ? e : r < 0.85 ? e + e : e + e + e;
}

const isQuestion = (s: string) => /\?|không|ko |shop$|ạ$|sao|bao|nhiêu|pls|please/.test(s);

/** One text from a bank, in a language, varied by the writer's style. */
export function composeText(rng: Random, bank: CompiledBank, lang: Lang, sentiment: Sentiment, style: number, product: number): string {
  const list = lang ? bank.en : bank.vi;
  let template = pickOf(rng, list);
  // Prefer a template that fits the product (no "size" for a lipstick).
  for (let k = 0; k < 4 && product >= 0 && !fits(template, product); k++) template = pickOf(rng, list);
  let s = fill(rng, template, lang, product);
  if (lang === 0) {
    if (style & STYLE_TEEN && rng() < 0.75) {
      for (const [probe, re, variants] of TEEN_CODE) {
        if (s.includes(probe) && rng() < 0.7) s = s.replace(re, () => pickOf(rng, variants));
      }
    }
    if (sentiment === 'neu' && rng() < 0.3 && isQuestion(s) && !/[ạ?]$/.test(s)) s += pickOf(rng, VI_PARTICLES);
    if (style & STYLE_UNACCENTED && rng() < 0.85) s = foldDiacritics(s);
  } else {
    if (sentiment === 'neu' && rng() < 0.2 && !/[?!]$/.test(s)) s += pickOf(rng, EN_ENDINGS);
    if (style & STYLE_TEEN && rng() < 0.5)
      s = s
        .replace(/\byou\b/g, 'u')
        .replace(/\bplease\b/g, 'pls')
        .replace(/\bare\b/g, 'r');
  }
  if (style & STYLE_ELONGATE ? rng() < 0.5 : rng() < 0.05) s = elongate(rng, s);
  if (style & STYLE_CAPITAL ? rng() < 0.8 : rng() < 0.1) s = s.charAt(0).toUpperCase() + s.slice(1);
  else if (lang === 1 && rng() < 0.3) s = s.toLowerCase();
  const r = rng();
  if (sentiment !== 'neu' && r < 0.12) s += sentiment === 'pos' ? '!!' : '!!!';
  else if (sentiment === 'neu' && r < 0.08 && !s.endsWith('?')) s += '??';
  if (style & STYLE_EMOJI ? rng() < 0.7 : rng() < 0.12) s += (rng() < 0.8 ? ' ' : '') + emoji(rng, sentiment);
  return s;
}

/** A full name in the user's language: Vietnamese ("Nguyễn Thị Linh" or "Linh Nguyễn") or English. */
export function personName(rng: Random, female: boolean, vietnamese: boolean): string {
  if (vietnamese) {
    const family = pickOf(rng, VI_FAMILY);
    const given = pickOf(rng, female ? VI_GIVEN_F : VI_GIVEN_M);
    if (rng() < 0.4) return `${given} ${family}`;
    return `${family} ${pickOf(rng, female ? VI_MIDDLE_F : VI_MIDDLE_M)} ${given}`;
  }
  return `${pickOf(rng, female ? EN_FIRST_F : EN_FIRST_M)} ${pickOf(rng, EN_LAST)}`;
}
