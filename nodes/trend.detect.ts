import type { Table } from 'apache-arrow';
import { z } from 'zod';
import type { TrendChart } from '../src/core/contract/chart';
import { NodeError } from '../src/core/contract/errors';
import type { Text } from '../src/core/contract/i18n';
import { defineNode } from '../src/core/contract/node';
import { isoString, parseTimes } from '../src/core/table/parse-time';
import {
  floatVector,
  int32Vector,
  isEmptyColumn,
  kindOf,
  requireColumn,
  requireTable,
  stringVector,
  tableOf,
  takeRows,
  toFloat64,
  withColumns,
} from '../src/core/table/table';
import { clip, clippedNote, TEXT_LIMIT } from '../src/core/text/limit';
import {
  autoUnit,
  binLabel,
  binRows,
  binStart,
  findGaps,
  findSpikes,
  scoreSeries,
  type BinUnit,
  type Spike,
  UNIT_MS,
} from '../src/core/trend/series';
import { DONE, inform, chartOut, columnParam, tableIn, tableOut, ngramsParam } from './kit';

/** The most bins a series may have (a finer unit over a longer span is refused). */
const MAX_BINS = 20_000;
/** The most spikes whose emerging terms are computed (the strongest by z). */
const MAX_SPIKES = 50;
/** Terms listed per spike. */
const SPIKE_TERMS = 5;
/** Numbers below this are read as Unix seconds, not milliseconds (1e11 ms is March 1973). */
const SECONDS_BELOW = 1e11;

const UNIT_WORDS: Record<BinUnit, Text> = {
  hour: { en: 'hour', vi: 'giờ' },
  day: { en: 'day', vi: 'ngày' },
  week: { en: 'week', vi: 'tuần' },
};

