import { Table, type Vector } from 'apache-arrow';
import { z } from 'zod';
import { encodeKeys } from '../src/core/table/encode-keys';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { replaceEmails } from '../src/core/text/emails';
import { emptyColumnError, isEmptyColumn, kindOf, requireColumn, requireTable, stringVector, withColumns } from '../src/core/table/table';
import { columnsParam, tableIn, tableOut } from './kit';

/** The salt used when the analyst sets none: runs stay reproducible, but anyone with this code can redo the hashes. */
export const PROJECT_SALT = 'audience-flow/v1';

/** Vietnamese and international phone numbers: a leading 0 or +country code, 9–13 digits in groups. */
const PHONE = /(?<![\p{L}\p{N}+])(?:\+\d{1,3}[\s.-]?(?:\(0\))?|\(?0)\d{1,4}\)?(?:[\s.-]?\d){6,10}(?!\p{N})/gu;
/** North-American style: (555) 123-4567, 555-123-4567. */
const PHONE_US = /(?<![\p{L}\p{N}])\(?[2-9]\d{2}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\p{N})/gu;

/** Replaces e-mail addresses by [email] and phone numbers by [phone]. */
export function maskPii(text: string): string {
  // E-mails by a linear scan (a regular expression for them backtracks quadratically on long words).
  return replaceEmails(text, '[email]')
    .replace(PHONE, (m) => {
      const d = m.replace(/\D/g, '').length;
      return d >= 9 && d <= 13 ? '[phone]' : m;
    })
    .replace(PHONE_US, '[phone]');
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const encoder = new TextEncoder();

/** SHA-256 of salt and value, as 16 hex digits. */
export async function hashId(value: string, salt: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(`${salt}\u0000${value}`));
  return hex(new Uint8Array(digest, 0, 8));
}

/** Applies `f` to each distinct value of a column (missing stays missing), awaiting progress between batches. */
async function mapDistinct(
  vector: Vector,
  f: (s: string) => string | Promise<string>,
  progress: (fraction: number) => Promise<void>,
): Promise<Vector> {
  const keys = await encodeKeys(vector);
  const mapped: string[] = new Array(keys.values.length);
  const BATCH = 4096;
  for (let k = 0; k < mapped.length; k += BATCH) {
    const part = await Promise.all(keys.values.slice(k, k + BATCH).map((v) => f(String(v))));
    for (let j = 0; j < part.length; j++) mapped[k + j] = part[j];
    if ((k & 65535) === 0) await progress(k / Math.max(1, mapped.length));
  }
  return stringVector(Array.from(keys.codes, (c) => (c < 0 ? null : mapped[c])));
}

