import { z } from 'zod';
import { encodeKeys } from '../src/core/table/encode-keys';
import type { FunnelChart, SankeyChart } from '../src/core/contract/chart';
import { FUNNEL_LEN, K, MAX_STEPS, computePaths } from '../src/core/journey/paths';
import { JOURNEY_STAGES, STAGE_LABEL } from '../src/core/journey/stages';
import { defineNode } from '../src/core/contract/node';
import { parseTimes } from '../src/core/table/parse-time';
import { floatVector, int32Vector, requireColumn, requireTable, stringVector, tableOf } from '../src/core/table/table';
import { chartOut, columnParam, tableIn, tableOut } from './kit';
import type { Text } from '../src/core/contract/i18n';

const pct = (x: number) => (x === x ? `${Math.round(100 * x)}%` : '–');

/** What a funnel row's numbers mean, in words with its own numbers. */
function meaning(s: number, reach: Float64Array, seen: Float64Array, conversion: Float64Array, total: number): Text {
  const stage = STAGE_LABEL[JOURNEY_STAGES[s]];
  if (s >= FUNNEL_LEN) {
    return {
      en: `Seen: ${seen[s]} people wrote at least one ${stage.en} comment. ${stage.en} is an exit, not a funnel step: "users" repeats "seen" and there is no conversion.`,
      vi: `Đã gặp: ${seen[s]} người có ít nhất một bình luận ${stage.vi}. ${stage.vi} là lối ra, không phải một bước của phễu: "users" bằng "seen" và không có tỷ lệ chuyển đổi.`,
    };
  }
  const before =
    s === 0
      ? { en: `all ${total} people in the journey`, vi: `toàn bộ ${total} người trong hành trình` }
      : {
          en: `the people who reached ${STAGE_LABEL[JOURNEY_STAGES[s - 1]].en}`,
          vi: `những người đã tới ${STAGE_LABEL[JOURNEY_STAGES[s - 1]].vi}`,
        };
  return {
    en: `Reach ("users"): ${reach[s]} people got at least as far as ${stage.en} (their furthest stage is ${stage.en} or a later one). Seen: ${seen[s]} wrote at least one ${stage.en} comment. Conversion: ${pct(conversion[s])} of ${before.en} got this far.`,
    vi: `Tiếp cận ("users"): ${reach[s]} người đã đi ít nhất tới ${stage.vi} (giai đoạn xa nhất của họ là ${stage.vi} hoặc sau đó). Đã gặp ("seen"): ${seen[s]} người có ít nhất một bình luận ${stage.vi}. Chuyển đổi: ${pct(conversion[s])} ${before.vi} đã đi tới bước này.`,
  };
}

/**
 * Per-user customer-journey paths over time: transitions between stages, the funnel (how many
 * people reach each stage) and the flows of the first steps as a Sankey diagram.
 */
