import { Int32, makeData, makeVector, type Vector } from 'apache-arrow';
import { z } from 'zod';
import { encodeKeys, type EncodedKeys } from '../src/core/table/encode-keys';
import { NodeError } from '../src/core/contract/errors';
import { defineNode, type RunContext } from '../src/core/contract/node';
import type { Text } from '../src/core/contract/i18n';
import { DAY_MS, hourOf, isoString, parseTimes } from '../src/core/table/parse-time';
import { utf8FromStrings } from '../src/core/sample/utf8';
import { ColumnList, floatVector, kindOf, requireColumn, requireTable, toFloat64 } from '../src/core/table/table';
import { ident, numberExpr, sqlColumn, sqlString } from '../src/core/sql/quote';
import type { SqlColumn } from '../src/core/contract/node';
import { columnParam, columnsParam, DONE, inform, tableIn, tableOut } from './kit';

const int32 = (values: Int32Array): Vector =>
  makeVector(makeData({ type: new Int32(), length: values.length, nullCount: 0, data: values }));
const STEP = 65536;
/** Hour → part of the day: 0 night (22–05h), 1 morning (06–11), 2 afternoon (12–17), 3 evening (18–21). */
const PART_OF_HOUR = Array.from({ length: 24 }, (_, h) => (h >= 22 || h <= 5 ? 0 : h <= 11 ? 1 : h <= 17 ? 2 : 3));
const PART_NAMES = ['share_night', 'share_morning', 'share_afternoon', 'share_evening'];

/** A column name part from a category value: trimmed, inner spaces as underscores. */
const label = (v: string | number) => String(v).trim().replace(/\s+/g, '_');

