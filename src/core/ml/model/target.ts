/** Reads a yes/no (two-valued) target column as 0/1 codes, with the value that counts as "yes". */
import type { Table } from 'apache-arrow';
import { NodeError } from '../../contract/errors';
import { kindOf, requireColumn, toValues } from '../../table/table';
import type { Label } from './format';

export interface Target {
  /** 1 = positive, 0 = negative, 255 = missing. */
  y: Uint8Array;
  positive: Label;
  negative: Label;
  missing: number;
}

const YES = /^(yes|y|true|t|1|có|co|buy|bought|churn|churned|left|positive|pos)$/i;

/**
 * The target column as codes. Booleans: true is positive; numbers: the larger value; text: a
 * yes-like word ("yes", "true", "1", "có"…) if one of the two is, else the rarer value.
 */
export function readTarget(table: Table, name: string): Target {
  if (!name) {
    throw new NodeError({
      en: 'Choose the column to predict ("What to predict"): a yes/no column such as "bought" or "left".',
      vi: 'Hãy chọn cột cần dự đoán ("Dự đoán cột nào"): một cột có/không như "đã mua" hay "đã rời đi".',
    });
  }
  const vector = requireColumn(table, name);
  const kind = kindOf(vector.type);
  const values = toValues(vector);
  const counts = new Map<Label, number>();
  for (const v of values) {
    if (v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v))) continue;
    const key: Label = typeof v === 'bigint' ? Number(v) : (v as Label);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const distinct = [...counts.keys()];
  if (distinct.length < 2) {
    throw new NodeError({
      en: distinct.length
        ? `The column "${name}" has only one value ("${String(distinct[0])}") in every row, so there is nothing to tell apart. Predict a column where some rows are yes and some are no.`
        : `The column "${name}" has no values. Choose a column with yes/no values.`,
      vi: distinct.length
        ? `Cột "${name}" chỉ có một giá trị ("${String(distinct[0])}") ở mọi dòng nên không có gì để phân biệt. Hãy dự đoán một cột có cả dòng "có" và dòng "không".`
        : `Cột "${name}" không có giá trị nào. Hãy chọn một cột có giá trị có/không.`,
    });
  }
  if (distinct.length > 2) {
    const shown =
      distinct
        .slice(0, 6)
        .map((v) => `"${String(v)}"`)
        .join(', ') + (distinct.length > 6 ? ', …' : '');
    throw new NodeError({
      en: `The column "${name}" has ${distinct.length} different values (${shown}); this step predicts a yes/no column (two values). Make a yes/no column first (for example with "Filter rows" or "Change column type"), or choose another column.`,
      vi: `Cột "${name}" có ${distinct.length} giá trị khác nhau (${shown}); bước này chỉ dự đoán cột có/không (hai giá trị). Hãy tạo một cột có/không trước (ví dụ bằng "Lọc dòng" hoặc "Đổi kiểu cột"), hoặc chọn cột khác.`,
    });
  }
  let [a, b] = distinct;
  let positive: Label;
  if (kind === 'boolean') positive = true;
  else if (typeof a === 'number' && typeof b === 'number') positive = a > b ? a : b;
  else if (YES.test(String(a)) !== YES.test(String(b))) positive = YES.test(String(a)) ? a : b;
  else positive = counts.get(a)! <= counts.get(b)! ? a : b;
  if (positive !== a) [a, b] = [b, a];
  const y = new Uint8Array(values.length);
  let missing = 0;
  values.forEach((v, i) => {
    const key = typeof v === 'bigint' ? Number(v) : v;
    if (key === a) y[i] = 1;
    else if (key === b) y[i] = 0;
    else {
      y[i] = 255;
      missing++;
    }
  });
  return { y, positive: a, negative: b, missing };
}