/** Rows over time with their spikes, and the words that rose in each spike and in the latest days. */
export default defineNode({
  type: 'trend.detect',
  version: 1,
  category: 'text',
  title: { en: 'Trends and spikes', vi: 'Xu hướng và đột biến' },
  description: {
    en: 'Counts the rows (comments, posts, messages) per hour, day or week, marks the spikes — periods with far more rows than the days before — and lists the emerging words of each spike and of the latest days: the words whose share of texts rose most against their own past, leaving out words too rare to be sure of. English and Vietnamese.',
    vi: 'Đếm số dòng (bình luận, bài đăng, tin nhắn) theo giờ, ngày hoặc tuần, đánh dấu các đột biến — những giai đoạn có nhiều dòng hơn hẳn những ngày trước — và liệt kê các từ nổi lên trong mỗi đột biến và trong những ngày gần nhất: những từ có tỷ lệ xuất hiện tăng mạnh nhất so với chính chúng trước đó, bỏ qua các từ quá hiếm để kết luận. Tiếng Anh và tiếng Việt.',
  },
  inputs: [tableIn()],
  outputs: [
    tableOut({ en: 'Volume over time', vi: 'Số lượng theo thời gian' }, 'series'),
    tableOut({ en: 'Spikes', vi: 'Các đột biến' }, 'spikes'),
    tableOut({ en: 'Emerging words (latest days)', vi: 'Từ nổi lên (những ngày gần nhất)' }, 'terms'),
    tableOut({ en: 'Rows behind the spikes', vi: 'Các dòng trong đột biến' }, 'rows'),
    chartOut({ en: 'Trend', vi: 'Xu hướng' }, 'chart'),
  ],
  params: z.object({
    time: columnParam(
      'any',
      { en: 'Time column', vi: 'Cột thời gian' },
      {
        default: 'timestamp',
        help: {
          en: 'When each row happened: dates, date-times, or Unix times in seconds or milliseconds.',
          vi: 'Thời điểm của mỗi dòng: ngày, ngày giờ, hoặc thời gian Unix tính bằng giây hay mili giây.',
        },
      },
    ),
    text: columnParam(
      'string',
      { en: 'Text column (optional)', vi: 'Cột văn bản (không bắt buộc)' },
      {
        default: 'text',
        help: {
          en: 'The texts whose emerging words are listed. Empty: only the volume and its spikes.',
          vi: 'Các văn bản dùng để tìm từ nổi lên. Để trống: chỉ đếm số lượng và tìm đột biến.',
        },
      },
    ),
    unit: z
      .enum(['auto', 'hour', 'day', 'week'])
      .default('auto')
      .meta({
        label: { en: 'Count per', vi: 'Đếm theo' },
        help: {
          en: 'Auto: hours for up to about 16 days of data, days for up to about 13 months, else weeks. Times are in UTC; weeks start on Monday.',
          vi: 'Tự động: theo giờ nếu dữ liệu dài tới khoảng 16 ngày, theo ngày nếu tới khoảng 13 tháng, còn lại theo tuần. Thời gian tính theo giờ UTC; tuần bắt đầu từ thứ Hai.',
        },
        options: {
          auto: { en: 'Automatic', vi: 'Tự động' },
          hour: { en: 'Hour', vi: 'Giờ' },
          day: { en: 'Day', vi: 'Ngày' },
          week: { en: 'Week', vi: 'Tuần' },
        },
      }),
    baseline: z
      .number()
      .int()
      .min(3)
      .max(60)
      .default(7)
      .meta({
        label: { en: 'Compare with the previous', vi: 'So với số khoảng trước đó' },
        help: {
          en: 'How many earlier periods make the usual level (their median). For hours: the same hour on that many earlier days, so the daily rhythm is not a spike.',
          vi: 'Số khoảng thời gian trước đó dùng làm mức bình thường (trung vị của chúng). Với giờ: cùng giờ đó trong chừng ấy ngày trước, để nhịp trong ngày không bị coi là đột biến.',
        },
      }),
    threshold: z
      .number()
      .min(1)
      .max(20)
      .default(3.5)
      .meta({
        label: { en: 'Spike strength (robust z)', vi: 'Độ mạnh của đột biến (z bền vững)' },
        help: {
          en: 'How far above the usual level a period must be, in robust standard deviations (median and median absolute deviation). 3.5 is the usual choice; lower finds more spikes.',
          vi: 'Một khoảng thời gian phải cao hơn mức bình thường bao nhiêu, tính bằng độ lệch chuẩn bền vững (trung vị và độ lệch tuyệt đối trung vị). Thường dùng 3,5; thấp hơn thì tìm được nhiều đột biến hơn.',
        },
      }),
    minVolume: z
      .number()
      .int()
      .min(1)
      .default(5)
      .meta({
        label: { en: 'Fewest rows in a spike period', vi: 'Số dòng tối thiểu trong một khoảng đột biến' },
        help: {
          en: 'A period with fewer rows is never a spike, however quiet the days before.',
          vi: 'Khoảng thời gian có ít dòng hơn số này không bao giờ là đột biến, dù những ngày trước có vắng đến đâu.',
        },
      }),
    recent: z
      .number()
      .int()
      .min(0)
      .max(400)
      .default(0)
      .meta({
        label: { en: 'Latest periods to look at', vi: 'Số khoảng gần nhất cần xem' },
        help: {
          en: 'The emerging words are those of the latest periods against everything before. 0: the last 7 days (the last week when counting per week).',
          vi: 'Từ nổi lên là từ của những khoảng gần nhất so với mọi thứ trước đó. 0: 7 ngày cuối (tuần cuối khi đếm theo tuần).',
        },
      }),
    minCount: z
      .number()
      .int()
      .min(2)
      .default(5)
      .meta({
        label: { en: 'Fewest texts per word', vi: 'Số văn bản tối thiểu mỗi từ' },
        help: {
          en: 'A word must appear in at least this many texts of the period to be listed. Words must also at least double their share and pass a log-likelihood test (p < 0.001).',
          vi: 'Một từ phải xuất hiện trong ít nhất chừng này văn bản của khoảng thời gian mới được liệt kê. Từ đó còn phải tăng tỷ lệ ít nhất gấp đôi và vượt kiểm định tỷ số hợp lý (p < 0,001).',
        },
      }),
    top: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(15)
      .meta({ label: { en: 'Emerging words to list', vi: 'Số từ nổi lên cần liệt kê' } }),
    ngrams: ngramsParam(1),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const n = table.numRows;
    await ctx.progress(0, { en: 'Reading times…', vi: 'Đang đọc thời gian…' });
    const timeVector = requireColumn(table, params.time);
    if (isEmptyColumn(timeVector)) {
      throw new NodeError({
        en: `The time column "${params.time}" is empty. Choose the column that says when each row happened.`,
        vi: `Cột thời gian "${params.time}" trống. Hãy chọn cột cho biết thời điểm của mỗi dòng.`,
      });
    }
    const parsed = parseTimes(timeVector);
    const ms = parsed.ms;
    if (kindOf(timeVector.type) === 'number') {
      // parseTimes reads numbers below SECONDS_BELOW as Unix seconds (as clean.cast does): say so.
      const raw = toFloat64(timeVector);
      let max = -Infinity;
      for (let i = 0; i < n; i++) if (raw[i] === raw[i] && Math.abs(raw[i]) > max) max = Math.abs(raw[i]);
      if (max < SECONDS_BELOW) {
        inform(ctx, {
          en: `"${params.time}" holds numbers: read as Unix times in seconds.`,
          vi: `"${params.time}" chứa số: được đọc là thời gian Unix tính bằng giây.`,
        });
      }
    }
    // Rows dated after today cannot be counted honestly (an unfinished period): they are left out.
    const tomorrow = Date.now() + UNIT_MS.day;
    let future = 0;
    for (let i = 0; i < n; i++)
      if (ms[i] > tomorrow) {
        ms[i] = NaN;
        future++;
      }
    const unread = parsed.missing + parsed.bad;
    if (unread + future === n) {
      throw new NodeError({
        en: `No row of "${params.time}" holds a date that can be read${parsed.example ? ` (for example "${parsed.example}")` : ''}${future ? ` or is not in the future (${future.toLocaleString('en')} rows are after today)` : ''}. Choose the column with the dates, or convert it with "Change column types".`,
        vi: `Không dòng nào của "${params.time}" có ngày đọc được${parsed.example ? ` (ví dụ "${parsed.example}")` : ''}${future ? ` hoặc không nằm trong tương lai (${future.toLocaleString('vi')} dòng sau hôm nay)` : ''}. Hãy chọn cột chứa ngày, hoặc chuyển đổi bằng "Đổi kiểu cột".`,
      });
    }
    if (parsed.bad)
      ctx.warn({
        en: `${parsed.bad.toLocaleString('en')} rows have a time that cannot be read (for example "${parsed.example}") and are left out.`,
        vi: `${parsed.bad.toLocaleString('vi')} dòng có thời gian không đọc được (ví dụ "${parsed.example}") nên bị bỏ ra.`,
      });
    if (parsed.missing)
      inform(ctx, {
        en: `${parsed.missing.toLocaleString('en')} rows have no time and are left out.`,
        vi: `${parsed.missing.toLocaleString('vi')} dòng không có thời gian nên bị bỏ ra.`,
      });
    if (future)
      ctx.warn({
        en: `${future.toLocaleString('en')} rows are dated after today and are left out; check the time column.`,
        vi: `${future.toLocaleString('vi')} dòng có ngày sau hôm nay nên bị bỏ ra; hãy kiểm tra cột thời gian.`,
      });

    let lo = Infinity,
      hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const t = ms[i];
      if (t === t) {
        if (t < lo) lo = t;
        if (t > hi) hi = t;
      }
    }
    const unit: BinUnit = params.unit === 'auto' ? autoUnit(lo, hi) : params.unit;
    const origin = binStart(lo, unit);
    const binCount = Math.floor((hi - origin) / UNIT_MS[unit]) + 1;
    if (binCount > MAX_BINS) {
      throw new NodeError({
        en: `From ${isoString(lo).slice(0, 10)} to ${isoString(hi).slice(0, 10)} there are ${binCount.toLocaleString('en')} ${UNIT_WORDS[unit].en}s, more than the ${MAX_BINS.toLocaleString('en')} this node counts. Count per ${unit === 'hour' ? 'day or week' : 'week'}, or keep a shorter period with "Filter rows" (a few wrong dates far in the past also stretch the period).`,
        vi: `Từ ${isoString(lo).slice(0, 10)} đến ${isoString(hi).slice(0, 10)} có ${binCount.toLocaleString('vi')} ${UNIT_WORDS[unit].vi}, nhiều hơn mức ${MAX_BINS.toLocaleString('vi')} mà nút này đếm được. Hãy đếm theo ${unit === 'hour' ? 'ngày hoặc tuần' : 'tuần'}, hoặc giữ một giai đoạn ngắn hơn bằng "Lọc dòng" (vài ngày sai nằm xa trong quá khứ cũng kéo dài giai đoạn).`,
      });
    }
    if (params.unit === 'auto')
      inform(ctx, {
        en: `Counted per ${UNIT_WORDS[unit].en}: ${binCount.toLocaleString('en')} ${UNIT_WORDS[unit].en}s from ${isoString(lo).slice(0, 10)} to ${isoString(hi).slice(0, 10)}.`,
        vi: `Đếm theo ${UNIT_WORDS[unit].vi}: ${binCount.toLocaleString('vi')} ${UNIT_WORDS[unit].vi} từ ${isoString(lo).slice(0, 10)} đến ${isoString(hi).slice(0, 10)}.`,
      });
    const { bins } = binRows(ms, unit, origin);
    const volume = new Float64Array(binCount);
    for (let i = 0; i < n; i++) if (bins[i] >= 0) volume[bins[i]]++;
    const series = scoreSeries(volume, params.baseline, unit, origin);
    const gaps = findGaps(volume, params.baseline, unit);
    if (gaps.length) {
      const shown = gaps.slice(0, 3).map((g) => `${binLabel(series, g.from)} – ${binLabel(series, g.to)}`);
      const more = gaps.length > 3 ? gaps.length - 3 : 0;
      ctx.warn({
        en: `${gaps.length} pause${gaps.length > 1 ? 's' : ''} without any row (${shown.join('; ')}${more ? `; ${more} more` : ''}) ${gaps.length > 1 ? 'are' : 'is'} treated as missing data, not as quiet time: left out of the usual level, so the return after a pause is not a spike.`,
        vi: `${gaps.length} khoảng trống không có dòng nào (${shown.join('; ')}${more ? `; thêm ${more} khoảng` : ''}) được coi là thiếu dữ liệu, không phải thời gian vắng: không tính vào mức bình thường, nên lúc dữ liệu có lại không bị coi là đột biến.`,
      });
    }
    let spikes = findSpikes(series, params.threshold, params.minVolume);
    await ctx.progress(0.15, { en: 'Spikes…', vi: 'Đang tìm đợt tăng vọt…' });
    if (spikes.length > MAX_SPIKES) {
      const kept = new Set([...spikes].sort((a, b) => b.z - a.z).slice(0, MAX_SPIKES));
      ctx.warn({
        en: `${spikes.length.toLocaleString('en')} spikes were found; the ${MAX_SPIKES} strongest are kept. Raise "Spike strength" to see only the clearest ones.`,
        vi: `Tìm thấy ${spikes.length.toLocaleString('vi')} đột biến; giữ lại ${MAX_SPIKES} đột biến mạnh nhất. Hãy tăng "Độ mạnh của đột biến" để chỉ xem những đột biến rõ nhất.`,
      });
      spikes = spikes.filter((s) => kept.has(s));
    }
    const recentBins = params.recent || (unit === 'hour' ? 7 * 24 : unit === 'day' ? 7 : 1);
    const recent = { from: Math.max(0, binCount - recentBins), to: binCount - 1 };

    // Emerging words, when there is a text column.
    let spikeTerms: string[][] = spikes.map(() => []);
    let terms: Table = tableOf({
      term: stringVector([]),
      first_seen: stringVector([]),
      growth: floatVector(new Float64Array(0)),
      z: floatVector(new Float64Array(0)),
      count: int32Vector(new Int32Array(0)),
      history_count: int32Vector(new Int32Array(0)),
    });
    const textColumn = params.text && (params.text !== 'text' || table.schema.fields.some((f) => f.name === 'text')) ? params.text : '';
    if (textColumn) {
      const vector = requireColumn(table, textColumn);
      if (kindOf(vector.type) !== 'string' && !isEmptyColumn(vector)) {
        throw new NodeError({
          en: `The column "${textColumn}" does not hold text. Choose a text column, or leave "Text column" empty to count rows only.`,
          vi: `Cột "${textColumn}" không chứa văn bản. Hãy chọn một cột văn bản, hoặc để trống "Cột văn bản" để chỉ đếm số dòng.`,
        });
      }
      const [{ encodeKeys }, { textTerms }, trend] = await Promise.all([
        import('../src/core/table/encode-keys'),
        import('../src/core/text/keywords'),
        import('../src/core/trend/terms'),
      ]);
      const keys = await encodeKeys(vector, (done) =>
        ctx.progress(0.15 + (0.1 * done) / Math.max(1, n), { en: 'Reading texts…', vi: 'Đang đọc văn bản…' }),
      );
      // Only the texts of rows with a time are tokenised; each distinct text once.
      const needed = new Uint8Array(keys.values.length);
      for (let i = 0; i < n; i++) if (bins[i] >= 0 && keys.codes[i] >= 0) needed[keys.codes[i]] = 1;
      const ids = new Map<string, number>();
      const vocabulary: string[] = [];
      const termsOfText: Int32Array[] = new Array(keys.values.length);
      const empty = new Int32Array(0);
      let long = 0;
      for (let k = 0; k < keys.values.length; k++) {
        if (k % 5000 === 0) await ctx.progress(0.25 + (0.45 * k) / keys.values.length, { en: 'Counting words…', vi: 'Đang đếm từ…' });
        if (!needed[k]) {
          termsOfText[k] = empty;
          continue;
        }
        let text = String(keys.values[k]);
        if (text.length > TEXT_LIMIT) {
          long++;
          text = clip(text);
        }
        const seen = new Set<number>();
        for (const w of textTerms(text, params.ngrams)) {
          let id = ids.get(w);
          if (id === undefined) {
            id = vocabulary.length;
            ids.set(w, id);
            vocabulary.push(w);
          }
          seen.add(id);
        }
        termsOfText[k] = Int32Array.from(seen);
      }
      if (long) ctx.warn(clippedNote(long));
      const docs = { vocabulary, bins, codes: keys.codes, termsOfText, binCount };
      const windows = [...spikes.map((s) => ({ from: s.from, to: s.to })), recent];
      const options = { minCount: params.minCount, minGrowth: 2, top: params.top };
      const found = await trend.emergingTerms(docs, windows, options, (f) =>
        ctx.progress(0.7 + 0.2 * f, { en: 'Emerging words…', vi: 'Đang tìm từ nổi lên…' }),
      );
      spikeTerms = spikes.map((_, i) => found[i].terms.slice(0, SPIKE_TERMS).map((t) => t.term));
      const latest = found[spikes.length];
      const first = trend.firstSeen(docs);
      const index = new Map(vocabulary.map((w, i) => [w, i]));
      const list = latest.terms;
      terms = tableOf({
        term: stringVector(list.map((t) => t.term)),
        first_seen: stringVector(list.map((t) => binLabel(series, first[index.get(t.term)!]))),
        growth: floatVector(Float64Array.from(list, (t) => t.growth)),
        z: floatVector(Float64Array.from(list, (t) => t.z)),
        count: int32Vector(Int32Array.from(list, (t) => t.count)),
        history_count: int32Vector(Int32Array.from(list, (t) => t.history)),
      });
      const period = `${binLabel(series, recent.from)} – ${binLabel(series, recent.to)}`;
      if (latest.historyDocuments === 0)
        ctx.warn({
          en: `The latest period (${period}) covers all the data, so there is no earlier history to compare its words with. Set "Latest periods to look at" lower.`,
          vi: `Giai đoạn gần nhất (${period}) phủ toàn bộ dữ liệu, nên không có dữ liệu trước đó để so sánh từ ngữ. Hãy giảm "Số khoảng gần nhất cần xem".`,
        });
      else
        inform(ctx, {
          en: `Emerging words of ${period} (${latest.documents.toLocaleString('en')} texts) against the ${latest.historyDocuments.toLocaleString('en')} texts before: ${
            list.length
              ? list
                  .slice(0, 5)
                  .map((t) => t.term)
                  .join(', ')
              : 'none passed the significance floor'
          }.`,
          vi: `Từ nổi lên trong ${period} (${latest.documents.toLocaleString('vi')} văn bản) so với ${latest.historyDocuments.toLocaleString('vi')} văn bản trước đó: ${
            list.length
              ? list
                  .slice(0, 5)
                  .map((t) => t.term)
                  .join(', ')
              : 'không từ nào vượt ngưỡng ý nghĩa'
          }.`,
        });
    }
    await ctx.progress(0.9, { en: 'Tables…', vi: 'Đang lập bảng…' });

    const spikeOf = new Int32Array(binCount);
    spikes.forEach((s, i) => {
      for (let b = s.from; b <= s.to; b++) spikeOf[b] = i + 1;
    });
    const labels = Array.from({ length: binCount }, (_, b) => binLabel(series, b));
    const seriesTable = tableOf({
      start: stringVector(labels),
      volume: floatVector(volume),
      expected: floatVector(series.expected),
      z: floatVector(series.z),
      spike: int32Vector(spikeOf),
    });
    const spikesTable = tableOf({
      spike: int32Vector(Int32Array.from(spikes, (_, i) => i + 1)),
      start: stringVector(spikes.map((s) => labels[s.from])),
      end: stringVector(spikes.map((s) => labels[s.to])),
      periods: int32Vector(Int32Array.from(spikes, (s) => s.to - s.from + 1)),
      volume: floatVector(Float64Array.from(spikes, (s) => s.volume)),
      expected: floatVector(Float64Array.from(spikes, (s) => s.expected)),
      z: floatVector(Float64Array.from(spikes, (s) => s.z)),
      top_terms: stringVector(spikeTerms.map((t) => t.join(', '))),
    });
    // The rows of the spikes, in time order, with their spike number.
    const picked: number[] = [];
    for (let i = 0; i < n; i++) if (bins[i] >= 0 && spikeOf[bins[i]]) picked.push(i);
    picked.sort((a, b) => ms[a] - ms[b] || a - b);
    const indices = Int32Array.from(picked);
    const rows = withColumns(takeRows(table, indices), { spike: int32Vector(Int32Array.from(picked, (i) => spikeOf[bins[i]])) });
    inform(ctx, spikeSummary(spikes, labels, spikeTerms, unit));
    const chart: TrendChart = {
      kind: 'chart',
      chart: 'trend',
      title: { en: `Rows per ${UNIT_WORDS[unit].en}, spikes marked`, vi: `Số dòng theo ${UNIT_WORDS[unit].vi}, đánh dấu đột biến` },
      x: labels,
      volume: Array.from(volume),
      expected: Array.from(series.expected, (v) => (v === v ? round(v) : null)),
      spikes: spikes.map((s, i) => ({ from: s.from, to: s.to, volume: s.volume, z: round(s.z), terms: spikeTerms[i] })),
      unit,
    };
    await ctx.progress(1, DONE);
    return { series: seriesTable, spikes: spikesTable, terms, rows, chart };
  },
  // Spikes compare each period with the ones before it, and the rows behind them are returned: all rows at once.
  scale: 'whole',
});

