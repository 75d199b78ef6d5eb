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
  // Template gallery, fill-in inputs, trainer mode and presentation (issue 5).
  galleryTitle: { en: 'Start from a template', vi: 'Bắt đầu từ một mẫu' },
  galleryIntro: { en: 'Each template runs on the built-in sample audience. Open a copy, press Run, then replace the data with your own.', vi: 'Mỗi mẫu chạy được ngay trên dữ liệu khán giả mẫu. Mở một bản sao, bấm Chạy, rồi thay dữ liệu bằng dữ liệu của bạn.' },
  useTemplate: { en: 'Use', vi: 'Dùng mẫu' },
  stepNotes: { en: 'step notes', vi: 'ghi chú từng bước' },
  steps: { en: 'steps', vi: 'bước' },
  close: { en: 'Close', vi: 'Đóng' },
  emptyFlowDesc: { en: 'An empty canvas: drag nodes from the palette.', vi: 'Khung vẽ trống: kéo các nút từ bảng bên trái.' },
  fillInTitle: { en: 'Fill in this template', vi: 'Điền thông tin cho mẫu' },
  fillInIntro: { en: 'Leave a field as it is to keep the value that works with the sample data.', vi: 'Giữ nguyên một ô để dùng giá trị chạy được với dữ liệu mẫu.' },
  openCopy: { en: 'Open a copy', vi: 'Mở bản sao' },
  back: { en: 'Back', vi: 'Quay lại' },
  step: { en: 'Step', vi: 'Từng bước' },
  stepHint: { en: 'Run only the next node and explain what it did', vi: 'Chỉ chạy nút tiếp theo và giải thích nút đó đã làm gì' },
  replay: { en: 'Replay', vi: 'Xem lại' },
  replayHint: { en: 'Walk through the finished run again, step by step, from the cache', vi: 'Đi lại từng bước của lần chạy đã xong, lấy từ bộ nhớ đệm' },
  stopReplay: { en: 'Stop', vi: 'Dừng' },
  present: { en: 'Present', vi: 'Trình chiếu' },
  presentHint: { en: 'Presentation mode: large type, panels hidden (Esc to leave)', vi: 'Chế độ trình chiếu: chữ lớn, ẩn các bảng (Esc để thoát)' },
  leavePresent: { en: 'Leave presentation (Esc)', vi: 'Thoát trình chiếu (Esc)' },
  stepOf: { en: 'Step {n} of {total}', vi: 'Bước {n} / {total}' },
  whatItDoes: { en: 'What this step does', vi: 'Bước này làm gì' },
  whatChanged: { en: 'What changed in the data', vi: 'Dữ liệu đã thay đổi thế nào' },
  rowsInOut: { en: 'Rows: {in} in → {out} out', vi: 'Số dòng: vào {in} → ra {out}' },
  rowsLoaded: { en: 'Rows loaded: {out}', vi: 'Số dòng đã nạp: {out}' },
  columnsAdded: { en: 'Columns added', vi: 'Cột được thêm' },
  columnsRemoved: { en: 'Columns removed', vi: 'Cột bị bỏ' },
  noColumnChange: { en: 'Same columns as before.', vi: 'Các cột giữ nguyên như trước.' },
  before: { en: 'Before (first 5 rows in)', vi: 'Trước (5 dòng đầu vào)' },
  after: { en: 'After (first 5 rows out)', vi: 'Sau (5 dòng đầu ra)' },
  fromCache: { en: 'Shown from the cache: nothing was recomputed.', vi: 'Lấy từ bộ nhớ đệm: không tính lại gì.' },
  stepFailed: { en: 'This step did not produce a table.', vi: 'Bước này không tạo ra bảng.' },
  flowName: { en: 'Flow name', vi: 'Tên luồng' },
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
