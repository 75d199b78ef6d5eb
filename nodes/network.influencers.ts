import type { Table, Vector } from 'apache-arrow';
import { z } from 'zod';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { describeInfluencer, quantile, roleOf, SCORES, type Score } from '../src/core/network/influencers';
import {
  floatVector,
  int32Vector,
  kindOf,
  requireColumn,
  requireTable,
  stringVector,
  takeRows,
  toFloat64,
  toValues,
  withColumns,
} from '../src/core/table/table';
import { columnParam, tableIn, tableOut, DONE } from './kit';

const SCORE_LABEL = {
  pagerank: { en: 'Reach (PageRank)', vi: 'Tầm ảnh hưởng (PageRank)' },
  degree_in: { en: 'People who reach them (in-degree)', vi: 'Số người tìm đến họ (bậc vào)' },
  weight_in: { en: 'Interactions received', vi: 'Số lượt tương tác nhận được' },
  betweenness: { en: 'Bridging groups (betweenness)', vi: 'Nối các nhóm (độ trung gian)' },
} as const;

/**
 * The column of `table` whose name contains one of `words` (of the given kind, or any): a mean
 * first (mean_sentiment_score rather than sum_sentiment_score), then the first match.
 */
function findColumn(table: Table, words: string[], kind?: 'number'): string {
  const fits = table.schema.fields.filter((f) => words.some((w) => f.name.toLowerCase().includes(w)) && (!kind || kindOf(f.type) === kind));
  return (fits.find((f) => /mean|avg|average/i.test(f.name)) ?? fits[0])?.name ?? '';
}

