import { Table, type Vector } from 'apache-arrow';
import { z } from 'zod';
import { NodeError } from '../src/core/contract/errors';
import { clip, clippedNote, TEXT_LIMIT } from '../src/core/text/limit';
import { defineNode } from '../src/core/contract/node';
import {
  floatVector,
  int32Vector,
  requireColumn,
  requireTable,
  stringVector,
  withColumns,
  requireTextColumn,
} from '../src/core/table/table';
import { columnParam, tableIn, tableOut, DONE, ngramsParam } from './kit';
import type { Text } from '../src/core/contract/i18n';

/** Most terms listed in the corpus `terms` table (row mode). */
const CORPUS_TERMS = 200;

/** Hashtags, @mentions and TF-IDF keywords of a text column, per row or per group (segment, journey stage…). */
export default defineNode({
  type: 'feature.keywords',
  version: 1,
  category: 'feature',
  title: { en: 'Keywords and hashtags', vi: 'Từ khoá và hashtag' },
  description: {
    en: 'Finds the #hashtags, @mentions and the most telling words of a text column (captions, comments), in English and Vietnamese. Common words ("the", "và", "nhé") and numbers are skipped. Per row, or per group (e.g. per segment) to see what each group talks about.',
    vi: 'Tìm #hashtag, @nhắc tên và những từ nổi bật nhất của một cột văn bản (chú thích, bình luận), tiếng Anh và tiếng Việt. Bỏ qua các từ phổ biến ("the", "và", "nhé") và con số. Theo từng dòng, hoặc theo nhóm (ví dụ theo phân khúc) để xem mỗi nhóm nói về gì.',
  },
  inputs: [tableIn()],
  outputs: [
    tableOut({ en: 'Table with keywords', vi: 'Bảng kèm từ khoá' }),
    tableOut({ en: 'Top terms', vi: 'Từ khoá hàng đầu' }, 'terms'),
  ],
  params: z.object({
    column: columnParam('string', { en: 'Text column', vi: 'Cột văn bản' }, { default: 'text' }),
    mode: z
      .enum(['row', 'group'])
      .default('row')
      .meta({
        label: { en: 'Keywords for', vi: 'Từ khoá cho' },
        options: { row: { en: 'Each row', vi: 'Từng dòng' }, group: { en: 'Each group', vi: 'Từng nhóm' } },
      }),
    group: columnParam(
      'any',
      { en: 'Group column', vi: 'Cột nhóm' },
      {
        when: { param: 'mode', equals: 'group' },
        help: {
          en: 'Used when keywords are per group: e.g. segment or journey_stage.',
          vi: 'Dùng khi tìm từ khoá theo nhóm: ví dụ segment hoặc journey_stage.',
        },
        default: 'segment',
      },
    ),
    top: z
      .number()
      .int()
      .min(1)
      .max(50)
      .default(5)
      .meta({ label: { en: 'Keywords to keep', vi: 'Số từ khoá giữ lại' } }),
    ngrams: ngramsParam(1),
    minCount: z
      .number()
      .int()
      .min(1)
      .default(2)
      .meta({
        label: { en: 'Minimum texts per term', vi: 'Số văn bản tối thiểu mỗi từ' },
        help: {
          en: 'A term must appear in at least this many texts to count.',
          vi: 'Một từ phải xuất hiện trong ít nhất chừng này văn bản mới được tính.',
        },
      }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const vector = requireTextColumn(table, params.column);
    const grouped = params.mode === 'group';
    if (grouped && !params.group)
      throw new NodeError({ en: 'Choose the group column (e.g. segment).', vi: 'Hãy chọn cột nhóm (ví dụ segment).' });
    const groupVector = grouped ? requireColumn(table, params.group) : undefined;
    const { encodeKeys } = await import('../src/core/table/encode-keys');
    const kw = await import('../src/core/text/keywords');
    const n = table.numRows;
    const at = (from: number, span: number, msg: Text) => (done: number) => ctx.progress(from + (span * done) / Math.max(1, n), msg);

    const keys = await encodeKeys(vector, at(0, 0.1, { en: 'reading text', vi: 'đang đọc văn bản' }));
    // Each text is read up to TEXT_LIMIT characters (time stays proportional to the data).
    let long = 0;
    const texts = keys.values.map((v) => {
      const t = String(v);
      if (t.length > TEXT_LIMIT) {
        long++;
        return clip(t);
      }
      return t;
    });
    if (long) ctx.warn(clippedNote(long));
    // Hashtags and mentions, once per distinct text.
    const tags = texts.map((t) => kw.extractTags(t));
    const hashtags: string[] = new Array(n),
      mentions: string[] = new Array(n);
    const nHashtags = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const k = keys.codes[r];
      const tg = k >= 0 ? tags[k] : undefined;
      hashtags[r] = tg ? tg.hashtags.join(' ') : '';
      mentions[r] = tg ? tg.mentions.join(' ') : '';
      nHashtags[r] = tg ? tg.hashtags.length : 0;
    }
    await ctx.progress(0.2, { en: 'finding hashtags', vi: 'đang tìm hashtag' });
    const corpus = await kw.buildCorpus(keys.codes, texts, params.ngrams, at(0.2, 0.5, { en: 'counting words', vi: 'đang đếm từ' }));
    const added: Record<string, Vector> = {
      hashtags: stringVector(hashtags),
      mentions: stringVector(mentions),
      n_hashtags: floatVector(nHashtags),
    };
    let terms: Table;
    if (!grouped) {
      const res = await kw.rowKeywords(
        corpus,
        params.minCount,
        params.top,
        Math.max(params.top, CORPUS_TERMS),
        at(0.7, 0.25, { en: 'scoring keywords', vi: 'đang chấm điểm từ khoá' }),
      );
      added.keywords = stringVector(res.keywords);
      terms = new Table({
        term: stringVector(res.terms.map((t) => t.term)),
        documents: int32Vector(Int32Array.from(res.terms, (t) => t.documents)),
        tfidf: floatVector(Float64Array.from(res.terms, (t) => t.score)),
      });
    } else {
      const g = await encodeKeys(groupVector!);
      // Groups in a stable, readable order: numbers numerically, text alphabetically.
      const order = g.values
        .map((_, i) => i)
        .sort((a, b) => {
          const x = g.values[a],
            y = g.values[b];
          return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
        });
      const per = await kw.groupKeywords(
        corpus,
        g.codes,
        g.values.length,
        params.minCount,
        params.top,
        at(0.7, 0.25, { en: 'scoring groups', vi: 'đang chấm điểm theo nhóm' }),
      );
      const col = { group: [] as string[], term: [] as string[], score: [] as number[], documents: [] as number[] };
      for (const gi of order) {
        for (const t of per[gi]) {
          col.group.push(String(g.values[gi]));
          col.term.push(t.term);
          col.score.push(t.score);
          col.documents.push(t.documents);
        }
      }
      if (g.missing)
        ctx.warn({
          en: `${g.missing} row${g.missing > 1 ? 's have' : ' has'} no group and ${g.missing > 1 ? 'are' : 'is'} left out of the group terms.`,
          vi: `${g.missing} dòng không có nhóm nên không được tính vào từ khoá theo nhóm.`,
        });
      terms = new Table({
        group: stringVector(col.group),
        term: stringVector(col.term),
        score: floatVector(Float64Array.from(col.score)),
        documents: int32Vector(Int32Array.from(col.documents)),
      });
    }
    if (corpus.vocabulary.length > 0 && terms.numRows === 0) {
      ctx.warn({
        en: `No word appears in ${params.minCount} texts or more; lower "Minimum texts per term".`,
        vi: `Không có từ nào xuất hiện trong từ ${params.minCount} văn bản trở lên; hãy giảm "Số văn bản tối thiểu mỗi từ".`,
      });
    }
    await ctx.progress(1, DONE);
    return { out: withColumns(table, added), terms };
  },
  scale: 'reduce',
});
