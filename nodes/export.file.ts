import { z } from 'zod';
import { defineNode } from '../src/core/contract/node';
import { requireTable } from '../src/core/table/table';
import { EXPORT_FORMATS, exportName } from '../src/core/io/write';
import { inform, tableIn, tableOut } from './kit';

export { exportBytes, exportName } from '../src/core/io/write';

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
    format: z
      .enum(EXPORT_FORMATS)
      .default('csv')
      .meta({
        label: { en: 'File format', vi: 'Định dạng tệp' },
        options: {
          csv: { en: 'CSV (Excel, Google Sheets)', vi: 'CSV (Excel, Google Sheets)' },
          arrow: { en: 'Arrow', vi: 'Arrow' },
          json: { en: 'JSON (list of rows)', vi: 'JSON (danh sách dòng)' },
          parquet: { en: 'Parquet', vi: 'Parquet' },
        },
      }),
    name: z
      .string()
      .default('audience')
      .meta({
        label: { en: 'File name', vi: 'Tên tệp' },
        help: { en: 'The extension is added for you.', vi: 'Phần mở rộng được thêm tự động.' },
      }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const file = exportName(params.name, params.format);
    inform(ctx, {
      en: `${table.numRows} rows ready to save as "${file}": press Download in the data panel.`,
      vi: `${table.numRows} dòng sẵn sàng lưu thành "${file}": bấm Tải xuống ở khung dữ liệu.`,
    });
    return { out: table };
  },
  scale: 'whole',
});
