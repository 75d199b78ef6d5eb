/**
 * Platform exports mapped onto the interactions schema of the sample audience (same column names
 * and types, so every template that runs on `ingest.sample` runs on them): interaction_id,
 * user_id, post_id, type, reaction, timestamp ('YYYY-MM-DDTHH:MM:SS', local time), hour (Int32),
 * text, language ('vi' | 'en'), channel, reply_to and reply_to_user (the answered comment and its author),
 * and `mentions` when a CSV maps one.
 */
import { Int32, type Table, vectorFromArray } from 'apache-arrow';
import { NodeError } from '../../contract/errors';
import { parseJsonSafely } from '../json';
import { HOUR_MS, hourOf, isoString, parseTime } from '../../table/parse-time';
import { stringVector, tableOf } from '../../table/table';
import type { Text } from '../../contract/i18n';

export interface SocialRow {
  interaction_id: string | null;
  user_id: string | null;
  post_id: string | null;
  type: string;
  reaction: string | null;
  /** Epoch ms: UTC when `zoned`, else a wall-clock time stored as if UTC; NaN when unknown. */
  time: number;
  zoned: boolean;
  text: string | null;
  language: string | null;
  channel: string | null;
  /** The comment this one answers, and its author (a reply on Facebook, an X reply). */
  reply_to?: string | null;
  reply_to_user?: string | null;
  /** The people the row names, space-separated without "@" (a CSV's mapped mentions column). */
  mentions?: string | null;
}

const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/;
const VI_WORDS = /\b(khong|ko|dc|duoc|minh|nhe|nha|oi|dep|bao nhieu|sp|roi|lam|voi|cua|nhieu|chi|em|anh|ib)\b/gi;

/** 'vi', 'en' or null (no letters): Vietnamese letters, or several unaccented Vietnamese chat words. */
export function detectLanguage(text: string | null): string | null {
  if (!text || !/\p{L}/u.test(text)) return null;
  if (VIETNAMESE.test(text)) return 'vi';
  const words = text.match(/\p{L}+/gu)?.length ?? 0;
  const vi = text.match(VI_WORDS)?.length ?? 0;
  return vi >= 2 && vi * 3 >= words ? 'vi' : 'en';
}

/** Milliseconds of a date/time text and whether it named its zone (Z, +07:00, +0000). */
export function readTime(text: unknown): { time: number; zoned: boolean } {
  if (typeof text === 'number') return { time: text < 1e11 ? text * 1000 : text, zoned: true };
  if (typeof text !== 'string' || !text.trim()) return { time: NaN, zoned: false };
  const s = text.trim();
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(s);
  let time = parseTime(s.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  if (time !== time) time = Date.parse(s);
  return { time, zoned };
}

/** Decodes the HTML entities that platform exports leave in text (&amp; &lt; &gt; &quot; &#39;). */
export const unescapeHtml = (s: string): string =>
  s.replace(
    /&(amp|lt|gt|quot|#39|#x27);/g,
    (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e] ?? _m,
  );

/** The rows as an interactions table; zoned times are shifted to local time at `utcOffset` hours. */
export function interactionsTable(rows: SocialRow[], utcOffset: number): Table {
  const n = rows.length;
  const stamps: (string | null)[] = new Array<string | null>(n);
  const hours: (number | null)[] = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const ms = r.zoned ? r.time + utcOffset * HOUR_MS : r.time;
    const ok = Number.isFinite(ms);
    stamps[i] = ok ? isoString(ms) : null;
    hours[i] = ok ? hourOf(ms) : null;
  }
  const ids = rows.map((r, i) => r.interaction_id ?? `i${String(i + 1).padStart(Math.max(6, String(n).length), '0')}`);
  const col = (key: 'user_id' | 'post_id' | 'type' | 'reaction' | 'text' | 'language' | 'channel') => stringVector(rows.map((r) => r[key]));
  return tableOf({
    interaction_id: stringVector(ids),
    user_id: col('user_id'),
    post_id: col('post_id'),
    type: col('type'),
    reaction: col('reaction'),
    timestamp: stringVector(stamps),
    hour: vectorFromArray(hours, new Int32()),
    text: col('text'),
    language: col('language'),
    channel: col('channel'),
    reply_to: stringVector(rows.map((r) => r.reply_to ?? null)),
    reply_to_user: stringVector(rows.map((r) => r.reply_to_user ?? null)),
    // Only when the export lists them (a mapped CSV column): the other exports keep the sample's columns.
    ...(rows.some((r) => r.mentions !== undefined) ? { mentions: stringVector(rows.map((r) => r.mentions ?? null)) } : {}),
  });
}

/** A bilingual error for an export that does not have the expected shape. */
export function shapeError(what: Text, expected: Text): NodeError {
  return new NodeError({ en: `${what.en} Expected ${expected.en}`, vi: `${what.vi} Cần có ${expected.vi}` });
}

/** Parses JSON text with a plain error naming the platform. */
export function parseJson(text: string, platform: string): unknown {
  try {
    return parseJsonSafely(text);
  } catch (err) {
    if (err instanceof NodeError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new NodeError({
      en: `The ${platform} export is not valid JSON (${why}). Choose the file exactly as the platform exported it.`,
      vi: `Tệp xuất từ ${platform} không phải JSON hợp lệ (${why}). Hãy chọn đúng tệp mà nền tảng đã xuất ra.`,
    });
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : null;
