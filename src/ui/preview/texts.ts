/** Words of the preview before a run (inspector and data panel). */
import type { Text } from '../../core/contract/i18n';

export const PREVIEW_TEXTS = {
  columnsFromPreview: {
    en: 'Columns read from the first {rows} rows of the file, before any Run.',
    vi: 'Các cột được đọc từ {rows} dòng đầu của tệp, trước khi chạy.',
  },
  previewBadge: { en: 'Preview', vi: 'Xem trước' },
  previewOf: {
    en: 'Preview: this step on the first {rows} rows of the file. Press Run for every row.',
    vi: 'Xem trước: bước này trên {rows} dòng đầu của tệp. Bấm Chạy để tính trên mọi dòng.',
  },
  previewFailed: {
    en: 'No preview for this step on the first rows:',
    vi: 'Chưa xem trước được bước này trên các dòng đầu:',
  },
} satisfies Record<string, Text>;
