/** Interface strings in English and Vietnamese; node and param texts live in the node declarations. */
import type { Lang, Text } from '../core/text';
import { pick } from '../core/text';
import { useStore } from './store';

const STRINGS = {
  appName: { en: 'Audience Flow', vi: 'Audience Flow' },
  run: { en: 'Run', vi: 'Chạy' },
  running: { en: 'Running…', vi: 'Đang chạy…' },
  cancel: { en: 'Cancel', vi: 'Huỷ' },
  open: { en: 'Open flow…', vi: 'Mở luồng…' },
  save: { en: 'Save flow', vi: 'Lưu luồng' },
  templates: { en: 'Templates', vi: 'Mẫu' },
  newFlow: { en: 'New empty flow', vi: 'Luồng trống mới' },
  searchNodes: { en: 'Search nodes…', vi: 'Tìm nút…' },
  nodes: { en: 'Nodes', vi: 'Các nút' },
  dragHint: { en: 'Drag a node onto the canvas, or drop a CSV/JSON/Arrow file there.', vi: 'Kéo một nút vào khung vẽ, hoặc thả tệp CSV/JSON/Arrow vào đó.' },
  inspector: { en: 'Settings', vi: 'Cài đặt' },
  noSelection: { en: 'Click a node to see and change its settings.', vi: 'Bấm vào một nút để xem và đổi cài đặt.' },
  noParams: { en: 'This node has no settings.', vi: 'Nút này không có cài đặt.' },
  data: { en: 'Data', vi: 'Dữ liệu' },
  noData: { en: 'Run the flow, then click a node to see its output table here.', vi: 'Hãy chạy luồng, rồi bấm vào một nút để xem bảng kết quả ở đây.' },
  notRunYet: { en: 'This node has not produced a table yet. Press Run.', vi: 'Nút này chưa tạo ra bảng. Hãy bấm Chạy.' },
  rows: { en: 'rows', vi: 'dòng' },
  columns: { en: 'columns', vi: 'cột' },
  missing: { en: 'missing', vi: 'thiếu' },
  distinct: { en: 'distinct', vi: 'giá trị khác nhau' },
  cached: { en: 'cached', vi: 'dùng lại' },
  delete: { en: 'Delete node', vi: 'Xoá nút' },
  runColumnsFirst: { en: 'Run the flow once to pick from the columns; or type names separated by commas.', vi: 'Chạy luồng một lần để chọn cột; hoặc gõ tên cột, cách nhau bằng dấu phẩy.' },
  chooseFile: { en: 'Choose a file…', vi: 'Chọn tệp…' },
  addRow: { en: 'Add', vi: 'Thêm' },
  status_idle: { en: 'not run', vi: 'chưa chạy' },
  status_queued: { en: 'waiting', vi: 'đang chờ' },
  status_running: { en: 'running', vi: 'đang chạy' },
  status_done: { en: 'done', vi: 'xong' },
  status_error: { en: 'error', vi: 'lỗi' },
  status_skipped: { en: 'not run', vi: 'bỏ qua' },
  status_stale: { en: 'changed — run again', vi: 'đã đổi — chạy lại' },
  status_cancelled: { en: 'cancelled', vi: 'đã huỷ' },
  language: { en: 'Tiếng Việt', vi: 'English' },
  fileStored: { en: 'kept in this browser only', vi: 'chỉ lưu trong trình duyệt này' },
  flowProblems: { en: 'The flow cannot run yet:', vi: 'Luồng chưa chạy được:' },
  selfLoop: { en: 'A node cannot feed itself.', vi: 'Một nút không thể tự nối vào chính nó.' },
  auto: { en: 'automatic', vi: 'tự động' },
  workerRestarted: { en: 'The computation engine stopped responding and was restarted. Your flow is safe.', vi: 'Bộ máy tính toán không phản hồi và đã được khởi động lại. Luồng của bạn vẫn an toàn.' },
} satisfies Record<string, Text>;

export type StringKey = keyof typeof STRINGS;

export const tr = (key: StringKey, lang: Lang) => pick(STRINGS[key], lang);

/** The translate function for the current language. */
export function useT() {
  const lang = useStore((s) => s.lang);
  return { lang, t: (key: StringKey) => tr(key, lang), p: (text: Text | string | undefined) => pick(text, lang) };
}

export const CATEGORY_TITLES: Record<string, Text> = {
  ingest: { en: 'Load data', vi: 'Nạp dữ liệu' },
  clean: { en: 'Clean', vi: 'Làm sạch' },
  feature: { en: 'Features', vi: 'Đặc trưng' },
  cluster: { en: 'Segments', vi: 'Phân khúc' },
  text: { en: 'Text', vi: 'Văn bản' },
  journey: { en: 'Customer journey', vi: 'Hành trình khách hàng' },
  view: { en: 'View', vi: 'Xem' },
  export: { en: 'Export', vi: 'Xuất' },
};
