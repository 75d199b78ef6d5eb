import { z } from 'zod';
import { parseCsv } from '../src/core/io/csv/read';
import { decodeText } from '../src/core/io/encoding';
import { readUserFile } from '../src/core/io/read-file';
import { defineNode } from '../src/core/contract/node';
import { TARGETS, mappedRows, resolveMapping } from '../src/core/io/social/csv-map';
import { facebookRows } from '../src/core/io/social/facebook';
import { type SocialRow, interactionsTable, parseJson } from '../src/core/io/social/rows';
import { parseTweetsJs, xRows } from '../src/core/io/social/x';
import { looksLikeXlsx, readXlsx } from '../src/core/io/xlsx';
import { tableOut } from './kit';
import { say } from '../src/core/contract/format';

/** Stable order by time (unknown times last), as the sample audience and platform exports are. */
function byTime(rows: SocialRow[], utcOffset: number): SocialRow[] {
  const key = (r: SocialRow) => (r.zoned ? r.time + utcOffset * 3600000 : r.time);
  return rows
    .map((r, i) => ({ r, i, k: key(r) }))
    .sort((a, b) => (a.k === b.k || (a.k !== a.k && b.k !== b.k) ? a.i - b.i : a.k !== a.k ? 1 : b.k !== b.k ? -1 : a.k - b.k))
    .map((x) => x.r);
}

/**
 * Social platform exports (Facebook Graph API JSON, X archive tweets.js, or any CSV with a column
 * mapping) as the interactions table of `ingest.sample`: the same columns and types, so the
 * segmentation and journey templates run on real data unchanged.
 */
export default defineNode({
  type: 'ingest.social',
  version: 3,
  category: 'ingest',
  title: { en: 'Social media export', vi: 'Dữ liệu xuất từ mạng xã hội' },
  description: {
    en: 'Reads a Facebook page export (Graph API JSON), an X (Twitter) archive (tweets.js) or a CSV of interactions into the same interactions table as the sample audience: who commented, reacted or shared, on which post, when, and what they wrote.',
    vi: 'Đọc tệp xuất trang Facebook (JSON Graph API), bản lưu trữ X (Twitter) (tweets.js) hoặc tệp CSV tương tác thành cùng bảng tương tác như dữ liệu mẫu: ai bình luận, bày tỏ cảm xúc hay chia sẻ, trên bài nào, lúc nào và viết gì.',
  },
  inputs: [],
  outputs: [tableOut({ en: 'Interactions', vi: 'Tương tác' })],
  params: z.object({
    platform: z
      .enum(['facebook', 'x', 'csv'])
      .default('facebook')
      .meta({
        label: { en: 'Platform', vi: 'Nền tảng' },
        help: { en: 'Where the export comes from.', vi: 'Tệp được xuất từ đâu.' },
        options: {
          facebook: { en: 'Facebook page (Graph API JSON)', vi: 'Trang Facebook (JSON Graph API)' },
          x: { en: 'X / Twitter archive (tweets.js)', vi: 'Bản lưu trữ X / Twitter (tweets.js)' },
          csv: { en: 'CSV or Excel with a column mapping', vi: 'CSV hoặc Excel kèm ánh xạ cột' },
        },
      }),
    path: z
      .string()
      .default('')
      .meta({
        label: { en: 'File', vi: 'Tệp' },
        help: { en: 'Drop the exported file here or choose it.', vi: 'Thả tệp đã xuất vào đây hoặc chọn tệp.' },
        widget: 'file',
      }),
    mapping: z
      .record(z.string(), z.string())
      .default({})
      .meta({
        when: { param: 'platform', equals: 'csv' },
        label: { en: 'Columns (interactions column → your column)', vi: 'Cột (cột tương tác → cột trong tệp)' },
        help: {
          en: `CSV only. Map ${TARGETS.join(', ')}. user_id and timestamp are required; a column already named like the target is used without mapping. reply_to (the id of the answered comment, with interaction_id), reply_to_user (its author) and mentions (the people a row names, e.g. "@linh, @an") feed the replies and mentions modes of the interaction network.`,
          vi: `Chỉ cho CSV. Ánh xạ ${TARGETS.join(', ')}. Bắt buộc có user_id và timestamp; cột trùng tên với cột đích được dùng luôn, không cần ánh xạ. reply_to (mã bình luận được trả lời, cùng interaction_id), reply_to_user (tác giả của nó) và mentions (những người được nhắc, ví dụ "@linh, @an") dùng cho chế độ trả lời và nhắc tên của mạng lưới tương tác.`,
        },
        widget: 'keyvalue',
      }),
    utcOffset: z
      .number()
      .min(-12)
      .max(14)
      .default(7)
      .meta({
        label: { en: 'Time zone (hours from UTC)', vi: 'Múi giờ (số giờ so với UTC)' },
        help: {
          en: 'Times that name their zone are shown in this one (7 = Vietnam), so "hour" is the audience\'s local hour.',
          vi: 'Thời gian có ghi múi giờ được đổi sang múi giờ này (7 = Việt Nam), để cột "hour" là giờ địa phương của khán giả.',
        },
      }),
  }),
  files: (p) => (p.path ? [p.path] : []),
  async run(_inputs, params, ctx) {
    const bytes = await readUserFile(ctx, params.path, {
      en: 'No file is chosen yet. Drop the export on this node or choose it.',
      vi: 'Chưa chọn tệp nào. Hãy thả tệp đã xuất vào nút này hoặc chọn tệp.',
    });
    const source = params.platform === 'x' ? 'X' : params.platform === 'csv' ? 'CSV' : 'Facebook';
    await ctx.progress(0, { en: `Reading the ${source} export`, vi: `Đang đọc tệp xuất ${source}` });
    let rows: SocialRow[];
    if (params.platform === 'csv') {
      let table;
      if (looksLikeXlsx(bytes)) table = await readXlsx(bytes);
      else {
        const decoded = decodeText(bytes);
        if (decoded.note) ctx.warn(decoded.note);
        table = (await parseCsv(decoded.bytes, { header: true, progress: (f) => ctx.progress(f * 0.5) })).table;
      }
      const result = await mappedRows(table, resolveMapping(table, params.mapping), (f) => ctx.progress(0.5 + f * 0.4));
      rows = result.rows;
      if (result.badTimes) {
        ctx.warn({
          en: `${result.badTimes.toLocaleString('en-US')} timestamp(s) could not be read as dates; their timestamp and hour are empty.`,
          vi: `${result.badTimes.toLocaleString('vi-VN')} giá trị thời gian không đọc được thành ngày giờ; timestamp và hour của chúng để trống.`,
        });
      }
    } else {
      const decoded = decodeText(bytes);
      if (decoded.note) ctx.warn(decoded.note);
      const text = new TextDecoder().decode(decoded.bytes);
      if (params.platform === 'x') rows = xRows(parseTweetsJs(text));
      else {
        const result = facebookRows(parseJson(text, 'Facebook'));
        rows = result.rows;
        for (const note of result.notes) ctx.warn(note);
      }
    }
    await ctx.progress(
      0.9,
      say(
        (f) => `${f.count(rows.length, 'interaction', 'interactions')}`,
        (f) => `${f.int(rows.length)} lượt tương tác`,
      ),
    );
    const out = interactionsTable(byTime(rows, params.utcOffset), params.utcOffset);
    await ctx.progress(
      1,
      say(
        (f) => `${f.count(out.numRows, 'interaction', 'interactions')}`,
        (f) => `${f.int(out.numRows)} lượt tương tác`,
      ),
    );
    return { out };
  },
  scale: 'rows',
});
