import type { Table } from 'apache-arrow';
import { z } from 'zod';
import { NodeError } from '../src/core/errors';
import { defineNode } from '../src/core/node';
import { requireTable } from '../src/core/table';
import { tableIn, tableOut } from './kit';

export const EXPORT_FORMATS = ['csv', 'arrow', 'json', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8', arrow: 'application/vnd.apache.arrow.file', json: 'application/json', parquet: 'application/vnd.apache.parquet',
};

/** A safe file name with the format's extension: "my results" + csv → "my results.csv". */
export function exportName(name: string, format: ExportFormat): string {
  const base = name.trim().replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/\.(csv|arrow|json|parquet)$/i, '') || 'audience';
  return `${base}.${format}`;
}

/** The bytes of a table in a file format. CSV cells starting with = + - @ are escaped for spreadsheets. */
export async function exportBytes(table: Table, format: ExportFormat, name = 'audience'): Promise<{ bytes: Uint8Array; name: string; mime: string }> {
  const write = await import('../src/core/write');
  let bytes: Uint8Array;
  if (format === 'csv') bytes = new TextEncoder().encode(`\uFEFF${write.toCsv(table)}`);
  else if (format === 'json') bytes = new TextEncoder().encode(write.toJsonRows(table));
  else if (format === 'arrow') bytes = write.toArrowFile(table);
  else if (format === 'parquet') bytes = await (await import('../src/core/parquet')).writeParquet(table);
  else throw new NodeError({ en: `Unknown file format "${String(format)}". Choose CSV, Arrow, JSON or Parquet.`, vi: `Định dạng tệp "${String(format)}" không hợp lệ. Hãy chọn CSV, Arrow, JSON hoặc Parquet.` });
  return { bytes, name: exportName(name, format), mime: MIME[format] };
}

/** Marks a table for export: the page offers a Download button; the command line writes it to --out. */
export default defineNode({
  type: 'export.file',
  version: 1,
  category: 'export',
  title: { en: 'Export to file', vi: 'Xuất ra tệp' },
  description: {
    en: 'Saves a table as a file: after Run, select this node and press Download in the data panel. CSV opens in Excel and Google Sheets (cells starting with = + - @ are made safe); Arrow and Parquet keep column types for other tools; JSON is a list of rows.',
    vi: 'Lưu một bảng thành tệp: sau khi chạy, chọn nút này và bấm Tải xuống ở khung dữ liệu. CSV mở được bằng Excel và Google Sheets (ô bắt đầu bằng = + - @ được làm an toàn); Arrow và Parquet giữ kiểu cột cho công cụ khác; JSON là danh sách các dòng.',
  },
  inputs: [tableIn()],
  outputs: [tableOut({ en: 'Exported table', vi: 'Bảng được xuất' })],
  params: z.object({
    format: z.enum(EXPORT_FORMATS).default('csv').meta({
      label: { en: 'File format', vi: 'Định dạng tệp' },
      options: {
        csv: { en: 'CSV (Excel, Google Sheets)', vi: 'CSV (Excel, Google Sheets)' }, arrow: { en: 'Arrow', vi: 'Arrow' },
        json: { en: 'JSON (list of rows)', vi: 'JSON (danh sách dòng)' }, parquet: { en: 'Parquet', vi: 'Parquet' },
      },
    }),
    name: z.string().default('audience').meta({
      label: { en: 'File name', vi: 'Tên tệp' },
      help: { en: 'The extension is added for you.', vi: 'Phần mở rộng được thêm tự động.' },
    }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const file = exportName(params.name, params.format);
    ctx.warn({ en: `${table.numRows} rows ready to save as "${file}": press Download in the data panel.`, vi: `${table.numRows} dòng sẵn sàng lưu thành "${file}": bấm Tải xuống ở khung dữ liệu.` });
    return { out: table };
  },
});
