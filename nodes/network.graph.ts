import type { Table } from 'apache-arrow';
import { z } from 'zod';
import { betweenness, sampleSources, toCsr } from '../src/core/network/betweenness';
import type { NetworkChart } from '../src/core/contract/chart';
import { buildEdges, CO_COMMENT_CAP, coCommentEdges, mentionEdges, replyEdges, threadEdges } from '../src/core/network/edges';
import { isoString, parseTimes } from '../src/core/table/parse-time';
import { pageRank } from '../src/core/network/pagerank';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { createRandom, seedFrom } from '../src/core/contract/random';
import {
  floatVector,
  int32Vector,
  kindOf,
  requireColumn,
  requireTable,
  stringVector,
  tableOf,
  toFloat64,
  toValues,
} from '../src/core/table/table';
import { chartOut, columnParam, seedParam, tableIn, tableOut, DONE } from './kit';

/** Above this many people, betweenness is estimated from a seeded sample of sources. */
const EXACT_BETWEENNESS = 2000;
const SAMPLED_SOURCES = 500;
/** The most people drawn in the chart (the highest PageRank). */
const DRAWN = 2000;
const LAYOUT_ITERATIONS = 100;

const column = (table: Table, name: string) => requireColumn(table, name);

/** A directed, weighted interaction graph: who influences whom, and the communities they form. */
export default defineNode({
  type: 'network.graph',
  version: 3,
  category: 'network',
  title: { en: 'Interaction network', vi: 'Mạng lưới tương tác' },
  description: {
    en: 'Builds the network of who replies to, mentions or shares whom, then measures each person: how many people reach them (in-degree), how central they are (PageRank), how often they sit between groups (betweenness), and which community they belong to. Also draws the network.',
    vi: 'Dựng mạng lưới ai trả lời, nhắc đến hoặc chia sẻ ai, rồi đo từng người: bao nhiêu người tìm đến họ (bậc vào), họ trung tâm đến đâu (PageRank), họ hay đứng giữa các nhóm đến mức nào (độ trung gian) và họ thuộc cộng đồng nào. Kèm theo hình vẽ mạng lưới.',
  },
  inputs: [tableIn({ en: 'Interactions', vi: 'Tương tác' })],
  outputs: [
    tableOut({ en: 'People', vi: 'Người' }, 'nodes'),
    tableOut({ en: 'Links', vi: 'Liên kết' }, 'edges'),
    tableOut({ en: 'Communities', vi: 'Cộng đồng' }, 'communities'),
    chartOut({ en: 'Network', vi: 'Mạng lưới' }, 'graph'),
  ],
  params: z.object({
    mode: z
      .enum(['columns', 'interactions', 'replies', 'mentions', 'cocomment'])
      .default('columns')
      .meta({
        label: { en: 'Links from', vi: 'Lấy liên kết từ' },
        help: {
          en: 'Columns: each row is one link from the source person to the target person. Interactions: an export of comments, reactions and shares (user_id, post_id, type, timestamp): on each post, a comment or share links its author to the previous commenter. Replies: each reply links its author to the author of the comment it answers (reply_to_user; where it is empty, the author of the reply_to comment by interaction_id). Mentions: each @name in a text (and each name of a mentions column) links its author to the person named. Co-comments: people who comment on the same post within the time window are linked (user_id, post_id, timestamp).',
          vi: 'Các cột: mỗi dòng là một liên kết từ người nguồn đến người đích. Tương tác: dữ liệu bình luận, cảm xúc và chia sẻ (user_id, post_id, type, timestamp): trên mỗi bài đăng, một bình luận hoặc lượt chia sẻ nối người viết với người bình luận ngay trước đó. Trả lời: mỗi câu trả lời nối người viết với tác giả của bình luận được trả lời (reply_to_user; khi cột này trống, tác giả của bình luận reply_to theo interaction_id). Nhắc tên: mỗi @tên trong văn bản (và mỗi tên trong cột mentions) nối người viết với người được nhắc. Cùng bình luận: những người bình luận trên cùng một bài trong khoảng thời gian đã chọn được nối với nhau (user_id, post_id, timestamp).',
        },
        options: {
          columns: { en: 'Source and target columns', vi: 'Cột nguồn và cột đích' },
          interactions: { en: 'Interactions (comment threads)', vi: 'Tương tác (chuỗi bình luận)' },
          replies: { en: 'Replies (who answers whom)', vi: 'Trả lời (ai trả lời ai)' },
          mentions: { en: 'Mentions (@names in texts)', vi: 'Nhắc tên (@tên trong văn bản)' },
          cocomment: { en: 'Co-comments (same post, same time)', vi: 'Cùng bình luận (cùng bài, cùng lúc)' },
        },
      }),
    window: z
      .number()
      .min(0.01)
      .max(24 * 365)
      .default(24)
      .meta({
        when: { param: 'mode', equals: 'cocomment' },
        label: { en: 'Co-comment window (hours)', vi: 'Khoảng cùng bình luận (giờ)' },
        help: {
          en: 'Two people are linked when they comment on the same post at most this many hours apart (24: the same day of discussion). A pair is linked once per post; each comment is linked to at most the latest 100 other commenters.',
          vi: 'Hai người được nối khi cùng bình luận trên một bài cách nhau không quá chừng này giờ (24: cùng một ngày thảo luận). Mỗi cặp được nối một lần cho mỗi bài; mỗi bình luận nối với tối đa 100 người bình luận gần nhất trước đó.',
        },
      }),
    source: columnParam(
      'any',
      { en: 'Source (who acts)', vi: 'Nguồn (ai tương tác)' },
      {
        help: {
          en: 'Who replies, mentions or shares. In the interactions mode: the person column (default user_id).',
          vi: 'Ai trả lời, nhắc đến hoặc chia sẻ. Ở chế độ tương tác: cột người dùng (mặc định user_id).',
        },
      },
    ),
    target: columnParam(
      'any',
      { en: 'Target (who is reached)', vi: 'Đích (ai được tìm đến)' },
      {
        when: { param: 'mode', equals: 'columns' },
        help: {
          en: 'Who is replied to, mentioned or shared. Not used in the interactions mode.',
          vi: 'Ai được trả lời, nhắc đến hoặc chia sẻ. Không dùng ở chế độ tương tác.',
        },
      },
    ),
    weight: columnParam(
      'number',
      { en: 'Weight (optional)', vi: 'Trọng số (không bắt buộc)' },
      {
        when: { param: 'mode', equals: 'columns' },
        help: {
          en: 'How strong each link is. Empty: every row counts 1. Repeated links add up.',
          vi: 'Độ mạnh của mỗi liên kết. Để trống: mỗi dòng tính 1. Các liên kết lặp lại được cộng dồn.',
        },
      },
    ),
    time: columnParam(
      'date',
      { en: 'Time (optional)', vi: 'Thời gian (không bắt buộc)' },
      {
        help: {
          en: 'When the interaction happened: the links table gets the first and last time of each link. In the interactions mode: default timestamp.',
          vi: 'Thời điểm tương tác: bảng liên kết có thêm lần đầu và lần cuối của mỗi liên kết. Ở chế độ tương tác: mặc định timestamp.',
        },
      },
    ),
    text: columnParam(
      'string',
      { en: 'Text (optional)', vi: 'Văn bản (không bắt buộc)' },
      {
        help: {
          en: "What each row says (its author is the source): the communities table gets each community's top words. In the mentions mode: where the @names are read (default text).",
          vi: 'Nội dung của mỗi dòng (tác giả là người nguồn): bảng cộng đồng có thêm các từ nổi bật của mỗi cộng đồng. Ở chế độ nhắc tên: nơi đọc các @tên (mặc định text).',
        },
      },
    ),
    resolution: z
      .number()
      .min(0.1)
      .max(10)
      .default(1)
      .meta({
        label: { en: 'Community size (resolution)', vi: 'Cỡ cộng đồng (độ phân giải)' },
        help: {
          en: 'Higher finds more, smaller communities; lower finds fewer, larger ones. 1 is the usual choice.',
          vi: 'Cao hơn: nhiều cộng đồng nhỏ hơn; thấp hơn: ít cộng đồng lớn hơn. Thường dùng 1.',
        },
      }),
    seed: seedParam({
      en: 'The same seed gives the same communities and the same drawing.',
      vi: 'Cùng một hạt giống cho cùng các cộng đồng và cùng hình vẽ.',
    }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    await ctx.progress(0, { en: 'Reading links…', vi: 'Đang đọc các liên kết…' });
    const notes: { en: string; vi: string }[] = [];
    let sources: readonly unknown[], targets: readonly unknown[], times: readonly unknown[] | undefined;
    let weights: Float64Array | undefined;
    // Whose words a row's text is (for the communities' top words).
    const authorColumn = params.mode === 'columns' ? params.source : params.source || 'user_id';
    if (params.mode === 'interactions') {
      const names = new Set(table.schema.fields.map((f) => f.name));
      const user = params.source || 'user_id',
        time = params.time || 'timestamp';
      const needed = [user, 'post_id', 'type', time].filter((c) => !names.has(c));
      if (needed.length) {
        throw new NodeError({
          en: `The interactions mode needs the columns ${needed.map((c) => `"${c}"`).join(', ')} (an export of comments, reactions and shares with user_id, post_id, type and timestamp). Connect such a table, or switch "Links from" to source and target columns.`,
          vi: `Chế độ tương tác cần các cột ${needed.map((c) => `"${c}"`).join(', ')} (dữ liệu bình luận, cảm xúc và chia sẻ có user_id, post_id, type và timestamp). Hãy nối một bảng như vậy, hoặc đổi "Lấy liên kết từ" sang cột nguồn và cột đích.`,
        });
      }
      const derived = threadEdges({
        user: toValues(column(table, user)),
        post: toValues(column(table, 'post_id')),
        type: toValues(column(table, 'type')),
        time: toValues(column(table, time)),
      });
      sources = derived.sources;
      targets = derived.targets;
      times = derived.times;
      notes.push({
        en: `Links derived from comment threads: ${derived.sources.length.toLocaleString('en')} links from ${derived.used.toLocaleString('en')} comments and shares (each links its author to the previous commenter on the same post; reactions give no link).`,
        vi: `Liên kết suy ra từ chuỗi bình luận: ${derived.sources.length.toLocaleString('vi')} liên kết từ ${derived.used.toLocaleString('vi')} bình luận và lượt chia sẻ (mỗi lượt nối người viết với người bình luận ngay trước đó trên cùng bài; cảm xúc không tạo liên kết).`,
      });
    } else if (params.mode === 'cocomment') {
      const names = new Set(table.schema.fields.map((f) => f.name));
      const user = params.source || 'user_id',
        time = params.time || 'timestamp';
      const needed = [user, 'post_id', time].filter((c) => !names.has(c));
      if (needed.length) {
        throw new NodeError({
          en: `The co-comments mode needs the columns ${needed.map((c) => `"${c}"`).join(', ')}: who commented, on which post, and when. Connect such a table, or switch "Links from".`,
          vi: `Chế độ cùng bình luận cần các cột ${needed.map((c) => `"${c}"`).join(', ')}: ai bình luận, trên bài nào và lúc nào. Hãy nối một bảng như vậy, hoặc đổi "Lấy liên kết từ".`,
        });
      }
      const parsed = parseTimes(column(table, time));
      const derived = coCommentEdges(
        {
          user: toValues(column(table, user)),
          post: toValues(column(table, 'post_id')),
          type: names.has('type') ? toValues(column(table, 'type')) : undefined,
          ms: parsed.ms,
        },
        params.window * 3_600_000,
      );
      sources = derived.sources;
      targets = derived.targets;
      times = derived.times.map(isoString);
      const hours = params.window.toLocaleString('en-US'),
        gio = params.window.toLocaleString('vi-VN');
      notes.push({
        en: `Links from co-comments: ${derived.sources.length.toLocaleString('en')} pairs of people who commented on the same post within ${hours} hour${params.window === 1 ? '' : 's'} (from ${derived.used.toLocaleString('en')} comments; each pair once per post, from the later commenter to the earlier).`,
        vi: `Liên kết từ cùng bình luận: ${derived.sources.length.toLocaleString('vi')} cặp người bình luận trên cùng một bài cách nhau không quá ${gio} giờ (từ ${derived.used.toLocaleString('vi')} bình luận; mỗi cặp một lần cho mỗi bài, từ người bình luận sau đến người trước).`,
      });
      if (parsed.bad + parsed.missing > 0)
        notes.push({
          en: `${(parsed.bad + parsed.missing).toLocaleString('en')} rows have no readable time in "${time}" and give no co-comment link.`,
          vi: `${(parsed.bad + parsed.missing).toLocaleString('vi')} dòng không có thời gian đọc được trong "${time}" nên không tạo liên kết cùng bình luận.`,
        });
      if (derived.capped > 0)
        notes.push({
          en: `${derived.capped.toLocaleString('en')} comments had more than ${CO_COMMENT_CAP} other commenters within the window; they are linked to the latest ${CO_COMMENT_CAP}.`,
          vi: `${derived.capped.toLocaleString('vi')} bình luận có hơn ${CO_COMMENT_CAP} người khác bình luận trong khoảng thời gian; chỉ nối với ${CO_COMMENT_CAP} người gần nhất.`,
        });
    } else if (params.mode === 'replies' || params.mode === 'mentions') {
      const names = new Set(table.schema.fields.map((f) => f.name));
      const user = params.source || 'user_id';
      const textColumn = params.text || 'text';
      const replyUser = params.target || 'reply_to_user';
      const needed =
        params.mode === 'mentions'
          ? [user, textColumn].filter((c) => !names.has(c))
          : [user, ...(names.has(replyUser) ? [] : names.has('reply_to') && names.has('interaction_id') ? [] : [replyUser])].filter(
              (c) => !names.has(c),
            );
      if (needed.length) {
        throw new NodeError(
          params.mode === 'mentions'
            ? {
                en: `The mentions mode needs the columns ${needed.map((c) => `"${c}"`).join(', ')}: who wrote each text, and the text with its @names. Choose them as Source and Text, or switch "Links from".`,
                vi: `Chế độ nhắc tên cần các cột ${needed.map((c) => `"${c}"`).join(', ')}: ai viết mỗi văn bản, và văn bản có các @tên. Hãy chọn chúng ở Nguồn và Văn bản, hoặc đổi "Lấy liên kết từ".`,
              }
            : {
                en: `The replies mode needs the columns ${needed.map((c) => `"${c}"`).join(', ')}: who wrote each reply and whom it answers (reply_to_user, or reply_to with interaction_id). Choose them as Source and Target, or switch "Links from".`,
                vi: `Chế độ trả lời cần các cột ${needed.map((c) => `"${c}"`).join(', ')}: ai viết mỗi câu trả lời và trả lời ai (reply_to_user, hoặc reply_to cùng interaction_id). Hãy chọn chúng ở Nguồn và Đích, hoặc đổi "Lấy liên kết từ".`,
              },
        );
      }
      const authors = toValues(column(table, user));
      let derived: { sources: readonly unknown[]; targets: readonly unknown[]; rows: readonly number[]; used: number };
      if (params.mode === 'mentions') {
        const { extractTags } = await import('../src/core/text/keywords');
        const texts = toValues(column(table, textColumn));
        // A mentions column (ingest.social maps one from a CSV: names without "@", space-separated) adds its names.
        const listed = names.has('mentions') && textColumn !== 'mentions' ? toValues(column(table, 'mentions')) : null;
        derived = mentionEdges(
          authors,
          texts.map((t, i) => {
            const fromText = typeof t === 'string' && t.includes('@') ? extractTags(t).mentions.map((m) => m.slice(1)) : [];
            const cell = listed?.[i];
            const fromColumn = typeof cell === 'string' ? cell.split(/\s+/).filter(Boolean) : [];
            return fromText.length || fromColumn.length ? [...fromText, ...fromColumn] : null;
          }),
        );
      } else if (names.has(replyUser)) {
        const answered: unknown[] = [...toValues(column(table, replyUser))];
        // Rows that name the answered comment but not its author (a CSV export, a deleted profile) get it from reply_to.
        if (names.has('reply_to') && names.has('interaction_id')) {
          const byId = replyEdges(authors, toValues(column(table, 'interaction_id')), toValues(column(table, 'reply_to')));
          byId.rows.forEach((row, j) => {
            const given = answered[row];
            if (given === null || given === undefined || given === '') answered[row] = byId.targets[j];
          });
        }
        derived = { sources: authors, targets: answered, rows: authors.map((_, i) => i), used: 0 };
      } else {
        derived = replyEdges(authors, toValues(column(table, 'interaction_id')), toValues(column(table, 'reply_to')));
      }
      const kept = derived.rows
        .map((_, i) => i)
        .filter((i) => derived.targets[i] !== null && derived.targets[i] !== undefined && derived.targets[i] !== '');
      sources = kept.map((i) => derived.sources[i]);
      targets = kept.map((i) => derived.targets[i]);
      if (params.time) {
        const all = toValues(column(table, params.time));
        times = kept.map((i) => all[derived.rows[i]]);
      }
      notes.push(
        params.mode === 'mentions'
          ? {
              en: `Links from @mentions: ${sources.length.toLocaleString('en')} mentions of another person in ${derived.used.toLocaleString('en')} texts.`,
              vi: `Liên kết từ nhắc tên: ${sources.length.toLocaleString('vi')} lượt nhắc đến người khác trong ${derived.used.toLocaleString('vi')} văn bản.`,
            }
          : {
              en: `Links from replies: ${sources.length.toLocaleString('en')} replies, each from its author to the author of the comment it answers.`,
              vi: `Liên kết từ câu trả lời: ${sources.length.toLocaleString('vi')} câu trả lời, mỗi câu nối người viết với tác giả của bình luận được trả lời.`,
            },
      );
    } else {
      if (!params.source || !params.target) {
        throw new NodeError({
          en: 'Choose the source column (who replies, mentions or shares) and the target column (who is reached), or switch "Links from" to interactions.',
          vi: 'Hãy chọn cột nguồn (ai trả lời, nhắc đến hoặc chia sẻ) và cột đích (ai được tìm đến), hoặc đổi "Lấy liên kết từ" sang tương tác.',
        });
      }
      const s = column(table, params.source),
        t = column(table, params.target);
      const ks = kindOf(s.type),
        kt = kindOf(t.type);
      if (ks !== kt) {
        notes.push({
          en: `"${params.source}" holds ${ks === 'number' ? 'numbers' : 'text'} and "${params.target}" ${kt === 'number' ? 'numbers' : 'text'}: all ids were read as text, so 7 and "7" are the same person.`,
          vi: `"${params.source}" chứa ${ks === 'number' ? 'số' : 'chữ'} còn "${params.target}" chứa ${kt === 'number' ? 'số' : 'chữ'}: mọi mã được đọc như chữ, nên 7 và "7" là cùng một người.`,
        });
      }
      sources = toValues(s);
      targets = toValues(t);
      if (params.weight) weights = toFloat64(requireColumn(table, params.weight, 'number'));
      if (params.time) {
        const tc = column(table, params.time);
        // Dates read as ISO text, so the first and last times are readable and sort in time order.
        times =
          kindOf(tc.type) === 'date'
            ? toValues(tc).map((v) => (v === null || v === undefined ? null : new Date(v as number).toISOString()))
            : toValues(tc);
      }
    }
    const list = buildEdges(sources, targets, weights, times);
    if (list.skipped)
      notes.push({
        en: `${list.skipped.toLocaleString('en')} rows without a source or a target were skipped.`,
        vi: `Đã bỏ qua ${list.skipped.toLocaleString('vi')} dòng thiếu nguồn hoặc đích.`,
      });
    if (list.selfLoops)
      notes.push({
        en: `${list.selfLoops.toLocaleString('en')} links from a person to themselves were dropped.`,
        vi: `Đã bỏ ${list.selfLoops.toLocaleString('vi')} liên kết từ một người đến chính họ.`,
      });
    if (list.duplicates)
      notes.push({
        en: `${list.duplicates.toLocaleString('en')} repeated links were added into the weight of the first one.`,
        vi: `${list.duplicates.toLocaleString('vi')} liên kết lặp lại được cộng vào trọng số của liên kết đầu tiên.`,
      });
    if (list.badWeights)
      notes.push({
        en: `${list.badWeights.toLocaleString('en')} weights were empty or not a number (counted as 1) or zero or below (rows dropped).`,
        vi: `${list.badWeights.toLocaleString('vi')} trọng số trống hoặc không phải số (tính là 1), hoặc bằng 0 hay âm (bỏ dòng).`,
      });
    const n = list.ids.length,
      m = list.source.length;
    if (m === 0) {
      throw new NodeError({
        en:
          n === 0
            ? 'There are no links: every row lacks a source or a target. Check the chosen columns.'
            : n === 1
              ? `The table names only one person (${list.ids[0]}), so there is no network. Check that the source and target columns are the right ones.`
              : 'There are no links between two different people (only links of a person to themselves). Check the chosen columns.',
        vi:
          n === 0
            ? 'Không có liên kết nào: mọi dòng đều thiếu nguồn hoặc đích. Hãy kiểm tra các cột đã chọn.'
            : n === 1
              ? `Bảng chỉ có một người (${list.ids[0]}), nên không có mạng lưới. Hãy kiểm tra cột nguồn và cột đích đã đúng chưa.`
              : 'Không có liên kết giữa hai người khác nhau (chỉ có liên kết của một người với chính họ). Hãy kiểm tra các cột đã chọn.',
      });
    }
    await ctx.progress(0.1, { en: 'Building the graph…', vi: 'Đang dựng mạng lưới…' });

    const [{ default: Graph }, { default: exactBetweenness }, { default: louvain }, { default: forceAtlas2 }] = await Promise.all([
      import('graphology'),
      import('graphology-metrics/centrality/betweenness'),
      import('graphology-communities-louvain'),
      import('graphology-layout-forceatlas2'),
    ]);
    const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
    for (const id of list.ids) graph.addNode(id);
    for (let e = 0; e < m; e++) graph.addDirectedEdge(list.ids[list.source[e]], list.ids[list.target[e]], { weight: list.weight[e] });
    const degIn = new Int32Array(n),
      degOut = new Int32Array(n),
      wIn = new Float64Array(n);
    for (let e = 0; e < m; e++) {
      degOut[list.source[e]]++;
      degIn[list.target[e]]++;
      wIn[list.target[e]] += list.weight[e];
    }
    await ctx.progress(0.2, { en: 'PageRank…', vi: 'PageRank…' });

    // The networkx definition: weighted, directed, alpha 0.85, dangling mass spread uniformly,
    // stop when the L1 change is below n · 1e-6 (at most 100 rounds, then more with a note).
    let ranked = pageRank(n, list.source, list.target, list.weight);
    if (!ranked.converged) {
      ranked = pageRank(n, list.source, list.target, list.weight, { maxRounds: 1000 });
      notes.push({ en: 'PageRank needed more than 100 rounds to settle.', vi: 'PageRank cần hơn 100 vòng lặp mới ổn định.' });
    }
    const pr = ranked.ranks;
    await ctx.progress(0.35, { en: 'Betweenness…', vi: 'Độ trung gian…' });

    let between: Float64Array;
    if (n <= EXACT_BETWEENNESS) {
      const b = exactBetweenness(graph, { getEdgeWeight: null, normalized: true });
      between = Float64Array.from(list.ids, (id) => b[id]);
    } else {
      const rng = createRandom(seedFrom(params.seed, 'betweenness'));
      const picked = sampleSources(n, SAMPLED_SOURCES, rng);
      between = await betweenness(toCsr(n, list.source, list.target), picked, (f) =>
        ctx.progress(0.35 + 0.25 * f, { en: 'Betweenness…', vi: 'Độ trung gian…' }),
      );
      notes.push({
        en: `Betweenness is sampled: estimated from ${SAMPLED_SOURCES} of the ${n.toLocaleString('en')} people as starting points (exact up to ${EXACT_BETWEENNESS.toLocaleString('en')} people).`,
        vi: `Độ trung gian được ước lượng: tính từ ${SAMPLED_SOURCES} trong ${n.toLocaleString('vi')} người làm điểm xuất phát (tính chính xác khi có tối đa ${EXACT_BETWEENNESS.toLocaleString('vi')} người).`,
      });
    }
    await ctx.progress(0.6, { en: 'Communities…', vi: 'Các cộng đồng…' });

    const detailed = louvain.detailed(graph, {
      getEdgeWeight: 'weight',
      resolution: params.resolution,
      rng: createRandom(seedFrom(params.seed, 'louvain')),
    });
    // Communities renumbered 1, 2, … from the largest (ties: first seen).
    const raw = Int32Array.from(list.ids, (id) => detailed.communities[id]);
    const sizeOf = new Map<number, number>();
    const firstSeen = new Map<number, number>();
    raw.forEach((c, i) => {
      sizeOf.set(c, (sizeOf.get(c) ?? 0) + 1);
      if (!firstSeen.has(c)) firstSeen.set(c, i);
    });
    const ordered = [...sizeOf.keys()].sort((a, b) => sizeOf.get(b)! - sizeOf.get(a)! || firstSeen.get(a)! - firstSeen.get(b)!);
    const renumber = new Map(ordered.map((c, i) => [c, i + 1]));
    const community = Int32Array.from(raw, (c) => renumber.get(c)!);
    const k = ordered.length;
    const size = new Int32Array(k + 1),
      inside = new Float64Array(k + 1);
    for (let i = 0; i < n; i++) size[community[i]]++;
    for (let e = 0; e < m; e++) if (community[list.source[e]] === community[list.target[e]]) inside[community[list.source[e]]]++;
    notes.push({
      en: `${k.toLocaleString('en')} communities (modularity ${detailed.modularity.toFixed(3)}; above 0.3 means clear groups).`,
      vi: `${k.toLocaleString('vi')} cộng đồng (độ mô-đun ${detailed.modularity.toFixed(3)}; trên 0,3 là các nhóm rõ rệt).`,
    });
    await ctx.progress(0.7, { en: 'Drawing…', vi: 'Đang vẽ…' });

    // The chart: the most central people, laid out by ForceAtlas2 from seeded positions.
    const byRank = Array.from({ length: n }, (_, i) => i).sort((a, b) => pr[b] - pr[a] || a - b);
    const drawn = byRank.slice(0, DRAWN);
    const slot = new Int32Array(n).fill(-1);
    drawn.forEach((v, j) => {
      slot[v] = j;
    });
    const sub = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
    const place = createRandom(seedFrom(params.seed, 'layout'));
    for (const v of drawn) sub.addNode(list.ids[v], { x: place() * 100, y: place() * 100 });
    const drawnEdges: [number, number, number][] = [];
    for (let e = 0; e < m; e++) {
      const a = slot[list.source[e]],
        b = slot[list.target[e]];
      if (a >= 0 && b >= 0) {
        drawnEdges.push([a, b, list.weight[e]]);
        sub.addDirectedEdge(list.ids[list.source[e]], list.ids[list.target[e]], { weight: list.weight[e] });
      }
    }
    // In rounds of 10 iterations (positions kept on the nodes), so a cancel is heard between them.
    const settings = { ...forceAtlas2.inferSettings(sub), barnesHutOptimize: drawn.length > 500 };
    for (let done = 0; done < LAYOUT_ITERATIONS; done += 10) {
      forceAtlas2.assign(sub, { iterations: 10, getEdgeWeight: 'weight', settings });
      await ctx.progress(0.7 + (0.2 * (done + 10)) / LAYOUT_ITERATIONS, { en: 'Drawing…', vi: 'Đang vẽ…' });
    }
    const positions: Record<string, { x: number; y: number }> = {};
    sub.forEachNode((id, a) => {
      positions[id] = { x: a.x as number, y: a.y as number };
    });
    const maxPr = pr[byRank[0]] || 1;
    const shown = [...new Set(drawn.map((v) => community[v]))].sort((a, b) => a - b);
    const chart: NetworkChart = {
      kind: 'chart',
      chart: 'network',
      title: { en: 'Who interacts with whom', vi: 'Ai tương tác với ai' },
      nodes: drawn.map((v) => ({
        id: list.ids[v],
        x: round(positions[list.ids[v]].x),
        y: round(positions[list.ids[v]].y),
        size: round(4 + 26 * Math.sqrt(pr[v] / maxPr)),
        community: community[v],
        pagerank: pr[v],
      })),
      edges: drawnEdges,
      communities: shown.map((c) => ({ community: c, size: size[c] })),
      leftOutNodes: n - drawn.length,
      leftOutEdges: m - drawnEdges.length,
    };
    if (chart.leftOutNodes) {
      notes.push({
        en: `The drawing shows the ${drawn.length.toLocaleString('en')} most central people; ${chart.leftOutNodes.toLocaleString('en')} people and ${chart.leftOutEdges.toLocaleString('en')} links are left out of it (they are in the tables).`,
        vi: `Hình vẽ hiện ${drawn.length.toLocaleString('vi')} người trung tâm nhất; ${chart.leftOutNodes.toLocaleString('vi')} người và ${chart.leftOutEdges.toLocaleString('vi')} liên kết không được vẽ (vẫn có trong các bảng).`,
      });
    }
    await ctx.progress(0.9, { en: 'Tables…', vi: 'Các bảng…' });

    const members = new Map<number, number[]>();
    for (const v of byRank) {
      const c = community[v];
      const list5 = members.get(c) ?? [];
      if (list5.length < 5) {
        list5.push(v);
        members.set(c, list5);
      }
    }
    const cs = Array.from({ length: k }, (_, i) => i + 1);
    const nodes = tableOf({
      id: stringVector(list.ids),
      degree_in: int32Vector(degIn),
      degree_out: int32Vector(degOut),
      weight_in: floatVector(wIn),
      pagerank: floatVector(pr),
      betweenness: floatVector(between),
      community: int32Vector(community),
      community_size: int32Vector(Int32Array.from(community, (c) => size[c])),
    });
    const edgeColumns: Record<string, ReturnType<typeof stringVector> | ReturnType<typeof floatVector>> = {
      source: stringVector(Array.from(list.source, (s) => list.ids[s])),
      target: stringVector(Array.from(list.target, (t) => list.ids[t])),
      weight: floatVector(list.weight),
    };
    if (list.first && list.last) {
      edgeColumns.first_time = stringVector(list.first);
      edgeColumns.last_time = stringVector(list.last);
    }
    let topTerms: string[] | undefined;
    if (params.text) {
      await ctx.progress(0.95, { en: 'Top words…', vi: 'Đang tìm từ tiêu biểu…' });
      const [{ encodeKeys }, kw] = await Promise.all([import('../src/core/table/encode-keys'), import('../src/core/text/keywords')]);
      const index = new Map(list.ids.map((id, i) => [id, i]));
      const keys = await encodeKeys(requireColumn(table, params.text, 'string'));
      const groups = Int32Array.from(toValues(column(table, authorColumn)), (a) => {
        const v = a === null || a === undefined ? undefined : index.get(String(a).trim());
        return v === undefined ? -1 : community[v] - 1;
      });
      const corpus = await kw.buildCorpus(keys.codes, keys.values.map(String), 1, async () => {});
      const per = await kw.groupKeywords(corpus, groups, k, 2, 5, async () => {});
      topTerms = per.map((terms) => terms.map((t) => t.term).join(', '));
    }
    const communities = tableOf({
      community: int32Vector(Int32Array.from(cs)),
      size: int32Vector(Int32Array.from(cs, (c) => size[c])),
      density: floatVector(Float64Array.from(cs, (c) => (size[c] > 1 ? inside[c] / (size[c] * (size[c] - 1)) : 0))),
      top_members: stringVector(cs.map((c) => (members.get(c) ?? []).map((v) => list.ids[v]).join(', '))),
      ...(topTerms ? { top_terms: stringVector(topTerms) } : {}),
    });
    for (const note of notes) ctx.warn(note);
    await ctx.progress(1, DONE);
    return { nodes, edges: tableOf(edgeColumns), communities, graph: chart };
  },
  scale: 'whole',
});

const round = (x: number) => Math.round(x * 1000) / 1000;
