/** Interface strings in English and Vietnamese; node and param texts live in the node declarations. */
import type { Lang, Text } from '../core/contract/i18n';
import { pick } from '../core/contract/i18n';
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
  dragHint: {
    en: 'Drag a node onto the canvas, or drop a CSV/JSON/Arrow file there.',
    vi: 'Kéo một nút vào khung vẽ, hoặc thả tệp CSV/JSON/Arrow vào đó.',
  },
  inspector: { en: 'Settings', vi: 'Cài đặt' },
  messages: { en: 'Messages from the last run', vi: 'Thông báo của lần chạy gần nhất' },
  resizePanel: {
    en: 'Drag to resize the data panel (or use the arrow keys)',
    vi: 'Kéo để đổi chiều cao bảng dữ liệu (hoặc dùng phím mũi tên)',
  },
  maximizePanel: { en: 'Maximise the data panel', vi: 'Phóng to bảng dữ liệu' },
  restorePanel: { en: 'Restore the data panel', vi: 'Thu nhỏ bảng dữ liệu' },
  noSelection: { en: 'Click a node to see and change its settings.', vi: 'Bấm vào một nút để xem và đổi cài đặt.' },
  noParams: { en: 'This node has no settings.', vi: 'Nút này không có cài đặt.' },
  data: { en: 'Data', vi: 'Dữ liệu' },
  noData: {
    en: 'Run the flow, then click a node to see its output table here.',
    vi: 'Hãy chạy luồng, rồi bấm vào một nút để xem bảng kết quả ở đây.',
  },
  notRunYet: { en: 'This node has not produced a table yet. Press Run.', vi: 'Nút này chưa tạo ra bảng. Hãy bấm Chạy.' },
  rows: { en: 'rows', vi: 'dòng' },
  columns: { en: 'columns', vi: 'cột' },
  missing: { en: 'missing', vi: 'thiếu' },
  distinct: { en: 'distinct', vi: 'giá trị khác nhau' },
  cached: { en: 'cached', vi: 'dùng lại' },
  delete: { en: 'Delete node', vi: 'Xoá nút' },
  runColumnsFirst: {
    en: 'Run the flow once to pick from the columns; or type names separated by commas.',
    vi: 'Chạy luồng một lần để chọn cột; hoặc gõ tên cột, cách nhau bằng dấu phẩy.',
  },
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
  workerRestarted: {
    en: 'The computation engine stopped responding and was restarted. Your flow is safe.',
    vi: 'Bộ máy tính toán không phản hồi và đã được khởi động lại. Luồng của bạn vẫn an toàn.',
  },
  // Template gallery, fill-in inputs, trainer mode and presentation.
  galleryTitle: { en: 'Start from a template', vi: 'Bắt đầu từ một mẫu' },
  galleryIntro: {
    en: 'Each template runs on the built-in sample audience. Open a copy, press Run, then replace the data with your own.',
    vi: 'Mỗi mẫu chạy được ngay trên dữ liệu khán giả mẫu. Mở một bản sao, bấm Chạy, rồi thay dữ liệu bằng dữ liệu của bạn.',
  },
  useTemplate: { en: 'Use', vi: 'Dùng mẫu' },
  stepNotes: { en: 'step notes', vi: 'ghi chú từng bước' },
  steps: { en: 'steps', vi: 'bước' },
  close: { en: 'Close', vi: 'Đóng' },
  emptyFlowDesc: { en: 'An empty canvas: drag nodes from the palette.', vi: 'Khung vẽ trống: kéo các nút từ bảng bên trái.' },
  fillInTitle: { en: 'Fill in this template', vi: 'Điền thông tin cho mẫu' },
  fillInIntro: {
    en: 'Leave a field as it is to keep the value that works with the sample data.',
    vi: 'Giữ nguyên một ô để dùng giá trị chạy được với dữ liệu mẫu.',
  },
  openCopy: { en: 'Open a copy', vi: 'Mở bản sao' },
  back: { en: 'Back', vi: 'Quay lại' },
  step: { en: 'Step', vi: 'Bước tiếp' },
  stepHint: { en: 'Run only the next node and explain what it did', vi: 'Chỉ chạy nút tiếp theo và giải thích nút đó đã làm gì' },
  replay: { en: 'Replay', vi: 'Xem lại' },
  replayHint: {
    en: 'Walk through the finished run again, step by step, from the cache',
    vi: 'Đi lại từng bước của lần chạy đã xong, lấy từ bộ nhớ đệm',
  },
  stopReplay: { en: 'Stop', vi: 'Dừng' },
  present: { en: 'Present', vi: 'Trình chiếu' },
  presentHint: {
    en: 'Presentation mode: large type, panels hidden (Esc to leave)',
    vi: 'Chế độ trình chiếu: chữ lớn, ẩn các bảng (Esc để thoát)',
  },
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
  // Editing, sharing and safety
  undo: { en: 'Undo', vi: 'Hoàn tác' },
  redo: { en: 'Redo', vi: 'Làm lại' },
  addNote: { en: 'Add note', vi: 'Thêm ghi chú' },
  addFrame: { en: 'Add frame', vi: 'Thêm khung nhóm' },
  autoLayout: { en: 'Tidy up', vi: 'Tự sắp xếp' },
  autoLayoutTip: { en: 'Arrange the nodes from left to right', vi: 'Sắp xếp các nút từ trái sang phải' },
  shareLink: { en: 'Share link', vi: 'Chia sẻ liên kết' },
  shareTip: {
    en: 'Copies a link that contains this flow: its steps, settings and file names — never the contents of your files or any data. Nothing is uploaded; whoever opens the link needs the files too.',
    vi: 'Sao chép một liên kết chứa luồng này: các bước, cài đặt và tên tệp — không bao giờ chứa nội dung tệp hay dữ liệu của bạn. Không có gì được tải lên; người mở liên kết cũng cần có các tệp đó.',
  },
  shareCopied: {
    en: 'Share link copied. It holds the flow, not your data.',
    vi: 'Đã sao chép liên kết chia sẻ. Liên kết chứa luồng, không chứa dữ liệu của bạn.',
  },
  shareShown: {
    en: 'Copy this share link (it holds the flow, not your data):',
    vi: 'Hãy sao chép liên kết chia sẻ này (chứa luồng, không chứa dữ liệu của bạn):',
  },
  sharedOpened: { en: 'Opened the flow from the share link.', vi: 'Đã mở luồng từ liên kết chia sẻ.' },
  shortcuts: { en: 'Keyboard shortcuts', vi: 'Phím tắt' },
  key_run: { en: 'Run the flow', vi: 'Chạy luồng' },
  key_undo: { en: 'Undo the last change', vi: 'Hoàn tác thay đổi vừa rồi' },
  key_redo: { en: 'Redo', vi: 'Làm lại' },
  key_copy: { en: 'Copy the selected nodes (also to another tab)', vi: 'Sao chép các nút đang chọn (cả sang thẻ khác)' },
  key_paste: { en: 'Paste nodes (new ids, connections kept)', vi: 'Dán các nút (mã mới, giữ kết nối)' },
  key_delete: { en: 'Delete the selection', vi: 'Xoá phần đang chọn' },
  key_multi: { en: 'Add a node to the selection', vi: 'Thêm một nút vào phần đang chọn' },
  key_box: { en: 'Select with a box', vi: 'Chọn bằng cách kéo khung' },
  key_note: { en: 'Edit a note or a frame title', vi: 'Sửa ghi chú hoặc tên khung' },
  key_rename: { en: 'Rename a node (on its title)', vi: 'Đổi tên nút (trên tiêu đề)' },
  key_help: { en: 'Show or hide this list', vi: 'Hiện hoặc ẩn danh sách này' },
  key_escape: { en: 'Close this list, stop editing', vi: 'Đóng danh sách này, thôi sửa' },
  doubleClick: { en: 'Double-click', vi: 'Nhấp đúp' },
  shiftClick: { en: 'Shift + click', vi: 'Shift + nhấp' },
  shiftDrag: { en: 'Shift + drag', vi: 'Shift + kéo' },
  copied: {
    en: 'Copied {n} item(s). Paste with Ctrl+V, here or in another tab.',
    vi: 'Đã sao chép {n} mục. Dán bằng Ctrl+V, ở đây hoặc ở thẻ khác.',
  },
  pasted: { en: 'Pasted {n} item(s).', vi: 'Đã dán {n} mục.' },
  nothingToPaste: {
    en: 'Nothing to paste: copy some nodes first (Ctrl+C).',
    vi: 'Chưa có gì để dán: hãy sao chép vài nút trước (Ctrl+C).',
  },
  notePlaceholder: { en: 'Double-click to write a note', vi: 'Nhấp đúp để viết ghi chú' },
  frameLabel: { en: 'Group', vi: 'Nhóm' },
  deleteItem: { en: 'Delete', vi: 'Xoá' },
  unknownType: {
    en: 'Unknown node type "{type}": this version of Audience Flow does not have it, so this step cannot run. Replace or delete it.',
    vi: 'Loại nút "{type}" không xác định: phiên bản Audience Flow này không có loại đó nên bước này không chạy được. Hãy thay hoặc xoá nút này.',
  },
  cannotOpen: { en: 'The flow was not opened.', vi: 'Không mở được luồng.' },
  migrated: {
    en: 'This file was made for an older format ({from}) and was updated; save it to keep the new format.',
    vi: 'Tệp này theo định dạng cũ ({from}) và đã được cập nhật; hãy lưu lại để giữ định dạng mới.',
  },
  keysRemoved: {
    en: 'Unsafe settings were removed from the file (keys named __proto__, constructor or prototype):',
    vi: 'Đã gỡ các cài đặt không an toàn khỏi tệp (khoá tên __proto__, constructor hoặc prototype):',
  },
  engineRestartedDebug: { en: 'Simulate an engine crash', vi: 'Giả lập sự cố bộ máy' },
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
  network: { en: 'Networks', vi: 'Mạng lưới' },
  model: { en: 'Predict', vi: 'Dự đoán' },
  view: { en: 'View', vi: 'Xem' },
  export: { en: 'Export', vi: 'Xuất' },
};