export default defineNode({
  type: 'journey.paths',
  version: 3,
  category: 'journey',
  title: { en: 'Journey paths', vi: 'Lộ trình hành trình' },
  description: {
    en: 'Follows each person through the journey stages in time order: which stage leads to which, how many people reach each stage of the funnel, and the flows of the first steps (Sankey). Rows in stage "none" are ignored.',
    vi: 'Theo dõi từng người qua các giai đoạn hành trình theo thời gian: giai đoạn nào dẫn tới giai đoạn nào, bao nhiêu người đi tới từng bước của phễu, và các luồng ở những bước đầu (biểu đồ Sankey). Các dòng ở giai đoạn "none" được bỏ qua.',
  },
  inputs: [tableIn({ en: 'Table with stages', vi: 'Bảng có giai đoạn' })],
  outputs: [
    tableOut({ en: 'Transitions', vi: 'Chuyển tiếp' }),
    tableOut({ en: 'Funnel', vi: 'Phễu' }, 'funnel'),
    chartOut({ en: 'Paths (Sankey)', vi: 'Lộ trình (Sankey)' }, 'sankey'),
    chartOut({ en: 'Funnel chart', vi: 'Biểu đồ phễu' }, 'funnel_chart'),
  ],
  params: z.object({
    user: columnParam('any', { en: 'Person column', vi: 'Cột người dùng' }, { default: 'user_id' }),
    time: columnParam(
      'date',
      { en: 'Time column', vi: 'Cột thời gian' },
      {
        help: {
          en: 'Dates and times (text is parsed). Rows at the same time are ordered by funnel stage.',
          vi: 'Ngày giờ (văn bản sẽ được đọc). Các dòng cùng thời điểm được xếp theo thứ tự phễu.',
        },
        default: 'timestamp',
      },
    ),
    stage: columnParam('string', { en: 'Stage column', vi: 'Cột giai đoạn' }, { default: 'journey_stage' }),
    collapse: z
      .boolean()
      .default(true)
      .meta({
        label: { en: 'Merge repeated stages', vi: 'Gộp giai đoạn lặp lại' },
        help: {
          en: 'Two comments in a row at the same stage count as one step.',
          vi: 'Hai bình luận liên tiếp cùng giai đoạn được tính là một bước.',
        },
      }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const userVec = requireColumn(table, params.user);
    const timeVec = requireColumn(table, params.time);
    const stageVec = requireColumn(table, params.stage);
    const n = table.numRows;
    await ctx.progress(0, { en: 'Reading columns…', vi: 'Đang đọc các cột…' });
    const users = await encodeKeys(userVec, (d) => ctx.progress((0.2 * d) / n));
    const times = parseTimes(timeVec);
    const sk = await encodeKeys(stageVec);
    const map = new Int8Array(sk.values.length).fill(-1);
    const unknown: string[] = [];
    sk.values.forEach((v, i) => {
      const s = String(v).trim().toLowerCase();
      map[i] = JOURNEY_STAGES.indexOf(s as never);
      if (map[i] < 0 && s !== 'none' && s !== '') unknown.push(String(v));
    });
    const stage = new Int8Array(n);
    let staged = 0,
      noTime = 0,
      noUser = 0;
    for (let i = 0; i < n; i++) {
      const c = sk.codes[i];
      stage[i] = c < 0 ? -1 : map[c];
      if (stage[i] < 0) continue;
      staged++;
      if (times.ms[i] !== times.ms[i]) noTime++;
      else if (users.codes[i] < 0) noUser++;
    }
    if (unknown.length) {
      const list = unknown
        .slice(0, 5)
        .map((v) => `"${v}"`)
        .join(', ');
      ctx.warn({
        en: `Values of "${params.stage}" that are not journey stages were ignored: ${list}.`,
        vi: `Đã bỏ qua các giá trị của "${params.stage}" không phải giai đoạn hành trình: ${list}.`,
      });
    }
    if (noTime)
      ctx.warn({
        en: `${noTime} row(s) with a stage have no readable time in "${params.time}" and were left out.`,
        vi: `${noTime} dòng có giai đoạn nhưng không đọc được thời gian trong "${params.time}" nên bị bỏ qua.`,
      });
    if (noUser)
      ctx.warn({
        en: `${noUser} row(s) with a stage have no person in "${params.user}" and were left out.`,
        vi: `${noUser} dòng có giai đoạn nhưng không có người dùng trong "${params.user}" nên bị bỏ qua.`,
      });
    if (staged === 0)
      ctx.warn({
        en: 'No row has a journey stage other than "none": the outputs are empty.',
        vi: 'Không có dòng nào có giai đoạn khác "none": kết quả trống.',
      });

    const st = await computePaths(
      { user: users.codes, users: users.values.length, time: times.ms, stage, collapse: params.collapse },
      (f) => ctx.progress(0.3 + 0.6 * f, { en: 'Following paths…', vi: 'Đang lần theo các hành trình…' }),
    );

    // Transitions, by funnel order of `from`, then most users.
    const pairs: number[] = [];
    for (let t = 0; t < K * K; t++) if (st.transitions[t] > 0) pairs.push(t);
    const outOf = new Float64Array(K);
    for (const t of pairs) outOf[Math.floor(t / K)] += st.transitions[t];
    pairs.sort((a, b) => Math.floor(a / K) - Math.floor(b / K) || st.transitionUsers[b] - st.transitionUsers[a] || a - b);
    const out = tableOf({
      from: stringVector(pairs.map((t) => JOURNEY_STAGES[Math.floor(t / K)])),
      to: stringVector(pairs.map((t) => JOURNEY_STAGES[t % K])),
      users: int32Vector(Int32Array.from(pairs, (t) => st.transitionUsers[t])),
      transitions: int32Vector(Int32Array.from(pairs, (t) => st.transitions[t])),
      share: floatVector(Float64Array.from(pairs, (t) => st.transitions[t] / outOf[Math.floor(t / K)])),
    });

    // Funnel: reach of each funnel stage (furthest stage at or after it), then churn.
    const total = st.totalUsers;
    const reach = Float64Array.from({ length: K }, (_, s) => (s < FUNNEL_LEN ? st.reached[s] : st.seen[s]));
    const conversion = Float64Array.from({ length: K }, (_, s) =>
      s >= FUNNEL_LEN ? NaN : s === 0 ? (total ? reach[0] / total : NaN) : reach[s - 1] ? reach[s] / reach[s - 1] : NaN,
    );
    const funnel = tableOf({
      stage: stringVector([...JOURNEY_STAGES]),
      users: int32Vector(Int32Array.from(reach)),
      seen: int32Vector(Int32Array.from(st.seen)),
      conversion: floatVector(conversion),
      share_of_users: floatVector(Float64Array.from(reach, (r) => (total ? r / total : NaN))),
      meaning: stringVector(JOURNEY_STAGES.map((_, s) => meaning(s, reach, st.seen, conversion, total).en)),
      meaning_vi: stringVector(JOURNEY_STAGES.map((_, s) => meaning(s, reach, st.seen, conversion, total).vi)),
    });

    // Sankey of the first steps: one node per (step, stage), so the diagram has no cycles; repeats
    // are always merged, and paths longer than MAX_STEPS go from their step MAX_STEPS − 1 to where they end.
    const merged = st.longer > 0;
    const id = (step: number, s: number) => `${step + 1}${merged && step === MAX_STEPS - 1 ? '+' : ''}. ${JOURNEY_STAGES[s]}`;
    const nodes: { name: string; stage: string; step: number; label: { en: string; vi: string }; value: number; merged?: boolean }[] = [];
    for (let step = 0; step < MAX_STEPS; step++) {
      for (let s = 0; s < K; s++) {
        const v = st.at[step * K + s];
        if (v > 0)
          nodes.push({
            name: id(step, s),
            stage: JOURNEY_STAGES[s],
            step: step + 1,
            label: STAGE_LABEL[JOURNEY_STAGES[s]],
            value: v,
            ...(merged && step === MAX_STEPS - 1 ? { merged: true } : {}),
          });
      }
    }
    const links: { source: string; target: string; value: number }[] = [];
    for (let step = 0; step < MAX_STEPS - 1; step++) {
      for (let t = 0; t < K * K; t++) {
        const v = st.flows[step * K * K + t];
        if (v > 0) links.push({ source: id(step, Math.floor(t / K)), target: id(step + 1, t % K), value: v });
      }
    }
    const sankeyTitle: Text = merged
      ? {
          en: `Journey paths: first ${MAX_STEPS - 1} steps, then where ${st.longer} longer paths end (repeats merged)`,
          vi: `Lộ trình: ${MAX_STEPS - 1} bước đầu, rồi nơi ${st.longer} lộ trình dài hơn kết thúc (gộp bước lặp lại)`,
        }
      : { en: `Journey paths, first ${MAX_STEPS} steps (repeats merged)`, vi: `Lộ trình, ${MAX_STEPS} bước đầu (gộp bước lặp lại)` };
    await ctx.progress(1);
    return {
      out,
      funnel,
      sankey: { kind: 'chart', chart: 'sankey', title: sankeyTitle, nodes, links } satisfies SankeyChart,
      funnel_chart: {
        kind: 'chart',
        chart: 'funnel',
        title: { en: 'Journey funnel (people)', vi: 'Phễu hành trình (số người)' },
        stages: JOURNEY_STAGES.slice(0, FUNNEL_LEN).map((s, i) => ({
          name: s,
          label: STAGE_LABEL[s],
          value: reach[i],
          share: total ? reach[i] / total : null,
          conversion: conversion[i] === conversion[i] ? conversion[i] : null,
        })),
        note: {
          en: `Each bar: people who got at least this far (their furthest stage is this one or later), as the funnel table's "users"; % of all ${total} people. Conversion: share of the people at the stage before who got this far.`,
          vi: `Mỗi thanh: số người đã đi ít nhất tới bước này (giai đoạn xa nhất là bước này hoặc sau đó), như cột "users" của bảng phễu; % trên tổng ${total} người. Chuyển đổi: tỷ lệ người ở bước trước đã đi tới bước này.`,
        },
      } satisfies FunnelChart,
    };
  },
  scale: { key: 'user' },
});
