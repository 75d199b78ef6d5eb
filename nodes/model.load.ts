import { z } from 'zod';
import { NodeError } from '../src/core/contract/errors';
import { defineNode, type Model } from '../src/core/contract/node';
import { sanitizeJson } from '../src/core/flow/sanitize';
import { type PredictionModel, requireModel } from '../src/core/ml/model/format';
import { modelOut } from './kit';
import { formats } from '../src/core/contract/format';

/**
 * A model file from outside (saved from the data panel, or received) is read like workflow files:
 * size first, then UTF-8 and JSON, then the sanitiser (depth, long texts, prototype keys), then the
 * model's own checks. Anything else is refused plainly, naming the file.
 */
/** Far above a trained model (100 trees of 31 leaves on 100 columns is under 1 MB). */
const MODEL_FILE_LIMIT = 20 * 1024 * 1024;

function readModelFile(bytes: Uint8Array, name: string): PredictionModel {
  const mb = (lang: 'en' | 'vi') => formats(lang).int(bytes.length / 1048576);
  const refuse = (en: string, vi: string, code: 'parse' | 'too-large' | 'bad-input' = 'parse'): never => {
    throw new NodeError({ en: `The model file "${name}" is refused: ${en}`, vi: `Tệp mô hình "${name}" bị từ chối: ${vi}` }, code);
  };
  if (bytes.length > MODEL_FILE_LIMIT) {
    refuse(
      `it is ${mb('en')} MB, far larger than a model (at most 20 MB). Choose the .model.json file saved from the data panel.`,
      `tệp nặng ${mb('vi')} MB, lớn hơn nhiều so với một mô hình (tối đa 20 MB). Hãy chọn tệp .model.json đã lưu từ khung dữ liệu.`,
      'too-large',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(
      'it is not a text file (not UTF-8). Choose the .model.json file saved from the data panel.',
      'đây không phải tệp văn bản (không phải UTF-8). Hãy chọn tệp .model.json đã lưu từ khung dữ liệu.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return refuse(
      'it is not valid JSON (it may be cut short or edited by hand). Download the model again from the data panel.',
      'đây không phải JSON hợp lệ (có thể tệp bị cắt ngắn hoặc bị sửa tay). Hãy tải lại mô hình từ khung dữ liệu.',
    );
  }
  const clean = sanitizeJson(json);
  if (!clean.ok) {
    return refuse(
      `${clean.message.replace(/^This workflow file is refused: /, '').replace(/\.$/, '')}. A model file is small, flat JSON: download the model again from the data panel.`,
      `tệp có cấu trúc bất thường (${clean.message.replace(/^This workflow file is refused: /, '').replace(/\.$/, '')}). Tệp mô hình là JSON nhỏ và phẳng: hãy tải lại mô hình từ khung dữ liệu.`,
    );
  }
  const value = clean.value as { kind?: unknown } | null;
  if (!value || typeof value !== 'object' || Array.isArray(value) || value.kind !== 'model') {
    return refuse(
      'it is JSON, but not a model of Audience Flow (it has no "kind": "model"). A workflow or a data file cannot be loaded here: choose a file saved with "Download model".',
      'đây là JSON nhưng không phải mô hình của Audience Flow (không có "kind": "model"). Không nạp được luồng công việc hay tệp dữ liệu ở đây: hãy chọn tệp đã lưu bằng "Tải mô hình xuống".',
    );
  }
  try {
    return requireModel(value as Model);
  } catch (e) {
    if (!(e instanceof NodeError)) throw e;
    return refuse(e.message, e.vi, 'bad-input');
  }
}

/** Reads a model saved from the data panel (a `.model.json` file), checked like any file from outside. */
export default defineNode({
  type: 'model.load',
  version: 1,
  category: 'model',
  title: { en: 'Load a prediction model', vi: 'Nạp mô hình dự đoán' },
  description: {
    en: 'Reads a model that was trained earlier and saved with "Download model" in the data panel (a .model.json file), so you can score new rows without training again: connect it to "Apply a prediction model". Files that are not such a model, are damaged or come from a newer version are refused with the reason.',
    vi: 'Đọc một mô hình đã huấn luyện trước đó và được lưu bằng "Tải mô hình xuống" ở khung dữ liệu (tệp .model.json), để chấm điểm dòng mới mà không cần huấn luyện lại: nối nó vào "Áp dụng mô hình dự đoán". Tệp không phải mô hình như vậy, bị hỏng hoặc từ phiên bản mới hơn sẽ bị từ chối kèm lý do.',
  },
  inputs: [],
  outputs: [modelOut()],
  params: z.object({
    path: z
      .string()
      .default('')
      .meta({
        label: { en: 'Model file', vi: 'Tệp mô hình' },
        help: { en: 'Drop a .model.json file here or choose one.', vi: 'Thả tệp .model.json vào đây hoặc chọn một tệp.' },
        widget: 'file',
      }),
  }),
  files: (p) => (p.path ? [p.path] : []),
  async run(_inputs, params, ctx) {
    if (!params.path) {
      throw new NodeError({
        en: 'Choose the model file (.model.json) to load: drop it on this step or pick it in its settings.',
        vi: 'Hãy chọn tệp mô hình (.model.json) cần nạp: thả tệp vào bước này hoặc chọn trong phần cài đặt.',
      });
    }
    const bytes = await ctx.readFile(params.path);
    const model = readModelFile(bytes, params.path);
    await ctx.progress(1, { en: `${model.features.length} columns, ${model.format}`, vi: `${model.features.length} cột, ${model.format}` });
    ctx.info?.({
      en: `Model that predicts ${model.target} = ${String(model.positive)} from ${model.features.length} columns.`,
      vi: `Mô hình dự đoán ${model.target} = ${String(model.positive)} từ ${model.features.length} cột.`,
    });
    return { model };
  },
  // Reads one file; no rows to split.
  scale: 'whole',
});