/** Per-user (or per any key) features of an interactions table, one row per key. */
export default defineNode({
  type: 'feature.aggregate',
  version: 2,
  category: 'feature',
  title: { en: 'Per-user features', vi: 'Đặc trưng theo người dùng' },
  description: {
    en: 'Turns interactions into one row per user: how many and of which type, sums and means, distinct posts, recency, active days and the hours they are active.',
    vi: 'Gộp các lượt tương tác thành một dòng cho mỗi người dùng: số lượt và theo loại, tổng và trung bình, số bài khác nhau, độ gần đây, số ngày hoạt động và khung giờ hay hoạt động.',
  },
  inputs: [tableIn({ en: 'Interactions', vi: 'Lượt tương tác' })],
  outputs: [tableOut({ en: 'One row per user', vi: 'Mỗi người dùng một dòng' })],
  params: z.object({
    by: z
      .string()
      .min(1)
      .default('user_id')
      .meta({
        label: { en: 'Group by (user column)', vi: 'Gộp theo (cột người dùng)' },
        help: { en: 'One output row per distinct value of this column.', vi: 'Mỗi giá trị khác nhau của cột này thành một dòng.' },
        widget: 'column',
        columnType: 'any',
      }),
    time: columnParam(
      'date',
      { en: 'Time column', vi: 'Cột thời gian' },
      {
        help: {
          en: 'Dates and times (e.g. 2026-06-30 14:05 or 6/30/2026 2:05 PM) for recency, active days and hours. Leave empty to skip.',
          vi: 'Ngày giờ (vd. 2026-06-30 14:05 hoặc 6/30/2026 2:05 PM) để tính độ gần đây, số ngày và khung giờ hoạt động. Để trống để bỏ qua.',
        },
        default: 'timestamp',
      },
    ),
    type: columnParam(
      'any',
      { en: 'Interaction type column', vi: 'Cột loại tương tác' },
      {
        help: {
          en: 'Each value (comment, reaction, share…) gets a count n_… and a share share_…. Leave empty to skip.',
          vi: 'Mỗi giá trị (comment, reaction, share…) có cột đếm n_… và tỉ lệ share_…. Để trống để bỏ qua.',
        },
        default: 'type',
      },
    ),
    values: columnsParam(
      'number',
      { en: 'Numbers to sum and average', vi: 'Cột số để tính tổng và trung bình' },
      { help: { en: 'Adds sum_… and mean_… per user.', vi: 'Thêm sum_… và mean_… cho mỗi người dùng.' } },
    ),
    distinct: columnsParam(
      'any',
      { en: 'Count distinct values of', vi: 'Đếm số giá trị khác nhau của' },
      {
        help: {
          en: 'Adds distinct_… per user, e.g. how many different posts.',
          vi: 'Thêm distinct_… cho mỗi người dùng, vd. số bài đăng khác nhau.',
        },
        default: ['post_id'],
      },
    ),
    hours: z
      .boolean()
      .default(true)
      .meta({
        when: { param: 'time', notIn: [''] },
        label: { en: 'Active-hour profile', vi: 'Khung giờ hoạt động' },
        help: {
          en: 'Shares of night (22–05h), morning (06–11h), afternoon (12–17h), evening (18–21h) and the peak hour.',
          vi: 'Tỉ lệ đêm (22–05h), sáng (06–11h), chiều (12–17h), tối (18–21h) và giờ cao điểm.',
        },
      }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const n = table.numRows;
    const byVector = requireColumn(table, params.by);
    const typeVector = params.type ? requireColumn(table, params.type) : null;
    const timeVector = params.time ? requireColumn(table, params.time) : null;
    const valueVectors = params.values.map((c) => requireColumn(table, c, 'number'));
    const distinctVectors = params.distinct.map((c) => requireColumn(table, c));
    if (timeVector && kindOf(timeVector.type) === 'boolean') {
      throw new NodeError({
        en: `The column "${params.time}" holds yes/no values, not dates. Choose a date or time column, or leave "Time column" empty.`,
        vi: `Cột "${params.time}" chứa giá trị có/không, không phải ngày giờ. Hãy chọn cột ngày giờ, hoặc để trống "Cột thời gian".`,
      });
    }
    const phase = (from: number, to: number, message: Text) => (done: number) =>
      ctx.progress(from + ((to - from) * done) / Math.max(1, n), message);

    await ctx.progress(0, { en: 'Grouping rows…', vi: 'Đang nhóm các dòng…' });
    const keys = await encodeKeys(byVector, phase(0, 0.25, { en: 'Grouping rows…', vi: 'Đang nhóm các dòng…' }));
    if (keys.missing) {
      ctx.warn({
        en: `${keys.missing} row(s) have no value in "${params.by}" and were left out.`,
        vi: `${keys.missing} dòng không có giá trị ở "${params.by}" nên bị bỏ qua.`,
      });
    }
    const users = keys.values.length;

    // Types: one n_/share_ column pair per distinct value, in alphabetical order.
    let types: EncodedKeys | null = null;
    let typeOrder: number[] = [];
    if (typeVector) {
      types = await encodeKeys(typeVector, phase(0.25, 0.35, { en: 'Reading interaction types…', vi: 'Đang đọc các loại tương tác…' }));
      typeOrder = types.values.map((_, i) => i).filter((i) => label(types!.values[i]) !== '');
      if (typeOrder.length > 50) {
        throw new NodeError({
          en: `The column "${params.type}" has ${typeOrder.length} different values; a type column should have a few (comment, reaction, share…). Choose another column or leave it empty.`,
          vi: `Cột "${params.type}" có ${typeOrder.length} giá trị khác nhau; cột loại chỉ nên có vài giá trị (comment, reaction, share…). Hãy chọn cột khác hoặc để trống.`,
        });
      }
      typeOrder.sort((a, b) => String(types!.values[a]).localeCompare(String(types!.values[b])));
    }

    // Times.
    let times: Float64Array | null = null;
    let globalMax = -Infinity;
    if (timeVector) {
      await ctx.progress(0.35, { en: 'Reading times…', vi: 'Đang đọc thời gian…' });
      const parsed = parseTimes(timeVector);
      const readable = n - parsed.missing - parsed.bad;
      if (readable === 0) {
        throw new NodeError(
          parsed.bad
            ? {
                en: `No value of the column "${params.time}" could be read as a date or time (for example "${parsed.example}"). Use values like 2026-06-30 14:05 or 6/30/2026 2:05 PM, choose another column, or leave "Time column" empty.`,
                vi: `Không đọc được giá trị nào của cột "${params.time}" thành ngày giờ (ví dụ "${parsed.example}"). Hãy dùng dạng 2026-06-30 14:05 hoặc 6/30/2026 2:05 PM, chọn cột khác, hoặc để trống "Cột thời gian".`,
              }
            : {
                en: `The column "${params.time}" has no values. Choose another time column or leave "Time column" empty.`,
                vi: `Cột "${params.time}" không có giá trị nào. Hãy chọn cột thời gian khác hoặc để trống "Cột thời gian".`,
              },
        );
      }
      if (parsed.bad) {
        ctx.warn({
          en: `${parsed.bad} value(s) of "${params.time}" could not be read as dates and were ignored (e.g. "${parsed.example}").`,
          vi: `${parsed.bad} giá trị của "${params.time}" không đọc được thành ngày giờ nên bị bỏ qua (vd. "${parsed.example}").`,
        });
      }
      if (parsed.missing) {
        ctx.warn({
          en: `${parsed.missing} row(s) have no time in "${params.time}"; they count as interactions but not for recency or hours.`,
          vi: `${parsed.missing} dòng không có thời gian ở "${params.time}"; vẫn được tính là lượt tương tác nhưng không tính vào độ gần đây hay khung giờ.`,
        });
      }
      if (parsed.dayFirst)
        inform(ctx, {
          en: `Dates in "${params.time}" were read as day/month/year.`,
          vi: `Ngày trong "${params.time}" được đọc theo ngày/tháng/năm.`,
        });
      times = parsed.ms;
      for (let i = 0; i < n; i++) if (times[i] > globalMax) globalMax = times[i];
    }

    const distinctCodes: Int32Array[] = [];
    const distinctSizes: number[] = [];
    for (let d = 0; d < distinctVectors.length; d++) {
      const from = 0.45 + (0.2 * d) / distinctVectors.length;
      const enc = await encodeKeys(
        distinctVectors[d],
        phase(from, from + 0.2 / distinctVectors.length, {
          en: `Counting distinct ${params.distinct[d]}…`,
          vi: `Đang đếm giá trị khác nhau của ${params.distinct[d]}…`,
        }),
      );
      distinctCodes.push(enc.codes);
      distinctSizes.push(enc.values.length);
    }
    const values = valueVectors.map((v) => toFloat64(v));

    // Rows grouped by key (counting sort), then one pass per key.
    const codes = keys.codes;
    const count = new Int32Array(users);
    for (let i = 0; i < n; i++) if (codes[i] >= 0) count[codes[i]]++;
    const start = new Int32Array(users + 1);
    for (let u = 0; u < users; u++) start[u + 1] = start[u] + count[u];
    const fill = start.slice(0, users);
    const order = new Int32Array(start[users]);
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      if (c >= 0) order[fill[c]++] = i;
    }

    const out = await accumulate(ctx, {
      users,
      start,
      order,
      types: types?.codes ?? null,
      typeCount: types?.values.length ?? 0,
      values,
      distinctCodes,
      distinctSizes,
      times,
      hours: params.hours,
    });

    // Output columns.
    const columns = new ColumnList();
    columns.set(
      params.by,
      keys.kind === 'number'
        ? floatVector(Float64Array.from(keys.values as number[]))
        : makeVector(utf8FromStrings(keys.values as string[])),
    );
    columns.set('interactions', int32(count));
    for (const t of typeOrder) columns.set(`n_${label(types!.values[t])}`, int32(out.typeCounts[t]));
    for (const t of typeOrder)
      columns.set(`share_${label(types!.values[t])}`, floatVector(Float64Array.from(out.typeCounts[t], (c, u) => c / count[u])));
    params.values.forEach((c, k) => {
      columns.set(`sum_${c}`, floatVector(out.sums[k]));
      columns.set(`mean_${c}`, floatVector(out.sums[k].map((s, u) => (out.counts[k][u] ? s / out.counts[k][u] : NaN))));
    });
    params.distinct.forEach((c, d) => {
      columns.set(`distinct_${c}`, int32(out.distinct[d]));
    });
    if (times) {
      columns.set('days_since_last', floatVector(out.last.map((t) => (t === -Infinity ? NaN : (globalMax - t) / DAY_MS))));
      columns.set('days_active', int32(out.days));
      columns.set('first_seen', makeVector(utf8FromStrings(Array.from(out.first, (t) => (t === Infinity ? null : isoString(t))))));
      columns.set('last_seen', makeVector(utf8FromStrings(Array.from(out.last, (t) => (t === -Infinity ? null : isoString(t))))));
      if (params.hours) {
        PART_NAMES.forEach((name, p) => {
          columns.set(name, floatVector(out.parts[p]));
        });
        columns.set('peak_hour', floatVector(out.peak));
      }
    }
    await ctx.progress(1, DONE);
    return { out: columns.toTable() };
  },
  // One pass over the input: a stored stage of per-key partial results (counts per type value,
  // sums, distinct counts, first/last time, the peak hour), then the output reads that small table.
  // The type values come from a sample of rows; the stage also counts the values outside it, and
  // only when there are some (a value first seen late in the file) are they counted in a second pass.
  sql: {
    facts(params, ctx) {
      const input = ctx.inputs.in;
      if (!input) return {};
      const facts: Record<string, string> = {};
      const type = params.type ? input.columns.find((c) => c.name === params.type) : undefined;
      const ty = type ? ident(type.name) : '';
      if (type?.kind === 'string')
        facts.typeSample = `SELECT coalesce(list(DISTINCT ${ty}) FILTER (WHERE ${ty} IS NOT NULL), [])::VARCHAR[] FROM (SELECT ${ty} FROM ${input.relation} LIMIT ${TYPE_SAMPLE})`;
      if (!ctx.stage) return facts;
      const time = params.time ? input.columns.find((c) => c.name === params.time) : undefined;
      if (time?.kind === 'string') facts.isoTimes = `SELECT coalesce(bool_and(iso), true) AND coalesce(sum(tc), 0) > 0 FROM ${ctx.stage}`;
      if (type?.kind === 'string') {
        facts.typeRest = `SELECT CAST(coalesce(sum(ty_rest), 0) AS DOUBLE) FROM ${ctx.stage}`;
        if (typeof ctx.facts.typeRest === 'number' && ctx.facts.typeRest > 0)
          facts.types = `SELECT coalesce(list(DISTINCT ${ty}) FILTER (WHERE ${ty} IS NOT NULL), [])::VARCHAR[] FROM ${input.relation}`;
      }
      return facts;
    },
    stage(params, ctx) {
      const input = ctx.inputs.in;
      if (!input) return null;
      const by = sqlColumn(input, params.by);
      if (by.kind !== 'number' && by.kind !== 'string') return null;
      const values = params.values.map((c) => sqlColumn(input, c, 'number'));
      const distinct = params.distinct.map((c) => sqlColumn(input, c));
      const sample = ctx.facts.typeSample as string[] | undefined;
      if (params.type && (sqlColumn(input, params.type).kind !== 'string' || !Array.isArray(sample))) return null;
      if (sample && sample.length > 50) return null; // the node's own message explains it
      const time = params.time ? sqlColumn(input, params.time) : undefined;
      // Only times both engines read alike: timestamps, dates, and ISO text (2026-06-30 14:05:00).
      if (time && time.kind !== 'date' && time.kind !== 'string') return null;
      const src = [`${keyExpr(by)} AS k`, `row_number() OVER () AS r`];
      if (time) src.push(`${time.kind === 'date' ? 'CAST' : 'TRY_CAST'}(${ident(time.name)} AS TIMESTAMP) AS t`);
      if (time?.kind === 'string') src.push(`${ident(time.name)} AS tt`);
      if (params.type) src.push(`${ident(params.type)} AS ty`);
      values.forEach((c, i) => src.push(`${numberExpr(c.name)} AS v${i}`));
      distinct.forEach((c, i) => src.push(`${c.kind === 'number' ? numberExpr(c.name) : ident(c.name)} AS d${i}`));
      const agg = ['k', 'min(r) AS first_row', 'count(*) AS n'];
      if (sample) {
        sample.forEach((v, i) => agg.push(`count(*) FILTER (WHERE ty = ${sqlString(v)}) AS ty${i}`));
        agg.push(`count(ty) ${sample.length ? `FILTER (WHERE ty NOT IN (${sample.map(sqlString).join(', ')})) ` : ''}AS ty_rest`);
      }
      values.forEach((_, i) => agg.push(`coalesce(sum(v${i}), 0) AS s${i}`, `count(v${i}) AS c${i}`));
      distinct.forEach((_, i) => agg.push(`count(DISTINCT d${i}) AS dd${i}`));
      const withs = [`src AS (SELECT ${src.join(', ')} FROM ${input.relation})`];
      let from = 'main';
      if (time) {
        agg.push('min(t) AS lo', 'max(t) AS hi', 'count(DISTINCT CAST(t AS DATE)) AS days', 'count(t) AS tk');
        for (let p = 0; p < 4; p++) {
          const hours = PART_OF_HOUR.flatMap((part, h) => (part === p ? [h] : []));
          agg.push(`count(t) FILTER (WHERE hour(t) IN (${hours.join(', ')})) AS p${p}`);
        }
        if (time.kind === 'string')
          agg.push(`bool_and(tt IS NULL OR (t IS NOT NULL AND regexp_full_match(tt, '${ISO_TEXT}'))) AS iso`, 'count(tt) AS tc');
        if (params.hours) {
          // The peak hour: most interactions, the earliest hour on a tie (as the memory engine).
          withs.push(
            'peak AS (SELECT k, arg_max(h, c * 24 + (23 - h)) AS h FROM (SELECT k, hour(t) AS h, count(*) AS c FROM src WHERE k IS NOT NULL AND t IS NOT NULL GROUP BY k, h) GROUP BY k)',
          );
          from = 'main LEFT JOIN peak ON peak.k = main.k';
        }
      }
      withs.push(`main AS (SELECT ${agg.join(', ')} FROM src GROUP BY k)`);
      return `WITH ${withs.join(', ')} SELECT main.*${from === 'main' ? '' : ', peak.h AS peak_h'} FROM ${from}`;
    },
    build(params, ctx) {
      const input = ctx.inputs.in;
      if (!input || !ctx.stage) return null;
      const sample = (ctx.facts.typeSample ?? []) as string[];
      let typeValues: string[] = [];
      let extra: string[] = [];
      if (params.type) {
        if (typeof ctx.facts.typeRest !== 'number') return null;
        if (ctx.facts.typeRest > 0) {
          if (!Array.isArray(ctx.facts.types)) return null;
          extra = (ctx.facts.types as string[]).filter((v) => !sample.includes(v));
        }
        typeValues = [...sample, ...extra].filter((v) => label(v) !== '');
        if (typeValues.length > 50) return null; // the node's own message explains it
        typeValues.sort((a, b) => a.localeCompare(b));
      }
      const time = params.time ? sqlColumn(input, params.time) : undefined;
      if (time?.kind === 'string' && ctx.facts.isoTimes !== true) return null;
      const out: [string, string][] = [
        [params.by, 'agg.k'],
        ['interactions', 'CAST(agg.n AS INTEGER)'],
      ];
      const typeCount = (v: string) => (sample.includes(v) ? `agg.ty${sample.indexOf(v)}` : `coalesce(ex.x${extra.indexOf(v)}, 0)`);
      typeValues.forEach((v) => out.push([`n_${label(v)}`, `CAST(${typeCount(v)} AS INTEGER)`]));
      typeValues.forEach((v) => out.push([`share_${label(v)}`, `CAST(${typeCount(v)} AS DOUBLE) / agg.n`]));
      params.values.forEach((c, i) => {
        out.push([`sum_${c}`, `agg.s${i}`], [`mean_${c}`, `CASE WHEN agg.c${i} > 0 THEN agg.s${i} / agg.c${i} END`]);
      });
      params.distinct.forEach((c, i) => out.push([`distinct_${c}`, `CAST(agg.dd${i} AS INTEGER)`]));
      if (time) {
        out.push(
          ['days_since_last', '(epoch_ms(g.gmax) - epoch_ms(agg.hi)) / 86400000.0'],
          ['days_active', 'CAST(agg.days AS INTEGER)'],
          ['first_seen', `strftime(agg.lo, '%Y-%m-%dT%H:%M:%S')`],
          ['last_seen', `strftime(agg.hi, '%Y-%m-%dT%H:%M:%S')`],
        );
        if (params.hours) {
          PART_NAMES.forEach((name, p) => out.push([name, `CASE WHEN agg.tk > 0 THEN CAST(agg.p${p} AS DOUBLE) / agg.tk END`]));
          out.push(['peak_hour', 'CAST(agg.peak_h AS DOUBLE)']);
        }
      }
      // Two output columns of one name: the memory engine keeps the last; not worth copying here.
      if (new Set(out.map(([name]) => name)).size !== out.length) return null;
      const withs = [`agg AS (SELECT * FROM ${ctx.stage} WHERE k IS NOT NULL)`];
      let from = 'agg';
      if (extra.length) {
        // Type values that the sample missed: counted in a second pass over only their rows.
        const ty = ident(params.type);
        const counts = extra.map((v, i) => `count(*) FILTER (WHERE ${ty} = ${sqlString(v)}) AS x${i}`);
        withs.push(
          `ex AS (SELECT ${keyExpr(sqlColumn(input, params.by))} AS k, ${counts.join(', ')} FROM ${input.relation} WHERE ${ty} IN (${extra.map(sqlString).join(', ')}) GROUP BY 1)`,
        );
        from += ' LEFT JOIN ex ON ex.k = agg.k';
      }
      if (time) {
        // The latest time of any row, also of rows without a key.
        withs.push(`g AS (SELECT max(hi) AS gmax FROM ${ctx.stage})`);
        from += ' CROSS JOIN g';
      }
      return `WITH ${withs.join(', ')} SELECT ${out.map(([name, expr]) => `${expr} AS ${ident(name)}`).join(', ')} FROM ${from} ORDER BY agg.first_row`;
    },
  },
  scale: { key: 'by' },
});

/** Rows whose type values are counted in the one pass (values first seen later take a second pass). */
const TYPE_SAMPLE = 20_000;

/** The grouping key as both engines compare it (numbers as DOUBLE with NaN missing). */
const keyExpr = (by: SqlColumn) => (by.kind === 'number' ? numberExpr(by.name) : ident(by.name));

/** ISO date-times that both engines read as the same wall-clock time (RE2). */
const ISO_TEXT = '\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?)?';

interface AccumulateInput {
  users: number;
  start: Int32Array;
  order: Int32Array;
  types: Int32Array | null;
  typeCount: number;
  values: Float64Array[];
  distinctCodes: Int32Array[];
  distinctSizes: number[];
  times: Float64Array | null;
  hours: boolean;
}

/** Every per-key figure in one pass over the grouped rows; typed arrays only. */
async function accumulate(ctx: RunContext, a: AccumulateInput) {
  const { users, start, order, types, values, distinctCodes, times } = a;
  const typeCounts = Array.from({ length: a.typeCount }, () => new Int32Array(users));
  const sums = values.map(() => new Float64Array(users));
  const counts = values.map(() => new Int32Array(users));
  const distinct = distinctCodes.map(() => new Int32Array(users));
  const stamps = a.distinctSizes.map((size) => new Int32Array(size).fill(-1));
  const first = new Float64Array(users).fill(Infinity),
    last = new Float64Array(users).fill(-Infinity);
  const days = new Int32Array(users);
  const parts = [0, 1, 2, 3].map(() => new Float64Array(users).fill(NaN));
  const peak = new Float64Array(users).fill(NaN);
  let maxGroup = 0;
  for (let u = 0; u < users; u++) maxGroup = Math.max(maxGroup, start[u + 1] - start[u]);
  const dayScratch = new Float64Array(times ? maxGroup : 0);
  const hourCount = new Int32Array(24);
  let nextTick = STEP;

  for (let u = 0; u < users; u++) {
    const s = start[u],
      e = start[u + 1];
    if (s >= nextTick) {
      await ctx.progress(0.65 + (0.35 * s) / Math.max(1, order.length), { en: 'Computing features…', vi: 'Đang tính các đặc trưng…' });
      nextTick = s + STEP;
    }
    if (types)
      for (let j = s; j < e; j++) {
        const t = types[order[j]];
        if (t >= 0) typeCounts[t][u]++;
      }
    for (let k = 0; k < values.length; k++) {
      const x = values[k];
      let sum = 0,
        c = 0;
      for (let j = s; j < e; j++) {
        const v = x[order[j]];
        if (v === v) {
          sum += v;
          c++;
        }
      }
      sums[k][u] = sum;
      counts[k][u] = c;
    }
    for (let d = 0; d < distinctCodes.length; d++) {
      const dc = distinctCodes[d],
        stamp = stamps[d];
      let c = 0;
      for (let j = s; j < e; j++) {
        const v = dc[order[j]];
        if (v >= 0 && stamp[v] !== u) {
          stamp[v] = u;
          c++;
        }
      }
      distinct[d][u] = c;
    }
    if (times) {
      let lo = Infinity,
        hi = -Infinity,
        k = 0;
      hourCount.fill(0);
      for (let j = s; j < e; j++) {
        const t = times[order[j]];
        if (t !== t) continue;
        if (t < lo) lo = t;
        if (t > hi) hi = t;
        dayScratch[k++] = Math.floor(t / DAY_MS);
        hourCount[hourOf(t)]++;
      }
      first[u] = lo;
      last[u] = hi;
      if (k) {
        const dayList = dayScratch.subarray(0, k).sort();
        let distinctDays = 1;
        for (let q = 1; q < k; q++) if (dayList[q] !== dayList[q - 1]) distinctDays++;
        days[u] = distinctDays;
        if (a.hours) {
          const p = [0, 0, 0, 0];
          let best = 0;
          for (let h = 0; h < 24; h++) {
            p[PART_OF_HOUR[h]] += hourCount[h];
            if (hourCount[h] > hourCount[best]) best = h;
          }
          for (let q = 0; q < 4; q++) parts[q][u] = p[q] / k;
          peak[u] = best;
        }
      }
    }
  }
  return { typeCounts, sums, counts, distinct, first, last, days, parts, peak };
}
