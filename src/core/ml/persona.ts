/**
 * Plain-language personas for segments, in English and Vietnamese: each segment's strongest traits
 * (features far from the overall average, in standard deviations) are named with a small
 * vocabulary keyed on common feature names (interactions, share_comment, share_night,
 * days_since_last, distinct_*, sentiment_score, age, income, spending…), with a generic
 * fallback ("High <feature>"). Used by cluster.profile and view.personas.
 */
import type { Text } from '../contract/i18n';
import { formats } from '../contract/format';

export interface Trait {
  feature: string;
  /** Segment mean / overall mean (NaN when the overall mean is not positive). */
  lift: number;
  mean: number;
  overall: number;
  /** (segment mean − overall mean) / overall standard deviation. */
  z: number;
  /** Readable words for the feature (default: the column name). */
  label?: Text;
  /** The feature has two values (one-hot, yes/no; maybe scaled): `mean` and `overall` are then shares of rows at the higher value. */
  binary?: boolean;
  /** The feature counts things: "many shares" rather than "high shares". */
  count?: boolean;
}

type Words = { adjEn: string; nounEn: string; nounVi: string; qualVi: string; say: (t: Trait) => Text };
type Entry = { match: (f: string) => boolean; hi: Words; lo: Words };

const num = (v: number) => formats('en').num(v);
const numVi = (v: number) => formats('vi').num(v);
const times = (t: Trait) => formats('en').ratio(t.lift);
/** The bare number of times in Vietnamese ("3,1"): the sentences say "gấp 3,1 lần" themselves. */
const timesVi = (t: Trait) => formats('vi').fixed(t.lift, t.lift >= 10 ? 0 : 1);
const less = (t: Trait) => `${Math.round((1 - t.lift) * 100)}%`;
const liftOk = (t: Trait) => Number.isFinite(t.lift) && t.lift > 0;

/** Phrases "verb 3.1× more than average" / "verb 60% less than average" (or the means when there is no lift). */
function verb(en: string, vi: string): { hi: (t: Trait) => Text; lo: (t: Trait) => Text } {
  return {
    hi: (t) =>
      liftOk(t) ? { en: `${en} ${times(t)} more than average`, vi: `${vi} nhiều gấp ${timesVi(t)} lần trung bình` } : vsMean(en, vi, t),
    lo: (t) => (liftOk(t) ? { en: `${en} ${less(t)} less than average`, vi: `${vi} ít hơn trung bình ${less(t)}` } : vsMean(en, vi, t)),
  };
}
/** The means side by side; on scaled values (overall average 0) how far from average instead, in words. */
const vsMean = (en: string, vi: string, t: Trait): Text =>
  Math.abs(t.overall) < 1e-6 && Number.isFinite(t.z)
    ? t.z >= 0
      ? { en: `${en} ${t.z >= 1 ? 'far' : 'somewhat'} above average`, vi: `${vi} cao hơn trung bình ${t.z >= 1 ? 'nhiều' : 'một chút'}` }
      : { en: `${en} ${t.z <= -1 ? 'far' : 'somewhat'} below average`, vi: `${vi} thấp hơn trung bình ${t.z <= -1 ? 'nhiều' : 'một chút'}` }
    : { en: `${en}: ${num(t.mean)} vs ${num(t.overall)} overall`, vi: `${vi}: ${numVi(t.mean)} so với ${numVi(t.overall)} chung` };
const pct = (v: number) => `${Math.round(100 * v)}%`;

function entry(
  match: (f: string) => boolean,
  v: { hi: (t: Trait) => Text; lo: (t: Trait) => Text },
  hi: [string, string, string, string],
  lo: [string, string, string, string],
): Entry {
  const words = (w: [string, string, string, string], say: (t: Trait) => Text): Words => ({
    adjEn: w[0],
    nounEn: w[1],
    nounVi: w[2],
    qualVi: w[3],
    say,
  });
  return { match, hi: words(hi, v.hi), lo: words(lo, v.lo) };
}
/** `distinct_post_id` → `posts`. */
const thing = (f: string) => `${f.slice(9).replace(/_?id$/i, '').replace(/_/g, ' ') || 'item'}s`;
const VI_THINGS: Record<string, string> = {
  posts: 'bài viết',
  pages: 'trang',
  products: 'sản phẩm',
  channels: 'kênh',
  videos: 'video',
  days: 'ngày',
  items: 'mục',
};
const thingVi = (f: string) => VI_THINGS[thing(f)] ?? thing(f);
const is =
  (...names: string[]) =>
  (f: string) =>
    names.includes(f.toLowerCase());

