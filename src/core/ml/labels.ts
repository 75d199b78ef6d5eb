/**
 * Readable words for column names in persona names and sentences, in English and Vietnamese:
 * the analyst's own labels first, then built-in labels for the sample audience's features, then
 * the name split into words ("MntWines" → "spend on wines", "NumWebPurchases" → "web purchases",
 * "status_type=photo" → "photo posts", "Education=PhD" → "PhD").
 */
import type { Text } from '../contract/i18n';

/** The sample audience's features (feature.aggregate's names). */
const BUILT_IN: Record<string, Text> = {
  interactions: { en: 'interactions', vi: 'lượt tương tác' },
  n_comment: { en: 'comments', vi: 'bình luận' },
  n_reaction: { en: 'reactions', vi: 'lượt thả cảm xúc' },
  n_share: { en: 'shares', vi: 'lượt chia sẻ' },
  share_comment: { en: 'share of comments', vi: 'tỷ lệ bình luận' },
  share_reaction: { en: 'share of reactions', vi: 'tỷ lệ thả cảm xúc' },
  share_share: { en: 'share of shares', vi: 'tỷ lệ chia sẻ' },
  share_night: { en: 'activity at night', vi: 'hoạt động ban đêm' },
  share_morning: { en: 'activity in the morning', vi: 'hoạt động buổi sáng' },
  share_afternoon: { en: 'activity in the afternoon', vi: 'hoạt động buổi chiều' },
  share_evening: { en: 'activity in the evening', vi: 'hoạt động buổi tối' },
  distinct_post_id: { en: 'different posts', vi: 'số bài viết khác nhau' },
  days_since_last: { en: 'days since last visit', vi: 'số ngày từ lần cuối' },
  days_active: { en: 'active days', vi: 'số ngày hoạt động' },
  peak_hour: { en: 'peak hour', vi: 'giờ hoạt động nhiều nhất' },
  sentiment_score: { en: 'tone', vi: 'cảm xúc' },
};

/** Common words of CRM and social-media exports (lower case) → Vietnamese. */
const VI_WORDS: Record<string, string> = {
  wines: 'rượu vang',
  wine: 'rượu vang',
  fruits: 'trái cây',
  meat: 'thịt',
  fish: 'cá',
  sweet: 'đồ ngọt',
  sweets: 'đồ ngọt',
  gold: 'vàng',
  products: 'sản phẩm',
  product: 'sản phẩm',
  prods: 'sản phẩm',
  deals: 'khuyến mãi',
  deal: 'khuyến mãi',
  web: 'web',
  catalog: 'catalog',
  store: 'cửa hàng',
  visits: 'lượt truy cập',
  visit: 'lượt truy cập',
  purchases: 'lượt mua',
  purchase: 'lượt mua',
  income: 'thu nhập',
  recency: 'số ngày từ lần mua cuối',
  complain: 'khiếu nại',
  complaints: 'khiếu nại',
  response: 'phản hồi chiến dịch',
  campaign: 'chiến dịch',
  reactions: 'lượt thả cảm xúc',
  comments: 'bình luận',
  shares: 'lượt chia sẻ',
  likes: 'lượt thích',
  loves: 'lượt “yêu thích”',
  wows: 'lượt “wow”',
  hahas: 'lượt “haha”',
  sads: 'lượt “buồn”',
  angrys: 'lượt “phẫn nộ”',
  impressions: 'lượt hiển thị',
  saves: 'lượt lưu',
  follows: 'lượt theo dõi',
  profile: 'trang cá nhân',
  conversion: 'chuyển đổi',
  rate: 'tỷ lệ',
  home: 'trang chủ',
  hashtags: 'hashtag',
  explore: 'khám phá',
  other: 'nguồn khác',
  age: 'tuổi',
  spending: 'chi tiêu',
  score: 'điểm',
  photo: 'ảnh',
  video: 'video',
  status: 'trạng thái',
  link: 'liên kết',
  posts: 'bài viết',
  month: 'tháng',
  day: 'ngày',
  hour: 'giờ',
  weekday: 'thứ trong tuần',
  price: 'giá',
  orders: 'đơn hàng',
  clicks: 'lượt nhấp',
  views: 'lượt xem',
  sessions: 'phiên truy cập',
  revenue: 'doanh thu',
  amount: 'số tiền',
  total: 'tổng',
};

/** Single tokens that are a phrase ("Kidhome" → "children at home"). */
const PHRASES: Record<string, Text> = {
  kidhome: { en: 'young children at home', vi: 'trẻ nhỏ trong nhà' },
  teenhome: { en: 'teenagers at home', vi: 'thiếu niên trong nhà' },
  recency: { en: 'days since last purchase', vi: 'số ngày từ lần mua cuối' },
  complain: { en: 'complained', vi: 'đã khiếu nại' },
  response: { en: 'answered the last campaign', vi: 'đáp lại chiến dịch gần nhất' },
};

