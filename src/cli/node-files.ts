/**
 * User files for the CLI. A path written in the workflow is taken relative to the workflow file's
 * folder, and must stay inside the folders the user chose (the workflow's folder, the current
 * folder, the folders of --input files) unless --allow-any-path is given: a workflow received from
 * someone else cannot read other files of the machine. Paths the user gives on the command line
 * (--input, --param, --set) are theirs to choose. Every file is checked before it is read: it must be
 * a regular file (not a device such as /dev/zero, a pipe or a folder) no larger than the size limit.
 */
import { open, stat } from 'node:fs/promises';
import { totalmem } from 'node:os';
import path from 'node:path';
import { NodeError } from '../core/contract/errors';
import type { Text } from '../core/contract/i18n';
import type { FileSource } from '../../workers/files';

const GB = 1024 ** 3,
  MB = 1024 ** 2,
  KB = 1024;

/**
 * The default size limit: 2 GB, or a quarter of the machine's memory when that is less (a table
 * read from a file takes a few times the file's size in memory).
 */
export const defaultMaxFileSize = (memory = totalmem()) => Math.min(2 * GB, Math.floor(memory / 4 / MB) * MB);

/** "5.7 GB", "120 MB", "900 KB", "12 bytes" (1 GB = 1024³ bytes). */
export function formatSize(bytes: number): string {
  const one = (v: number) => (v >= 10 || Number.isInteger(v) ? String(Math.round(v)) : v.toFixed(1).replace(/\.0$/, ''));
  if (bytes >= GB) return `${one(bytes / GB)} GB`;
  if (bytes >= MB) return `${one(bytes / MB)} MB`;
  if (bytes >= KB) return `${one(bytes / KB)} KB`;
  return `${bytes} bytes`;
}

/** "2GB", "500 MB", "1.5gb", "800k", "123456" (bytes) → bytes; undefined when it is not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|bytes?|k|kb|m|mb|g|gb|t|tb)?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const bytes = Number(m[1]) * ({ b: 1, k: KB, m: MB, g: GB, t: GB * 1024 } as Record<string, number>)[unit];
  return Number.isFinite(bytes) && bytes >= 1 ? Math.floor(bytes) : undefined;
}

/** Whether `file` is `folder` or inside it (by the written path; symbolic links are the user's own). */
export function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export interface FileRules {
  /** The workflow file's folder: relative paths of the workflow are taken from here. */
  baseDir: string;
  /** Folders a workflow's paths may reach (the workflow's folder is always one of them). */
  roots: string[];
  /** Absolute paths the user gave on the command line: always allowed. */
  userPaths?: Set<string>;
  /** --allow-any-path: no folder check. */
  allowAnyPath?: boolean;
  /** Largest file read, in bytes. */
  maxBytes?: number;
  /** How to name the size option in messages. */
  sizeHint?: Text;
}

const SIZE_HINT: Text = {
  en: 'set --max-file-size, e.g. --max-file-size 8GB, or AUDIENCE_FLOW_MAX_FILE_SIZE',
  vi: 'đặt --max-file-size, ví dụ --max-file-size 8GB, hoặc biến môi trường AUDIENCE_FLOW_MAX_FILE_SIZE',
};

/**
 * Checks a file before reading it: a regular file within the size limit. Throws a NodeError in plain
 * words; `what` names the file in the message ("The file "x"", "The workflow file "x"").
 */
