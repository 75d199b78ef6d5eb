/** Words of the export buttons and of the one-page run report, in English and Vietnamese. */
import type { Text } from '../../core/contract/i18n';

export const EXPORT_TEXTS = {
  savePng: { en: 'Save as picture (PNG)', vi: 'Lưu thành ảnh (PNG)' },
  savePngTip: {
    en: 'Downloads this view as a PNG picture, for slides and documents',
    vi: 'Tải khung này xuống thành ảnh PNG, để dùng trong trang chiếu và tài liệu',
  },
  saveSvg: { en: 'Save as drawing (SVG)', vi: 'Lưu thành hình vẽ (SVG)' },
  saveSvgTip: {
    en: 'Downloads this view as an SVG drawing, sharp at any size',
    vi: 'Tải khung này xuống thành hình vẽ SVG, sắc nét ở mọi kích thước',
  },
  saving: { en: 'Saving…', vi: 'Đang lưu…' },
  saveFailed: { en: 'The picture could not be made: ', vi: 'Không tạo được ảnh: ' },
  report: { en: 'Download report', vi: 'Tải báo cáo' },
  reportTip: {
    en: 'Downloads a one-page HTML report of the last run (charts, persona cards, tables, messages). It opens offline; nothing is uploaded.',
    vi: 'Tải xuống báo cáo HTML một trang của lần chạy gần nhất (biểu đồ, thẻ chân dung, bảng, thông báo). Mở được khi không có mạng; không có gì được tải lên.',
  },
  reportNeedsRun: {
    en: 'Run the flow first: the report shows the results of the last run.',
    vi: 'Hãy chạy luồng trước: báo cáo trình bày kết quả của lần chạy gần nhất.',
  },
  reportMaking: { en: 'Making the report…', vi: 'Đang tạo báo cáo…' },
  reportDone: { en: 'The report was downloaded.', vi: 'Đã tải báo cáo xuống.' },
  reportFailed: { en: 'The report could not be made: ', vi: 'Không tạo được báo cáo: ' },
  // Inside the report
  madeOn: { en: 'Report of the run on {date}', vi: 'Báo cáo lần chạy ngày {date}' },
  privacy: {
    en: 'Made in the browser by Audience Flow. This file holds everything it shows and loads nothing from the internet.',
    vi: 'Được tạo trong trình duyệt bởi Audience Flow. Tệp này chứa mọi thứ nó hiển thị và không tải gì từ internet.',
  },
  contents: { en: 'Contents', vi: 'Mục lục' },
  theFlow: { en: 'The flow', vi: 'Luồng xử lý' },
  steps: { en: 'Steps of the run', vi: 'Các bước của lần chạy' },
  step: { en: 'Step', vi: 'Bước' },
  kind: { en: 'Kind', vi: 'Loại' },
  state: { en: 'Result', vi: 'Kết quả' },
  rowsOut: { en: 'Rows out', vi: 'Số dòng ra' },
  time: { en: 'Time', vi: 'Thời gian' },
  messages: { en: 'Messages', vi: 'Thông báo' },
  noMessages: { en: 'No warnings or errors in this run.', vi: 'Lần chạy này không có cảnh báo hay lỗi.' },
  error: { en: 'Error', vi: 'Lỗi' },
  warning: { en: 'Warning', vi: 'Cảnh báo' },
  info: { en: 'Note', vi: 'Ghi chú' },
  results: { en: 'Results', vi: 'Kết quả' },
  firstRows: { en: 'First {n} of {total} rows', vi: '{n} dòng đầu trong {total} dòng' },
  moreColumns: { en: '{n} more columns not shown', vi: 'còn {n} cột không hiển thị' },
} satisfies Record<string, Text>;