/** Protects personal data: hashes ids with a salt, drops columns, masks e-mails and phone numbers in text. */
export default defineNode({
  type: 'clean.anonymize',
  version: 1,
  category: 'clean',
  title: { en: 'Anonymise', vi: 'Ẩn danh hoá' },
  description: {
    en: 'Protects personal data before sharing results: replaces ids (user names, phone numbers used as ids) by codes that still link rows of the same person, removes columns, and hides e-mail addresses and phone numbers inside text.',
    vi: 'Bảo vệ dữ liệu cá nhân trước khi chia sẻ kết quả: thay mã định danh (tên người dùng, số điện thoại dùng làm mã) bằng mã băm vẫn nối được các dòng của cùng một người, bỏ cột, và che địa chỉ e-mail, số điện thoại trong văn bản.',
  },
  inputs: [tableIn()],
  outputs: [tableOut({ en: 'Anonymised table', vi: 'Bảng đã ẩn danh' })],
  params: z.object({
    columns: columnsParam(
      'any',
      { en: 'Id columns to hash', vi: 'Các cột mã cần băm' },
      {
        help: {
          en: 'Each value becomes a 16-character code (SHA-256 with the salt); equal values get equal codes.',
          vi: 'Mỗi giá trị thành một mã 16 ký tự (SHA-256 với chuỗi muối); giá trị giống nhau cho mã giống nhau.',
        },
      },
    ),
    salt: z
      .string()
      .default('')
      .meta({
        label: { en: 'Salt (secret phrase)', vi: 'Chuỗi muối (cụm bí mật)' },
        help: {
          en: 'A secret phrase mixed into the hashes so that nobody can recompute them from known ids. Keep it the same to get the same codes in every run. Empty uses a fixed project salt (not secret).',
          vi: 'Cụm bí mật trộn vào mã băm để không ai tính lại được từ các mã đã biết. Giữ nguyên để có cùng mã ở mọi lần chạy. Để trống sẽ dùng chuỗi muối cố định của dự án (không bí mật).',
        },
      }),
    drop: columnsParam(
      'any',
      { en: 'Columns to remove', vi: 'Các cột cần bỏ' },
      { help: { en: 'For example full names, addresses.', vi: 'Ví dụ họ tên, địa chỉ.' } },
    ),
    maskText: columnsParam(
      'string',
      { en: 'Text columns to mask', vi: 'Các cột văn bản cần che' },
      {
        help: {
          en: 'E-mail addresses become [email] and phone numbers (0912 345 678, +84 912345678, (028) 3823 4567) become [phone].',
          vi: 'Địa chỉ e-mail thành [email] và số điện thoại (0912 345 678, +84 912345678, (028) 3823 4567) thành [phone].',
        },
      },
    ),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    for (const name of [...params.columns, ...params.drop]) requireColumn(table, name);
    for (const name of params.maskText) {
      const vector = requireColumn(table, name);
      if (kindOf(vector.type) !== 'string') {
        if (isEmptyColumn(vector)) throw emptyColumnError(name);
        throw new NodeError({
          en: `The column "${name}" does not hold text, so there is nothing to mask in it. Remove it from "Text columns to mask".`,
          vi: `Cột "${name}" không chứa văn bản nên không có gì để che. Hãy bỏ nó khỏi "Các cột văn bản cần che".`,
        });
      }
    }
    if (!params.columns.length && !params.drop.length && !params.maskText.length) {
      ctx.warn({
        en: 'Nothing chosen to hash, remove or mask: the table is unchanged.',
        vi: 'Chưa chọn cột nào để băm, bỏ hoặc che: bảng không đổi.',
      });
      return { out: table };
    }
    let salt = params.salt;
    if (params.columns.length && !salt) {
      salt = PROJECT_SALT;
      ctx.warn({
        en: 'No salt was set, so the fixed project salt was used: the codes are reproducible, but anyone with Audience Flow can recompute them from known ids. Set your own secret salt.',
        vi: 'Chưa đặt chuỗi muối nên đã dùng chuỗi muối cố định của dự án: mã băm lặp lại được, nhưng ai có Audience Flow cũng tính lại được từ các mã đã biết. Hãy đặt chuỗi muối bí mật của bạn.',
      });
    }
    const steps = params.columns.length + params.maskText.length;
    const added: Record<string, Vector> = {};
    let step = 0;
    for (const name of params.maskText) {
      added[name] = await mapDistinct(table.getChild(name)!, maskPii, (f) =>
        ctx.progress((step + f) / steps, { en: `masking ${name}`, vi: `đang che ${name}` }),
      );
      await ctx.progress(++step / steps, { en: `masked ${name}`, vi: `đã che ${name}` });
    }
    for (const name of params.columns) {
      added[name] = await mapDistinct(
        table.getChild(name)!,
        (v) => hashId(v, salt),
        (f) => ctx.progress((step + f) / steps, { en: `hashing ${name}`, vi: `đang băm ${name}` }),
      );
      await ctx.progress(++step / steps, { en: `hashed ${name}`, vi: `đã băm ${name}` });
    }
    const changed = withColumns(table, added);
    if (!params.drop.length) return { out: changed };
    const dropped = new Set(params.drop);
    return {
      out: new Table(
        Object.fromEntries(changed.schema.fields.filter((f) => !dropped.has(f.name)).map((f) => [f.name, changed.getChild(f.name)!])),
      ),
    };
  },
  scale: 'rows',
});
