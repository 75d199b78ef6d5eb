import type { Table, Vector } from 'apache-arrow';
import { z } from 'zod';
import { defaultNumericColumns, leftOutNote } from '../src/core/table/columns';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { floatVector, kindOf, requireColumn, requireTable, toFloat64, withColumns } from '../src/core/table/table';
import { columnsParam, tableIn, tableOut } from './kit';
import type { Text } from '../src/core/contract/i18n';

/** The `q` quantile of sorted values, with linear interpolation (numpy's default). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

/** The chosen columns (checked), or every numeric column except id-like and constant ones (named through `warn`). */
function chooseColumns(table: Table, chosen: string[], warn: (note: Text) => void): string[] {
  if (!chosen.length) {
    const { used, leftOut } = defaultNumericColumns(table);
    const note = leftOutNote(leftOut);
    if (note) warn(note);
    return used;
  }
  for (const name of chosen) {
    const kind = kindOf(requireColumn(table, name).type);
    if (kind !== 'number') {
      throw new NodeError({
        en: `The column "${name}" does not hold numbers${kind === 'string' ? ' (it holds text)' : ''}, so it cannot be scaled. Remove it from the columns${kind === 'string' ? ', or turn it into numbers first with "One-hot encode"' : ''}.`,
        vi: `Cột "${name}" không chứa số${kind === 'string' ? ' (nó chứa văn bản)' : ''} nên không thể chuẩn hoá. Hãy bỏ cột này khỏi danh sách${kind === 'string' ? ', hoặc đổi nó thành số trước bằng "Mã hoá one-hot"' : ''}.`,
      });
    }
  }
  return chosen;
}

/** Puts numeric columns on a comparable scale: z-score, min–max or robust (median / IQR). */
export default defineNode({
  type: 'feature.scale',
  version: 2,
  category: 'feature',
  title: { en: 'Scale features', vi: 'Chuẩn hoá đặc trưng' },
  description: {
    en: 'Puts numeric columns on a similar scale so that no column outweighs the others just because of its units (for example before k-means). The columns keep their names; other columns are unchanged. Missing values stay missing.',
    vi: 'Đưa các cột số về thang đo tương đương để không cột nào lấn át chỉ vì đơn vị đo (ví dụ trước khi chạy k-means). Các cột giữ nguyên tên; các cột khác không đổi. Giá trị thiếu vẫn để trống.',
  },
  inputs: [tableIn()],
  outputs: [tableOut({ en: 'Scaled table', vi: 'Bảng đã chuẩn hoá' })],
  params: z.object({
    columns: columnsParam(
      'number',
      { en: 'Columns to scale', vi: 'Các cột cần chuẩn hoá' },
      { help: { en: 'Empty scales every numeric column.', vi: 'Để trống để chuẩn hoá mọi cột số.' } },
    ),
    method: z
      .enum(['zscore', 'minmax', 'robust'])
      .default('zscore')
      .meta({
        label: { en: 'Method', vi: 'Phương pháp' },
        help: {
          en: 'Z-score: average 0, spread 1. Min–max: from 0 to 1. Robust: median 0, middle half spread 1 (less affected by extreme values).',
          vi: 'Z-score: trung bình 0, độ lệch chuẩn 1. Min–max: từ 0 đến 1. Robust: trung vị 0, khoảng tứ phân vị 1 (ít bị ảnh hưởng bởi giá trị cực đoan).',
        },
        options: {
          zscore: { en: 'Z-score (standardise)', vi: 'Z-score (chuẩn tắc)' },
          minmax: { en: 'Min–max (0 to 1)', vi: 'Min–max (0 đến 1)' },
          robust: { en: 'Robust (median and IQR)', vi: 'Robust (trung vị và IQR)' },
        },
      }),
  }),
  maxRows: (_p, [n]) => n ?? null,
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const columns = chooseColumns(table, params.columns, (note) => ctx.warn(note));
    const constant: string[] = [],
      empty: string[] = [],
      flatMiddle: string[] = [];
    const added: Record<string, Vector> = {};
    for (let ci = 0; ci < columns.length; ci++) {
      const name = columns[ci];
      const x = toFloat64(requireColumn(table, name));
      const n = x.length;
      let count = 0,
        sum = 0,
        min = Infinity,
        max = -Infinity;
      for (let i = 0; i < n; i++) {
        const v = x[i];
        if (v !== v) continue;
        count++;
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const out = new Float64Array(n);
      if (count === 0) {
        out.fill(NaN);
        if (n) empty.push(name);
      } else if (min === max) {
        for (let i = 0; i < n; i++) out[i] = x[i] !== x[i] ? NaN : 0;
        constant.push(name);
      } else {
        let center = 0,
          scale = 1;
        if (params.method === 'zscore') {
          center = sum / count;
          let ss = 0;
          for (let i = 0; i < n; i++) {
            const v = x[i];
            if (v === v) ss += (v - center) * (v - center);
          }
          scale = Math.sqrt(ss / count);
        } else if (params.method === 'minmax') {
          center = min;
          scale = max - min;
        } else {
          const sorted = new Float64Array(count);
          for (let i = 0, j = 0; i < n; i++) if (x[i] === x[i]) sorted[j++] = x[i];
          sorted.sort();
          center = quantileSorted(sorted, 0.5);
          scale = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
          if (!(scale > 0)) {
            scale = 1;
            flatMiddle.push(name);
          }
        }
        if (!(scale > 0)) scale = 1;
        const inv = 1 / scale;
        for (let i = 0; i < n; i++) out[i] = (x[i] - center) * inv; // NaN stays NaN
      }
      added[name] = floatVector(out);
      await ctx.progress((ci + 1) / columns.length, { en: `scaled ${name}`, vi: `đã chuẩn hoá ${name}` });
    }
    const list = (names: string[]) => names.map((c) => `"${c}"`).join(', ');
    if (constant.length) {
      ctx.warn({
        en: `${list(constant)} ${constant.length > 1 ? 'have' : 'has'} the same value in every row, so ${constant.length > 1 ? 'they carry' : 'it carries'} no information; set to 0.`,
        vi: `${list(constant)} có cùng một giá trị ở mọi dòng nên không mang thông tin; đã đặt thành 0.`,
      });
    }
    if (empty.length) {
      ctx.warn({
        en: `${list(empty)} ${empty.length > 1 ? 'have' : 'has'} no values at all and stay${empty.length > 1 ? '' : 's'} empty.`,
        vi: `${list(empty)} không có giá trị nào và vẫn để trống.`,
      });
    }
    if (flatMiddle.length) {
      ctx.warn({
        en: `In ${list(flatMiddle)} the middle half of the rows share one value, so only the median was subtracted (not divided by the spread).`,
        vi: `Ở ${list(flatMiddle)} nửa giữa các dòng có cùng một giá trị nên chỉ trừ trung vị (không chia cho độ phân tán).`,
      });
    }
    return { out: withColumns(table, added) };
  },
  scale: 'reduce',
});
