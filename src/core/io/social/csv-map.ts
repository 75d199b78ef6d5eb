/**
 * Any export read as a table (CSV from a social listening tool, a spreadsheet…) mapped onto the
 * interactions schema by a form: target column → source column. Unmapped targets use a source
 * column of the same name (any case) when there is one. `user_id` and `timestamp` are required;
 * `type` defaults to `reaction` where a reaction is given and `comment` otherwise; type values
 * are normalised (reply → comment, like → reaction, retweet/repost → share). `reply_to` (the
 * answered comment's interaction_id) and `reply_to_user` (its author) feed the replies mode of
 * `network.graph`; `mentions` (the people a row names: "@linh, @an" or "linh;an") becomes a
 * `mentions` column of names without "@", space-separated, for its mentions mode.
 */
import type { Table, Vector } from 'apache-arrow';
import { NodeError } from '../../contract/errors';
import { type SocialRow, detectLanguage, readTime } from './rows';

export const TARGETS = [
  'user_id',
  'post_id',
  'type',
  'timestamp',
  'text',
  'reaction',
  'interaction_id',
  'channel',
  'reply_to',
  'reply_to_user',
  'mentions',
] as const;
export type Target = (typeof TARGETS)[number];
const REQUIRED: Target[] = ['user_id', 'timestamp'];

const TYPE_SYNONYMS: Record<string, string> = {
  comment: 'comment',
  comments: 'comment',
  reply: 'comment',
  replies: 'comment',
  commented: 'comment',
  mention: 'comment',
  reaction: 'reaction',
  reactions: 'reaction',
  like: 'reaction',
  likes: 'reaction',
  liked: 'reaction',
  react: 'reaction',
  favorite: 'reaction',
  share: 'share',
  shares: 'share',
  shared: 'share',
  retweet: 'share',
  repost: 'share',
  rt: 'share',
  quote: 'share',
};

/** Resolves the mapping against the table's columns; a clear error for unknown or missing ones. */
export function resolveMapping(table: Table, mapping: Record<string, string>): Partial<Record<Target, string>> {
  const names = table.schema.fields.map((f) => f.name);
  const have = names.slice(0, 15).join(', ') + (names.length > 15 ? ', …' : '');
  const unknownTargets = Object.keys(mapping).filter((k) => !(TARGETS as readonly string[]).includes(k) && mapping[k]);
  if (unknownTargets.length) {
    throw new NodeError({
      en: `The mapping names "${unknownTargets[0]}", which is not a column of the interactions table. Map onto: ${TARGETS.join(', ')}.`,
      vi: `Bảng ánh xạ có "${unknownTargets[0]}", không phải cột của bảng tương tác. Hãy ánh xạ vào: ${TARGETS.join(', ')}.`,
    });
  }
  const out: Partial<Record<Target, string>> = {};
  for (const target of TARGETS) {
    const source = mapping[target]?.trim();
    if (source) {
      if (!names.includes(source)) {
        throw new NodeError({
          en: `The mapping takes ${target} from the column "${source}", which is not in the file. The file has: ${have}.`,
          vi: `Bảng ánh xạ lấy ${target} từ cột "${source}", nhưng tệp không có cột này. Tệp có các cột: ${have}.`,
        });
      }
      out[target] = source;
    } else {
      const same = names.find((n) => n.toLowerCase() === target);
      if (same) out[target] = same;
    }
  }
  const missing = REQUIRED.filter((t) => !out[t]);
  if (missing.length) {
    throw new NodeError({
      en: `Say which column holds ${missing.join(' and ')}: add ${missing.map((m) => `${m} → a column`).join(' and ')} to the mapping. The file has: ${have}.`,
      vi: `Hãy cho biết cột nào chứa ${missing.join(' và ')}: thêm ${missing.map((m) => `${m} → tên cột`).join(' và ')} vào bảng ánh xạ. Tệp có các cột: ${have}.`,
    });
  }
  return out;
}

/** The names of a mentions cell ("@linh, @an", "linh;an", "[@linh] [@an]"), without "@", each once. */
export function mentionNames(cell: string | null): string | null {
  if (!cell) return null;
  const names = cell
    .split(/[\s,;|[\]"']+/u)
    .map((w) => w.replace(/^@+/, '').trim())
    .filter(Boolean);
  return names.length ? [...new Set(names)].join(' ') : null;
}

const text = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s = typeof v === 'number' ? (Number.isInteger(v) ? v.toFixed(0) : String(v)) : String(v);
  return s.trim() ? s : null;
};

/** Rows of the table under the resolved mapping; awaits `progress` every 50,000 rows. */
export async function mappedRows(
  table: Table,
  map: Partial<Record<Target, string>>,
  progress: (f: number) => Promise<void>,
): Promise<{ rows: SocialRow[]; badTimes: number }> {
  const col = (t: Target): Vector | null => (map[t] ? table.getChild(map[t]!) : null);
  const v = Object.fromEntries(TARGETS.map((t) => [t, col(t)])) as Record<Target, Vector | null>;
  const n = table.numRows;
  const rows: SocialRow[] = new Array<SocialRow>(n);
  let badTimes = 0;
  for (let i = 0; i < n; i++) {
    if (i % 50_000 === 0) await progress(i / n);
    const get = (t: Target) => text(v[t]?.get(i));
    const reaction = get('reaction')?.toLowerCase() ?? null;
    const rawType = get('type')?.trim().toLowerCase();
    const type = rawType ? (Object.hasOwn(TYPE_SYNONYMS, rawType) ? TYPE_SYNONYMS[rawType] : rawType) : reaction ? 'reaction' : 'comment';
    const stamp = v.timestamp?.get(i);
    const when =
      typeof stamp === 'number' && v.timestamp!.type.toString().startsWith('Timestamp') ? { time: stamp, zoned: true } : readTime(stamp);
    if (stamp !== null && stamp !== undefined && when.time !== when.time) badTimes++;
    const body = get('text');
    rows[i] = {
      interaction_id: get('interaction_id'),
      user_id: get('user_id'),
      post_id: get('post_id'),
      type,
      reaction: type === 'reaction' ? reaction : null,
      ...when,
      text: body,
      language: detectLanguage(body),
      channel: get('channel'),
      ...(v.reply_to || v.reply_to_user ? { reply_to: get('reply_to'), reply_to_user: get('reply_to_user') } : {}),
      ...(v.mentions ? { mentions: mentionNames(get('mentions')) } : {}),
    };
  }
  return { rows, badTimes };
}