/** The most influential people of an interaction network, with a role and a sentence each. */
export default defineNode({
  type: 'network.influencers',
  version: 1,
  category: 'network',
  title: { en: 'Influencers', vi: 'Người có ảnh hưởng' },
  description: {
    en: 'Ranks the people of an interaction network by reach (PageRank), by how many people reach them, by interactions received or by how much they bridge groups, keeps the top ones, and says in one sentence who each is: high reach and negative, advocate, connector between communities. Add a people table (sentiment, journey stage, segment) to enrich the roles.',
    vi: 'Xếp hạng những người trong mạng lưới tương tác theo tầm ảnh hưởng (PageRank), số người tìm đến họ, số lượt tương tác nhận được hoặc mức họ nối các nhóm, giữ những người đứng đầu và mô tả mỗi người bằng một câu: ảnh hưởng rộng mà tiêu cực, người ủng hộ, cầu nối giữa các cộng đồng. Nối thêm bảng người (cảm xúc, giai đoạn hành trình, phân khúc) để vai trò rõ hơn.',
  },
  inputs: [
    tableIn({ en: 'People of the network', vi: 'Người trong mạng lưới' }),
    tableIn({ en: 'About the people (optional)', vi: 'Thông tin về người (không bắt buộc)' }, 'people', { optional: true }),
  ],
  outputs: [tableOut({ en: 'Influencers', vi: 'Người có ảnh hưởng' })],
  params: z.object({
    score: z
      .enum(SCORES)
      .default('pagerank')
      .meta({
        label: { en: 'Rank by', vi: 'Xếp hạng theo' },
        options: SCORE_LABEL,
      }),
    top: z
      .number()
      .int()
      .min(1)
      .max(10000)
      .default(20)
      .meta({
        label: { en: 'How many people', vi: 'Số người' },
        help: { en: 'The highest-ranked people to keep.', vi: 'Số người xếp hạng cao nhất cần giữ.' },
      }),
    id: columnParam(
      'any',
      { en: 'Person column in the people table', vi: 'Cột mã người trong bảng người' },
      {
        port: 'people',
        help: {
          en: 'Matched with the id column of the network. Empty: user_id, or else the first column.',
          vi: 'Được ghép với cột id của mạng lưới. Để trống: user_id, nếu không có thì cột đầu tiên.',
        },
      },
    ),
    sentiment: columnParam(
      'number',
      { en: 'Mean sentiment column', vi: 'Cột cảm xúc trung bình' },
      {
        port: 'people',
        help: {
          en: 'From −1 (negative) to 1 (positive). Empty: a number column whose name has "sentiment" (a mean first, e.g. mean_sentiment_score).',
          vi: 'Từ −1 (tiêu cực) đến 1 (tích cực). Để trống: một cột số có chữ "sentiment" trong tên (ưu tiên cột trung bình, vd. mean_sentiment_score).',
        },
      },
    ),
    stage: columnParam(
      'any',
      { en: 'Journey stage column', vi: 'Cột giai đoạn hành trình' },
      {
        port: 'people',
        help: { en: 'Empty: the first column whose name has "stage".', vi: 'Để trống: cột đầu tiên có chữ "stage" trong tên.' },
      },
    ),
    segment: columnParam(
      'any',
      { en: 'Segment column', vi: 'Cột phân khúc' },
      {
        port: 'people',
        help: { en: 'Empty: the first column whose name has "segment".', vi: 'Để trống: cột đầu tiên có chữ "segment" trong tên.' },
      },
    ),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const names = new Set(table.schema.fields.map((f) => f.name));
    const needed = ['id', params.score, 'pagerank'].filter((c) => !names.has(c));
    if (needed.length) {
      throw new NodeError({
        en: `This table has no ${[...new Set(needed)].map((c) => `"${c}"`).join(', ')} column. Connect the "People" output of an Interaction network node.`,
        vi: `Bảng này không có cột ${[...new Set(needed)].map((c) => `"${c}"`).join(', ')}. Hãy nối đầu ra "Người" của nút Mạng lưới tương tác.`,
      });
    }
    const n = table.numRows;
    if (n === 0) throw new NodeError({ en: 'The network has no people.', vi: 'Mạng lưới không có người nào.' });
    await ctx.progress(0, { en: 'Ranking…', vi: 'Đang xếp hạng…' });
    const ids = toValues(table.getChild('id')!).map((v) => (v === null || v === undefined ? '' : String(v)));
    const score = toFloat64(requireColumn(table, params.score, 'number'));
    const pagerank = toFloat64(requireColumn(table, 'pagerank', 'number'));
    const between = names.has('betweenness') ? toFloat64(table.getChild('betweenness')!) : undefined;
    const order = Int32Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (score[b] || 0) - (score[a] || 0) || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0),
    );
    const kept = order.slice(0, Math.min(params.top, n));

    // What we know about each person from the people table.
    let sentiment: (number | null)[] = [],
      stage: (string | null)[] = [],
      segment: (string | null)[] = [];
    let joined: Record<string, Vector> = {};
    const people = inputs.people;
    if (people) {
      const idCol =
        params.id || (people.schema.fields.some((f) => f.name === 'user_id') ? 'user_id' : (people.schema.fields[0]?.name ?? ''));
      if (!idCol) throw new NodeError({ en: 'The people table has no columns.', vi: 'Bảng người không có cột nào.' });
      const peopleIds = toValues(requireColumn(people, idCol)).map((v) => (v === null || v === undefined ? '' : String(v)));
      const rowOf = new Map<string, number>();
      peopleIds.forEach((p, i) => {
        if (p && !rowOf.has(p)) rowOf.set(p, i);
      });
      const rows = Array.from(kept, (v) => rowOf.get(ids[v]) ?? -1);
      const matched = rows.filter((r) => r >= 0).length;
      if (matched === 0) {
        ctx.warn({
          en: `None of the ranked people is in the people table (matched on "${idCol}"). Check that it holds the same person ids as the network.`,
          vi: `Không ai trong danh sách xếp hạng có trong bảng người (ghép theo "${idCol}"). Hãy kiểm tra bảng đó có cùng mã người với mạng lưới.`,
        });
      } else if (matched < rows.length) {
        ctx.warn({
          en: `${rows.length - matched} of the ${rows.length} ranked people are not in the people table.`,
          vi: `${rows.length - matched} trong ${rows.length} người được xếp hạng không có trong bảng người.`,
        });
      }
      const sCol = params.sentiment || findColumn(people, ['sentiment'], 'number');
      const stCol = params.stage || findColumn(people, ['stage']);
      const sgCol = params.segment || findColumn(people, ['segment']);
      const valuesAt = (name: string) => {
        const all = toValues(requireColumn(people, name));
        return rows.map((r) => (r >= 0 ? all[r] : null));
      };
      if (sCol) {
        const s = toFloat64(requireColumn(people, sCol, 'number'));
        sentiment = rows.map((r) => (r >= 0 && Number.isFinite(s[r]) ? s[r] : null));
      }
      if (stCol) stage = valuesAt(stCol).map((v) => (v === null || v === undefined ? null : String(v)));
      if (sgCol) segment = valuesAt(sgCol).map((v) => (v === null || v === undefined ? null : String(v)));
      joined = {};
      for (const f of people.schema.fields) {
        if (f.name === idCol || names.has(f.name)) continue;
        const col = people.getChild(f.name)!;
        if (kindOf(f.type) === 'number') {
          const x = toFloat64(col);
          joined[f.name] = floatVector(Float64Array.from(rows, (r) => (r >= 0 ? x[r] : NaN)));
        } else {
          const x = toValues(col);
          joined[f.name] = stringVector(rows.map((r) => (r >= 0 && x[r] !== null && x[r] !== undefined ? String(x[r]) : null)));
        }
      }
    }

    const sorted = (x: Float64Array) => Float64Array.from(x).filter(Number.isFinite).sort();
    const prSorted = sorted(pagerank);
    const scoreSorted = sorted(score);
    const reachTop = quantile(prSorted, 0.9);
    const medianScore = quantile(scoreSorted, 0.5);
    const betweenSorted = between ? sorted(between) : undefined;
    const betweenTop = betweenSorted ? quantile(betweenSorted, 0.95) : Infinity;
    const role: string[] = [],
      roleVi: string[] = [],
      sentence: string[] = [],
      sentenceVi: string[] = [];
    kept.forEach((v, j) => {
      const facts = {
        rank: j + 1,
        score: params.score as Score,
        value: score[v],
        median: medianScore,
        highReach: pagerank[v] >= reachTop && pagerank[v] > 0,
        connector: !!between && between[v] > 0 && between[v] >= betweenTop,
        sentiment: sentiment[j] ?? null,
        stage: stage[j] ?? null,
        segment: segment[j] ?? null,
      };
      const r = roleOf(facts);
      role.push(r.en);
      roleVi.push(r.vi);
      const s = describeInfluencer(facts);
      sentence.push(s.en);
      sentenceVi.push(s.vi);
    });
    const out = withColumns(withColumns(takeRows(table, kept), joined), {
      rank: int32Vector(Int32Array.from(kept, (_, j) => j + 1)),
      role: stringVector(role),
      role_vi: stringVector(roleVi),
      sentence: stringVector(sentence),
      sentence_vi: stringVector(sentenceVi),
    });
    await ctx.progress(1, DONE);
    return { out };
  },
  scale: 'whole',
});
