/** The words of the open-safety dialog, the problems banner and the missing-file notes. */
import type { Text } from '../../core/contract/i18n';

/** A text with `{file}` split around it, so the file name can be shown as code. */
export const aroundFile = (text: string): [string, string] => {
  const at = text.indexOf('{file}');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 6)];
};

export const SAFETY = {
  askTitle: { en: 'Your changes are not saved', vi: 'Các thay đổi của bạn chưa được lưu' },
  askBody: {
    en: 'Opening another flow replaces the one on the canvas. Save it as a file first, replace it anyway, or cancel and keep working.',
    vi: 'Mở một luồng khác sẽ thay luồng đang có trên khung vẽ. Hãy lưu nó thành tệp trước, vẫn thay thế, hoặc huỷ để làm tiếp.',
  },
  saveFirst: { en: 'Save first', vi: 'Lưu trước' },
  replace: { en: 'Replace', vi: 'Thay thế' },
  cancel: { en: 'Cancel', vi: 'Huỷ' },
  problemsOne: { en: 'This flow has 1 problem', vi: 'Luồng này có 1 vấn đề' },
  problemsMany: { en: 'This flow has {n} problems', vi: 'Luồng này có {n} vấn đề' },
  problemsHint: {
    en: 'Found when it was opened; click one to select its node. Fix them before Run.',
    vi: 'Phát hiện khi mở luồng; bấm vào một dòng để chọn nút đó. Hãy sửa trước khi Chạy.',
  },
  filesOne: { en: 'This flow reads 1 file that is not in this browser', vi: 'Luồng này đọc 1 tệp chưa có trong trình duyệt này' },
  filesMany: { en: 'This flow reads {n} files that are not in this browser', vi: 'Luồng này đọc {n} tệp chưa có trong trình duyệt này' },
  needsFile: { en: 'This flow reads {file} — drop it here', vi: 'Luồng này đọc {file} — hãy thả tệp vào đây' },
  needsFileNode: { en: 'Reads {file}: drop it on this node', vi: 'Đọc {file}: hãy thả tệp vào nút này' },
  fileFulfilled: {
    en: '"{file}" is kept in this browser only (never uploaded); the flow can read it now.',
    vi: '"{file}" chỉ được lưu trong trình duyệt này (không tải lên mạng); luồng đã đọc được tệp này.',
  },
  hide: { en: 'Hide', vi: 'Ẩn' },
} satisfies Record<string, Text>;