const round = (x: number) => Math.round(x * 100) / 100;

function spikeSummary(spikes: Spike[], labels: string[], terms: string[][], unit: BinUnit): Text {
  if (!spikes.length)
    return {
      en: `No spike: no ${UNIT_WORDS[unit].en} stands out from the ones before it. Lower "Spike strength" to see smaller rises.`,
      vi: `Không có đột biến: không ${UNIT_WORDS[unit].vi} nào nổi bật so với trước đó. Hãy giảm "Độ mạnh của đột biến" để thấy những lần tăng nhỏ hơn.`,
    };
  const top = [...spikes.keys()].sort((a, b) => spikes[b].z - spikes[a].z)[0];
  const s = spikes[top];
  const when = s.from === s.to ? labels[s.from] : `${labels[s.from]} – ${labels[s.to]}`;
  const words = terms[top].slice(0, 3);
  return {
    en: `${spikes.length} spike${spikes.length > 1 ? 's' : ''}; the strongest: ${when}, ${s.volume.toLocaleString('en')} rows where about ${Math.round(s.expected).toLocaleString('en')} were usual${words.length ? ` (rising words: ${words.join(', ')})` : ''}.`,
    vi: `${spikes.length} đột biến; mạnh nhất: ${when}, ${s.volume.toLocaleString('vi')} dòng trong khi thường chỉ khoảng ${Math.round(s.expected).toLocaleString('vi')}${words.length ? ` (từ nổi lên: ${words.join(', ')})` : ''}.`,
  };
}
