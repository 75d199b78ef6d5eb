/** Roles and plain-language sentences for the most influential people of a network. */
import type { Text } from '../contract/i18n';

export const SCORES = ['pagerank', 'degree_in', 'weight_in', 'betweenness'] as const;
export type Score = (typeof SCORES)[number];

/** Mean sentiment below this is "negative", above its opposite "positive". */
const NEGATIVE = -0.05;
/** Mean sentiment above this makes an advocate. */
const ADVOCATE = 0.3;

/** The q-quantile of ascending values (linear between neighbours), 0 when empty. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const at = (n - 1) * q,
    lo = Math.floor(at),
    hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export interface InfluencerFacts {
  rank: number;
  score: Score;
  value: number;
  /** The median of the score over everyone in the network. */
  median: number;
  /** PageRank in the top decile of the network. */
  highReach: boolean;
  /** Betweenness in the top 5 % (and above 0). */
  connector: boolean;
  sentiment: number | null;
  stage: string | null;
  segment: string | null;
}

export function roleOf(f: InfluencerFacts): Text {
  const en: string[] = [],
    vi: string[] = [];
  if (f.highReach && f.sentiment !== null && f.sentiment < NEGATIVE) {
    en.push('high reach, negative');
    vi.push('ảnh hưởng rộng, tiêu cực');
  } else if (f.highReach) {
    en.push('high reach');
    vi.push('ảnh hưởng rộng');
  }
  if ((f.stage ?? '').toLowerCase() === 'advocacy' || (f.sentiment !== null && f.sentiment > ADVOCATE)) {
    en.push('advocate');
    vi.push('người ủng hộ');
  }
  if (f.connector) {
    en.push('connector');
    vi.push('cầu nối');
  }
  if (!en.length) {
    en.push('active member');
    vi.push('thành viên tích cực');
  }
  return { en: en.join('; '), vi: vi.join('; ') };
}

const ordinal = (k: number) => {
  const s = k % 100 >= 11 && k % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[k % 10] ?? 'th');
  return `${k}${s}`;
};

/** Numbers as people read them: small scores with 2 significant digits, counts whole; "−" for minus. */
function num(x: number, lang: 'en' | 'vi'): string {
  const digits =
    Math.abs(x) >= 100 || Number.isInteger(x)
      ? 0
      : Math.abs(x) >= 1
        ? 1
        : Math.max(2, Math.min(6, 1 - Math.floor(Math.log10(Math.abs(x) || 1))));
  const s = x.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return s.replace('-', '−');
}

const WHAT: Record<Score, { en: string; vi: string; name: Text }> = {
  pagerank: { en: 'reach', vi: 'tầm ảnh hưởng', name: { en: 'PageRank ', vi: 'PageRank ' } },
  degree_in: { en: 'people who reach them', vi: 'số người tìm đến', name: { en: '', vi: '' } },
  weight_in: { en: 'interactions received', vi: 'số lượt tương tác nhận được', name: { en: '', vi: '' } },
  betweenness: { en: 'bridging groups', vi: 'mức nối các nhóm', name: { en: 'betweenness ', vi: 'độ trung gian ' } },
};

export function describeInfluencer(f: InfluencerFacts): Text {
  const w = WHAT[f.score];
  const times = f.median > 0 ? f.value / f.median : NaN;
  const mult = (lang: 'en' | 'vi') =>
    Number.isFinite(times)
      ? lang === 'en'
        ? `, ${num(Math.round(times * 10) / 10 >= 10 ? Math.round(times) : Math.round(times * 10) / 10, 'en')}× the median`
        : `, gấp ${num(Math.round(times * 10) / 10 >= 10 ? Math.round(times) : Math.round(times * 10) / 10, 'vi')} lần trung vị`
      : f.median === 0
        ? lang === 'en'
          ? ', while most people have 0'
          : ', trong khi đa số là 0'
        : '';
  const en = [`Ranks ${ordinal(f.rank)} by ${w.en} (${w.name.en}${num(f.value, 'en')}${mult('en')})`];
  const vi = [`Xếp thứ ${f.rank} về ${w.vi} (${w.name.vi}${num(f.value, 'vi')}${mult('vi')})`];
  if (f.sentiment !== null) {
    const s = f.sentiment;
    if (s < -ADVOCATE) {
      en.push(`mostly negative (${num(s, 'en')})`);
      vi.push(`phần lớn tiêu cực (${num(s, 'vi')})`);
    } else if (s < NEGATIVE) {
      en.push(`leaning negative (${num(s, 'en')})`);
      vi.push(`hơi tiêu cực (${num(s, 'vi')})`);
    } else if (s > ADVOCATE) {
      en.push(`mostly positive (${num(s, 'en')})`);
      vi.push(`phần lớn tích cực (${num(s, 'vi')})`);
    } else if (s > -NEGATIVE) {
      en.push(`leaning positive (${num(s, 'en')})`);
      vi.push(`hơi tích cực (${num(s, 'vi')})`);
    } else {
      en.push(`neutral on average (${num(s, 'en')})`);
      vi.push(`trung tính (${num(s, 'vi')})`);
    }
  }
  if (f.stage && f.stage !== 'none') {
    en.push(`journey stage: ${f.stage}`);
    vi.push(`giai đoạn hành trình: ${f.stage}`);
  }
  if (f.segment) {
    en.push(`segment ${f.segment}`);
    vi.push(`phân khúc ${f.segment}`);
  }
  if (f.connector) {
    en.push('bridges communities');
    vi.push('nối các cộng đồng với nhau');
  }
  if (f.highReach && f.score !== 'pagerank') {
    en.push('reach in the top 10%');
    vi.push('tầm ảnh hưởng thuộc nhóm 10% cao nhất');
  }
  return { en: `${en.join('; ')}.`, vi: `${vi.join('; ')}.` };
}