/** The kinds of a column, as pickers and the data panel name them. */
export const KIND_WORDS: Record<string, Text> = {
  number: { en: 'number', vi: 'số' },
  string: { en: 'text', vi: 'văn bản' },
  boolean: { en: 'yes/no', vi: 'có/không' },
  date: { en: 'date', vi: 'ngày' },
  other: { en: 'other', vi: 'khác' },
};

/**
 * Short names of ports as written on the nodes (the port's full title is its tooltip). A port
 * not listed here shows its own name.
 */
export const PORT_WORDS: Record<string, Text> = {
  in: { en: 'in', vi: 'vào' },
  out: { en: 'out', vi: 'ra' },
  right: { en: 'right', vi: 'bảng phải' },
  original: { en: 'original', vi: 'bản gốc' },
  people: { en: 'people', vi: 'người' },
  model: { en: 'model', vi: 'mô hình' },
  personas: { en: 'personas', vi: 'chân dung' },
  segments: { en: 'segments', vi: 'phân khúc' },
  scores: { en: 'scores', vi: 'điểm' },
  dendrogram: { en: 'dendrogram', vi: 'cây' },
  lift: { en: 'lift', vi: 'lift' },
  terms: { en: 'terms', vi: 'từ khoá' },
  explained: { en: 'explained', vi: 'giải thích' },
  topics: { en: 'topics', vi: 'chủ đề' },
  groups: { en: 'groups', vi: 'nhóm' },
  chart: { en: 'chart', vi: 'biểu đồ' },
  groupChart: { en: 'groupChart', vi: 'biểu đồ nhóm' },
  map: { en: 'map', vi: 'bản đồ' },
  heatmap: { en: 'heatmap', vi: 'bản đồ nhiệt' },
  funnel: { en: 'funnel', vi: 'phễu' },
  funnel_chart: { en: 'funnel_chart', vi: 'biểu đồ phễu' },
  sankey: { en: 'sankey', vi: 'sankey' },
  nodes: { en: 'nodes', vi: 'người' },
  edges: { en: 'edges', vi: 'liên kết' },
  communities: { en: 'communities', vi: 'cộng đồng' },
  graph: { en: 'graph', vi: 'mạng lưới' },
  series: { en: 'series', vi: 'chuỗi' },
  spikes: { en: 'spikes', vi: 'đột biến' },
  rows: { en: 'rows', vi: 'dòng' },
  metrics: { en: 'metrics', vi: 'chỉ số' },
  importance: { en: 'importance', vi: 'mức quan trọng' },
  roc: { en: 'roc', vi: 'ROC' },
  calibration: { en: 'calibration', vi: 'hiệu chuẩn' },
  bars: { en: 'bars', vi: 'biểu đồ cột' },
};

/** A port's short name in a language. */
export const portWord = (name: string, lang: Lang): string => (PORT_WORDS[name] ? pick(PORT_WORDS[name], lang) : name);