export async function checkedRead(
  full: string,
  shown: string,
  maxBytes: number,
  what: Text = { en: `The file "${shown}"`, vi: `Tệp "${shown}"` },
  hint: Text = SIZE_HINT,
): Promise<Uint8Array> {
  const info = await checkedFile(full, shown, maxBytes, what, hint);
  let handle;
  try {
    handle = await open(full, 'r');
    // Read exactly the size seen by stat: a file that grows while it is read stops there.
    const bytes = new Uint8Array(info.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, Math.min(bytes.length - at, 64 * MB), at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } catch (e) {
    if (e instanceof RangeError) {
      throw new NodeError({
        en: `${what.en} (${formatSize(info.size)}) does not fit in this computer's free memory. Try a smaller part of the file.`,
        vi: `${what.vi} (${formatSize(info.size)}) không vừa với bộ nhớ còn trống của máy. Hãy thử với một phần nhỏ hơn của tệp.`,
      });
    }
    throw new NodeError(notReadable(e, full, what));
  } finally {
    await handle?.close();
  }
}

/** Checks that a file is a regular file within the size limit, without reading it; its stat. */
async function checkedFile(
  full: string,
  shown: string,
  maxBytes: number,
  what: Text = { en: `The file "${shown}"`, vi: `Tệp "${shown}"` },
  hint: Text = SIZE_HINT,
) {
  let info;
  try {
    info = await stat(full);
  } catch (e) {
    throw new NodeError(notReadable(e, full, what));
  }
  if (info.isDirectory())
    throw new NodeError({ en: `${what.en} is a folder, not a file.`, vi: `${what.vi} là một thư mục, không phải tệp.` });
  if (!info.isFile()) {
    throw new NodeError({
      en: `${what.en} is not a regular file (it is a device, a pipe or a socket), so it is not read. Give a file saved on disk.`,
      vi: `${what.vi} không phải tệp thông thường (đó là thiết bị, đường ống hoặc socket), nên không được đọc. Hãy chọn một tệp lưu trên đĩa.`,
    });
  }
  if (info.size > maxBytes) {
    throw new NodeError({
      en: `${what.en} is ${formatSize(info.size)}; the limit is ${formatSize(maxBytes)} (${hint.en}).`,
      vi: `${what.vi} có dung lượng ${formatSize(info.size)}; giới hạn là ${formatSize(maxBytes)} (${hint.vi}).`,
    });
  }
  return info;
}

const lower1 = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function notReadable(e: unknown, full: string, what: Text): Text {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return { en: `${what.en} does not exist (looked for ${full}).`, vi: `${what.vi} không tồn tại (đã tìm ${full}).` };
  if (code === 'EACCES' || code === 'EPERM')
    return { en: `${what.en} cannot be read: permission denied.`, vi: `Không đọc được ${lower1(what.vi)}: không có quyền đọc.` };
  return {
    en: `${what.en} cannot be read (${code ?? (e as Error).message}).`,
    vi: `Không đọc được ${lower1(what.vi)} (${code ?? (e as Error).message}).`,
  };
}

export function diskFiles(rules: FileRules | string): FileSource {
  const r: FileRules = typeof rules === 'string' ? { baseDir: rules, roots: [rules], allowAnyPath: true } : rules;
  const maxBytes = r.maxBytes ?? defaultMaxFileSize();
  const roots = [r.baseDir, ...r.roots];
  const resolve = (p: string) => {
    const full = path.resolve(r.baseDir, p);
    if (!r.allowAnyPath && !r.userPaths?.has(full) && !roots.some((root) => isInside(full, root))) {
      throw new NodeError({
        en: `The workflow names the file "${p}", which is outside the workflow's folder (${r.baseDir}) and the current folder, so it is not read. Give the file with --input NODE_ID=FILE, move it beside the workflow, or add --allow-any-path if you trust this workflow.`,
        vi: `Quy trình chỉ đến tệp "${p}", nằm ngoài thư mục của quy trình (${r.baseDir}) và thư mục hiện tại, nên tệp không được đọc. Hãy đưa tệp bằng --input NODE_ID=FILE, chuyển tệp vào cạnh quy trình, hoặc thêm --allow-any-path nếu bạn tin quy trình này.`,
      });
    }
    return full;
  };
  return {
    read: async (p) => checkedRead(resolve(p), p, maxBytes),
    async localPath(p) {
      const full = resolve(p);
      await checkedFile(full, p, maxBytes);
      return full;
    },
    async stamp(p) {
      const s = await stat(resolve(p));
      return `${s.size}:${s.mtimeMs}`;
    },
  };
}
