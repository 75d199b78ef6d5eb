/** Words of the data panel's loading states. */
import type { Text } from '../../core/contract/i18n';

export const DATA_TEXTS = {
  loadingRows: { en: 'Loading the first rows…', vi: 'Đang tải các dòng đầu…' },
  computingSummaries: { en: 'Computing column summaries…', vi: 'Đang tính tóm tắt các cột…' },
  summaryPending: { en: 'summary…', vi: 'đang tóm tắt…' },
} satisfies Record<string, Text>;