/** "NumWebVisitsMonth" → ["Num", "Web", "Visits", "Month"]; "num_reactions" → ["num", "reactions"]; "AcceptedCmp3" → ["Accepted", "Cmp", "3"]. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .split(/[\s_.\-/]+/)
    .filter(Boolean);
}

const lower = (w: string) => (/^[A-Z]{2,}$|[a-z][A-Z]/.test(w) ? w : w.toLowerCase()); // keep "PhD", "CRM"
const vi = (words: string[]) =>
  words
    .map((w) => VI_WORDS[w.toLowerCase()] ?? w)
    .reverse()
    .join(' ');

/** The words for a one-hot column "column=value". */
function oneHot(column: string, value: string): Text {
  const v = value.trim();
  if (/^(status|post|media|content)[ _]?type$|^type$/i.test(column.trim())) {
    return { en: `${lower(v)} posts`, vi: `bài ${VI_WORDS[v.toLowerCase()] ?? v}` };
  }
  if (/^other$/i.test(v)) return { en: `other ${splitWords(column).map(lower).join(' ')}`, vi: `${splitWords(column).join(' ')} khác` };
  return { en: v, vi: VI_WORDS[v.toLowerCase()] ?? v };
}

/** Readable words for a column name (the analyst's labels win). */
export function readableLabel(name: string, labels: Record<string, Text> = {}): Text {
  if (Object.hasOwn(labels, name)) return labels[name];
  if (Object.hasOwn(BUILT_IN, name)) return BUILT_IN[name];
  const eq = name.indexOf('=');
  if (eq > 0) return oneHot(name.slice(0, eq), name.slice(eq + 1));
  const words = splitWords(name);
  if (!words.length) return { en: name, vi: name };
  const head = words[0].toLowerCase(),
    rest = words.slice(1);
  if (words.length === 1 && PHRASES[head]) return PHRASES[head];
  if (head === 'mnt' && rest.length)
    return {
      en: `spend on ${rest
        .map(lower)
        .join(' ')
        .replace(/\bprods\b/, 'products')}`,
      vi: `chi tiêu cho ${vi(rest)}`,
    };
  if (/^(num|n|nb|count|number)$/.test(head) && rest.length) {
    const month = rest.length > 1 && /^month$/i.test(rest[rest.length - 1]);
    const core = month ? rest.slice(0, -1) : rest;
    if (core.length === 2 && /^deals?$/i.test(core[0]) && /^purchases$/i.test(core[1]))
      return { en: 'discounted purchases', vi: 'lượt mua giảm giá' };
    return { en: `${core.map(lower).join(' ')}${month ? ' per month' : ''}`, vi: `${vi(core)}${month ? ' mỗi tháng' : ''}` };
  }
  if (head === 'accepted' && rest[0] && /^cmp$/i.test(rest[0]))
    return { en: `accepted campaign ${rest.slice(1).join(' ')}`.trim(), vi: `nhận ưu đãi chiến dịch ${rest.slice(1).join(' ')}`.trim() };
  if (head === 'year' && rest.length === 1 && /^birth$/i.test(rest[0])) return { en: 'year of birth', vi: 'năm sinh' };
  if (head === 'from' && rest.length) return { en: `reach from ${rest.map(lower).join(' ')}`, vi: `lượt hiển thị từ ${vi(rest)}` };
  return { en: words.map(lower).join(' '), vi: vi(words) };
}

/** The `labels` param ("column → English words | Vietnamese words") as texts; without "|", both languages use the same words. */
export function parseLabels(map: Record<string, string>): Record<string, Text> {
  const out: Record<string, Text> = {};
  for (const [column, words] of Object.entries(map)) {
    const at = words.indexOf('|');
    const en = (at < 0 ? words : words.slice(0, at)).trim(),
      viWords = at < 0 ? en : words.slice(at + 1).trim();
    if (column.trim() && en) out[column.trim()] = { en, vi: viWords || en };
  }
  return out;
}

const COUNT_WORDS =
  /^(likes|shares|comments|reactions|loves|wows|hahas|sads|angrys|views|visits|purchases|follows|saves|impressions|clicks|orders|interactions|posts|sessions)$/i;

/** Whether the column counts things ("num_shares", "NumWebPurchases", "Likes"): said "many"/"few" rather than "high"/"low". */
export function isCountName(name: string): boolean {
  if (name.includes('=')) return false;
  if (/^(kidhome|teenhome)$/i.test(name)) return true;
  const words = splitWords(name);
  return (
    words.length > 0 &&
    ((/^(num|n|nb|count)$/i.test(words[0]) && words.length > 1) ||
      (COUNT_WORDS.test(words[words.length - 1]) && !/^(share|rate|mean|avg)$/i.test(words[0])))
  );
}