const VOCABULARY: Entry[] = [
  entry(
    is('interactions', 'n_interactions', 'count'),
    verb('interact', 'tương tác'),
    ['Highly engaged', 'super-fans', 'Fan cứng', 'tương tác nhiều'],
    ['Quiet', 'lurkers', 'Người xem lặng lẽ', 'ít tương tác'],
  ),
  entry(
    is('share_comment', 'n_comment'),
    verb('comment', 'bình luận'),
    ['Chatty', 'commenters', 'Người hay bình luận', 'hay bình luận'],
    ['Silent', 'non-commenters', 'Người ít bình luận', 'ít bình luận'],
  ),
  entry(
    is('share_share', 'n_share'),
    verb('share', 'chia sẻ'),
    ['Sharing', 'sharers', 'Người hay chia sẻ', 'hay chia sẻ'],
    ['Non-sharing', 'keepers', 'Người ít chia sẻ', 'ít chia sẻ'],
  ),
  entry(
    is('share_reaction', 'n_reaction'),
    verb('react', 'thả cảm xúc'),
    ['Reacting', 'reactors', 'Người hay thả cảm xúc', 'hay thả cảm xúc'],
    ['Low-reaction', 'non-reactors', 'Người ít thả cảm xúc', 'ít thả cảm xúc'],
  ),
  entry(
    is('share_night'),
    {
      hi: (t) =>
        liftOk(t)
          ? { en: `${times(t)} more active after 22:00`, vi: `hoạt động sau 22 giờ nhiều gấp ${timesVi(t)} lần` }
          : vsMean('share of activity at night', 'tỷ lệ hoạt động ban đêm', t),
      lo: (t) =>
        liftOk(t)
          ? { en: `${less(t)} less active after 22:00`, vi: `hoạt động sau 22 giờ ít hơn ${less(t)}` }
          : vsMean('share of activity at night', 'tỷ lệ hoạt động ban đêm', t),
    },
    ['Night-owl', 'night owls', 'Cú đêm', 'về đêm'],
    ['Daytime', 'daytime users', 'Người dùng ban ngày', 'ban ngày'],
  ),
  entry(
    is('days_since_last', 'recency'),
    {
      hi: (t) =>
        liftOk(t)
          ? { en: `last seen ${times(t)} longer ago than average`, vi: `lần cuối ghé lâu hơn trung bình ${timesVi(t)} lần` }
          : vsMean('days since last visit', 'số ngày từ lần cuối', t),
      lo: (t) =>
        liftOk(t)
          ? { en: `last seen ${less(t)} more recently than average`, vi: `ghé gần đây hơn trung bình ${less(t)}` }
          : vsMean('days since last visit', 'số ngày từ lần cuối', t),
    },
    ['Lapsed', 'lapsed fans', 'Người đã rời xa', 'lâu không quay lại'],
    ['Recently active', 'regulars', 'Khách quen', 'mới hoạt động gần đây'],
  ),
  entry(
    (f) => f.toLowerCase().startsWith('distinct_'),
    {
      hi: (t) =>
        liftOk(t)
          ? {
              en: `reach ${times(t)} more different ${thing(t.feature)} than average`,
              vi: `số ${thingVi(t.feature)} khác nhau gấp ${timesVi(t)} lần trung bình`,
            }
          : vsMean(t.feature, t.feature, t),
      lo: (t) =>
        liftOk(t)
          ? {
              en: `reach ${less(t)} fewer different ${thing(t.feature)} than average`,
              vi: `số ${thingVi(t.feature)} khác nhau ít hơn trung bình ${less(t)}`,
            }
          : vsMean(t.feature, t.feature, t),
    },
    ['Wide-ranging', 'explorers', 'Người khám phá', 'xem nhiều nội dung'],
    ['Focused', 'loyalists', 'Người trung thành', 'chỉ xem ít nội dung'],
  ),
  entry(
    is('sentiment_score', 'sentiment'),
    {
      hi: (t) => ({
        en: `more positive (tone ${num(t.mean)} vs ${num(t.overall)})`,
        vi: `tích cực hơn (cảm xúc ${numVi(t.mean)} so với ${numVi(t.overall)})`,
      }),
      lo: (t) => ({
        en: `more negative (tone ${num(t.mean)} vs ${num(t.overall)})`,
        vi: `tiêu cực hơn (cảm xúc ${numVi(t.mean)} so với ${numVi(t.overall)})`,
      }),
    },
    ['Happy', 'promoters', 'Người hài lòng', 'tích cực'],
    ['Unhappy', 'critics', 'Người hay phàn nàn', 'tiêu cực'],
  ),
  entry(
    is('age'),
    {
      hi: (t) => ({
        en: `older (${num(t.mean)} vs ${num(t.overall)} on average)`,
        vi: `lớn tuổi hơn (${numVi(t.mean)} so với ${numVi(t.overall)})`,
      }),
      lo: (t) => ({
        en: `younger (${num(t.mean)} vs ${num(t.overall)} on average)`,
        vi: `trẻ hơn (${numVi(t.mean)} so với ${numVi(t.overall)})`,
      }),
    },
    ['Older', 'mature customers', 'Người lớn tuổi', 'lớn tuổi'],
    ['Young', 'young customers', 'Người trẻ', 'trẻ tuổi'],
  ),
  entry(
    (f) => /spend/i.test(f),
    verb('spend', 'chi tiêu'),
    ['Big-spending', 'big spenders', 'Người chi tiêu mạnh', 'chi tiêu mạnh'],
    ['Thrifty', 'savers', 'Người tiết kiệm', 'chi tiêu dè dặt'],
  ),
  entry(
    (f) => /income|salary/i.test(f),
    verb('earn', 'thu nhập'),
    ['Affluent', 'high earners', 'Người thu nhập cao', 'thu nhập cao'],
    ['Budget', 'budget shoppers', 'Người thu nhập thấp', 'thu nhập thấp'],
  ),
];

