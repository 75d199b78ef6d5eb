import { z } from 'zod';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { personaCards } from '../src/core/ml/persona';
import { requireTable } from '../src/core/table/table';
import { chartOut, tableIn } from './kit';

/** Persona cards (name, sentence, size, strongest traits) from a segment profile table. */
export default defineNode({
  type: 'view.personas',
  version: 1,
  category: 'view',
  title: { en: 'Persona cards', vi: 'Thẻ chân dung' },
  description: {
    en: 'Shows one card per segment: its persona name and sentence, its size and share, its strongest traits and over-represented values. Connect the "Segment profiles" table.',
    vi: 'Hiển thị mỗi phân khúc một thẻ: tên và câu mô tả chân dung, số người và tỷ lệ, các đặc điểm nổi bật nhất và giá trị đặc trưng. Nối bảng "Chân dung phân khúc" vào đây.',
  },
  inputs: [tableIn({ en: 'Segment profiles', vi: 'Chân dung phân khúc' })],
  outputs: [chartOut({ en: 'Persona cards', vi: 'Thẻ chân dung' })],
  params: z.object({}),
  async run(inputs) {
    const table = requireTable(inputs);
    if (!table.getChild('persona') || !table.getChild('segment')) {
      throw new NodeError({
        en: 'This table has no "persona" column. Connect the "out" of a "Segment profiles" step.',
        vi: 'Bảng này không có cột "persona". Hãy nối đầu ra "out" của bước "Chân dung phân khúc".',
      });
    }
    return { chart: personaCards(table) };
  },
  scale: 'whole',
});
