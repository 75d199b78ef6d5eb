import { z } from 'zod';
import type { PersonasChart } from '../src/core/contract/chart';
import { NodeError } from '../src/core/contract/errors';
import { defineNode, type PortSpec } from '../src/core/contract/node';
import { personaCards } from '../src/core/ml/persona';
import { isTable } from '../src/core/table/table';
import { chartOut, tableIn } from './kit';

/** The cards "Segment profiles" already drew (its `personas` output): shown as they are. */
const PERSONAS_IN: PortSpec<'personas', 'chart'> = {
  name: 'personas',
  kind: 'chart',
  title: { en: 'Personas (from Segment profiles)', vi: 'Chân dung (từ Chân dung phân khúc)' },
  optional: true,
};

const isPersonas = (v: unknown): v is PersonasChart =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'chart' && (v as { chart?: unknown }).chart === 'personas';

/**
 * Persona cards (name, sentence, size, strongest traits) from a segment profile table, or the
 * persona cards "Segment profiles" made: either of its two outputs can be connected.
 */
export default defineNode({
  type: 'view.personas',
  version: 2,
  category: 'view',
  title: { en: 'Persona cards', vi: 'Thẻ chân dung' },
  description: {
    en: 'Shows one card per segment: its persona name and sentence, its size and share, its strongest traits and over-represented values. Connect either the "Segment profiles" table or its "Personas" output.',
    vi: 'Hiển thị mỗi phân khúc một thẻ: tên và câu mô tả chân dung, số người và tỷ lệ, các đặc điểm nổi bật nhất và giá trị đặc trưng. Nối bảng "Chân dung phân khúc" hoặc đầu ra "Chân dung" của bước đó vào đây.',
  },
  inputs: [tableIn({ en: 'Segment profiles', vi: 'Chân dung phân khúc' }, 'in', { optional: true }), PERSONAS_IN],
  outputs: [chartOut({ en: 'Persona cards', vi: 'Thẻ chân dung' })],
  params: z.object({}),
  async run(inputs) {
    if (inputs.personas !== undefined) {
      if (!isPersonas(inputs.personas)) {
        throw new NodeError({
          en: 'The chart connected to "Personas" is not a set of persona cards. Connect the "Personas" output of a "Segment profiles" step.',
          vi: 'Biểu đồ nối vào "Chân dung" không phải là các thẻ chân dung. Hãy nối đầu ra "Chân dung" của bước "Chân dung phân khúc".',
        });
      }
      return { chart: inputs.personas };
    }
    const table = inputs.in;
    if (!isTable(table)) {
      throw new NodeError({
        en: 'Nothing is connected. Connect the "Segment profiles" table (or its "Personas" output) of a "Segment profiles" step.',
        vi: 'Chưa có gì được nối. Hãy nối bảng "Chân dung phân khúc" (hoặc đầu ra "Chân dung") của bước "Chân dung phân khúc".',
      });
    }
    if (!table.getChild('persona') || !table.getChild('segment')) {
      throw new NodeError({
        en: 'This table has no "persona" column. Connect the "Segment profiles" table (or its "Personas" output) of a "Segment profiles" step.',
        vi: 'Bảng này không có cột "persona". Hãy nối bảng "Chân dung phân khúc" (hoặc đầu ra "Chân dung") của bước "Chân dung phân khúc".',
      });
    }
    return { chart: personaCards(table) };
  },
  scale: 'whole',
});