/** The words for one trait: from the vocabulary, or generic ("High <feature>" / "<feature> cao"). */
function wordsFor(t: Trait): Words & { generic: boolean } {
  const high = t.z >= 0;
  const e = VOCABULARY.find((v) => v.match(t.feature));
  if (e) return { ...(high ? e.hi : e.lo), generic: false };
  const en = t.label?.en ?? t.feature,
    vi = t.label?.vi ?? t.feature;
  if (t.binary && t.mean >= 0 && t.mean <= 1 && t.overall > 0 && t.overall < 1) {
    // A 0/1 column: "photo posts: 85% vs 61% overall".
    const isVi = t.feature.includes('=') ? 'là ' : ''; // "90% là bài ảnh", "94% nhận ưu đãi chiến dịch 5"
    const say = (x: Trait): Text => ({
      en: `${pct(x.mean)} ${en} (vs ${pct(x.overall)} overall)`,
      vi: `${pct(x.mean)} ${isVi}${vi} (so với ${pct(x.overall)} chung)`,
    });
    return high
      ? { adjEn: cap(en), nounEn: en, nounVi: vi, qualVi: `chủ yếu ${vi}`, say, generic: true }
      : { adjEn: `Non-${en}`, nounEn: `few ${en}`, nounVi: `ít ${vi}`, qualVi: `ít ${vi}`, say, generic: true };
  }
  const say = (x: Trait): Text =>
    liftOk(x)
      ? high
        ? { en: `${en} ${times(x)} the average`, vi: `${vi} gấp ${times(x).replace('×', '')} lần trung bình` }
        : { en: `${en} ${less(x)} below average`, vi: `${vi} thấp hơn trung bình ${less(x)}` }
      : vsMean(en, vi, x);
  if (t.count)
    return {
      adjEn: high ? `Many-${en}` : `Few-${en}`,
      nounEn: `${high ? 'many' : 'few'} ${en}`,
      nounVi: `${high ? 'nhiều' : 'ít'} ${vi}`,
      qualVi: `${high ? 'nhiều' : 'ít'} ${vi}`,
      say,
      generic: true,
    };
  return {
    adjEn: high ? `High-${en}` : `Low-${en}`,
    nounEn: `${high ? 'high' : 'low'} ${en}`,
    nounVi: `${vi} ${high ? 'cao' : 'thấp'}`,
    qualVi: `${vi} ${high ? 'cao' : 'thấp'}`,
    say,
    generic: true,
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Traits worth naming: at least this many standard deviations from the overall average. */
export const TRAIT_Z = 0.3;

/** Vietnamese writes decimals with a comma: "gấp 1.6 lần" → "gấp 1,6 lần". */
export const viDecimals = (s: string): string => s.replace(/(\d)\.(\d)/g, '$1,$2');

/** The strongest traits first (by |z|), only those at least TRAIT_Z away from average. */
export function strongest(traits: Trait[], count = 3): Trait[] {
  return traits
    .filter((t) => Number.isFinite(t.z) && Math.abs(t.z) >= TRAIT_Z)
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
    .slice(0, count);
}

/** A persona name and sentence from the strongest traits (two for the name, three for the sentence). */
export function persona(traits: Trait[]): { name: Text; sentence: Text } {
  const top = strongest(traits);
  if (!top.length)
    return {
      name: { en: 'Typical audience', vi: 'Khán giả điển hình' },
      sentence: { en: 'close to average on every feature', vi: 'gần mức trung bình ở mọi đặc trưng' },
    };
  const [head, second] = top.map(wordsFor);
  let name: Text;
  if (!second) name = { en: cap(head.nounEn), vi: cap(head.nounVi) };
  else if (head.generic || second.generic)
    name = { en: `${cap(head.nounEn)}, ${second.nounEn}`, vi: `${cap(head.nounVi)}, ${second.qualVi}` };
  else name = { en: `${cap(second.adjEn)} ${head.nounEn}`, vi: `${head.nounVi} ${second.qualVi}` };
  const said = top.map((t) => wordsFor(t).say(t));
  return { name, sentence: { en: said.map((s) => s.en).join('; '), vi: viDecimals(said.map((s) => s.vi).join('; ')) } };
}

/** One card of the personas chart. */
export interface PersonaCard {
  segment: number;
  size: number;
  share: number;
  name: Text;
  sentence: Text;
  traits: { feature: string; lift: number | null; mean: number; z: number }[];
  top: string[];
}

/** A column of a profile table as numbers (null for missing). */
type Col = { get(i: number): unknown } | null;
const numAt = (col: Col, i: number) => {
  const v = col?.get(i);
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : NaN;
};

/**
 * The personas chart of a cluster.profile table: a card per segment with its name and sentence
 * (the `persona` / `persona_vi` columns, "Name: sentence"), its three strongest traits (mean_, lift_,
 * z_ columns) and the over-represented values (top_ columns).
 */
export function personaCards(table: { numRows: number; schema: { fields: { name: string }[] }; getChild(name: string): Col }): {
  kind: 'chart';
  chart: 'personas';
  title: Text;
  cards: PersonaCard[];
} {
  const names = table.schema.fields.map((f) => f.name);
  const features = names
    .filter((n) => n.startsWith('z_'))
    .map((n) => n.slice(2))
    .filter((f) => names.includes(`mean_${f}`));
  const tops = names.filter((n) => n.startsWith('top_'));
  const split = (s: unknown): [string, string] => {
    const text = typeof s === 'string' ? s : '';
    const at = text.indexOf(': ');
    return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 2)];
  };
  const cards: PersonaCard[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const [enName, enSentence] = split(table.getChild('persona')?.get(i));
    const [viName, viSentence] = split(table.getChild('persona_vi')?.get(i));
    const traits = features
      .map((f) => ({
        feature: f,
        lift: numAt(table.getChild(`lift_${f}`), i),
        mean: numAt(table.getChild(`mean_${f}`), i),
        z: numAt(table.getChild(`z_${f}`), i),
      }))
      .filter((t) => Number.isFinite(t.z))
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
      .slice(0, 3)
      .map((t) => ({ ...t, lift: Number.isFinite(t.lift) ? t.lift : null }));
    const top: string[] = [];
    for (const c of tops) {
      const v = table.getChild(c)?.get(i);
      if (typeof v === 'string' && v) top.push(`${c.slice(4)}: ${v}`);
    }
    cards.push({
      segment: numAt(table.getChild('segment'), i),
      size: numAt(table.getChild('size'), i),
      share: numAt(table.getChild('share'), i),
      name: { en: enName, vi: viName || enName },
      sentence: { en: enSentence, vi: viSentence || enSentence },
      traits,
      top,
    });
  }
  return { kind: 'chart', chart: 'personas', title: { en: 'Who is in each segment', vi: 'Chân dung từng phân khúc' }, cards };
}
