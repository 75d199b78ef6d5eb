/**
 * Text encodings of CSV/TSV/JSON files: everything is turned into UTF-8 bytes (no BOM) for the
 * byte-level readers. `auto` recognises UTF-8 (with or without BOM), UTF-16 (with a BOM, or
 * without one when every other byte is zero) and, for bytes that are not valid UTF-8, the legacy
 * Windows code pages: Windows-1258 (Vietnamese) when the bytes carry its tone marks after letters,
 * Windows-1252 (Western) otherwise.
 */
import { NodeError } from '../contract/errors';
import type { Text } from '../contract/i18n';

export const ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'windows-1258'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface Decoded {
  /** UTF-8 bytes without a BOM. */
  bytes: Uint8Array;
  encoding: Exclude<Encoding, 'auto'>;
  /** A note for the analyst when the encoding was a guess (not UTF-8, no BOM). */
  note?: Text;
}

const NAMES: Record<Exclude<Encoding, 'auto'>, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252 (Western European)',
  'windows-1258': 'Windows-1258 (Vietnamese)',
};
const NAMES_VI: Record<Exclude<Encoding, 'auto'>, string> = {
  ...NAMES,
  'windows-1252': 'Windows-1252 (Tây Âu)',
  'windows-1258': 'Windows-1258 (tiếng Việt)',
};

export const notText = (why: Text): NodeError =>
  new NodeError({
    en: `This file does not look like a CSV or JSON text file (${why.en}). Choose a CSV, TSV, JSON, NDJSON, Excel, Parquet or Arrow file, or save it from your spreadsheet as "CSV UTF-8".`,
    vi: `Tệp này không giống tệp văn bản CSV hay JSON (${why.vi}). Hãy chọn tệp CSV, TSV, JSON, NDJSON, Excel, Parquet hoặc Arrow, hoặc lưu lại từ bảng tính dưới dạng "CSV UTF-8".`,
  });

/** The offset of the first byte that breaks UTF-8, or -1 when all of `bytes` is valid UTF-8. */
export function invalidUtf8At(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number, min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Windows-1258 tone marks (combining grave, hook above, tilde, acute, dot below). */
const TONES = new Set([0xcc, 0xd2, 0xde, 0xec, 0xf2]);
/** Vowels a tone mark follows in Windows-1258: a e i o u y, and Ă ă Â â Ê ê Ô ô Ơ ơ Ư ư. */
const VOWELS = new Set(
  [...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)).concat([0xc3, 0xe3, 0xc2, 0xe2, 0xca, 0xea, 0xd4, 0xf4, 0xd5, 0xf5, 0xdd, 0xfd]),
);

/**
 * Windows-1258 or Windows-1252 for bytes that are not UTF-8: 1258 when at least a fifth of the
 * high bytes are tone marks right after a vowel (in 1252 these bytes are Ì Ò Þ ì ò, rare after vowels).
 */
export function guessLegacy(bytes: Uint8Array): 'windows-1252' | 'windows-1258' {
  let tones = 0,
    high = 0;
  const n = Math.min(bytes.length, 1 << 20);
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    high++;
    if (TONES.has(b) && i > 0 && VOWELS.has(bytes[i - 1])) tones++;
  }
  return tones > 0 && tones * 5 >= high ? 'windows-1258' : 'windows-1252';
}

/** UTF-16 without a BOM: most even (LE) or odd (BE) bytes are zero in the first KB, the others not. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return null;
  let evenZero = 0,
    oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > 0.7 * half && evenZero < 0.1 * half) return 'utf-16le';
  if (evenZero > 0.7 * half && oddZero < 0.1 * half) return 'utf-16be';
  return null;
}

/** Windows-1252 0x80–0x9F (the rest is Latin-1). Some TextDecoders (Node 20) wrongly read these as Latin-1. */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252 bytes as UTF-8 bytes, without TextDecoder. */
function decode1252(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length * 3);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const cp = b < 0x80 || b >= 0xa0 ? b : CP1252_C1.charCodeAt(b - 0x80);
    if (cp < 0x80) out[o++] = cp;
    else if (cp < 0x800) {
      out[o++] = 0xc0 | (cp >> 6);
      out[o++] = 0x80 | (cp & 63);
    } else {
      out[o++] = 0xe0 | (cp >> 12);
      out[o++] = 0x80 | ((cp >> 6) & 63);
      out[o++] = 0x80 | (cp & 63);
    }
  }
  return out.subarray(0, o);
}

function decodeWith(encoding: Exclude<Encoding, 'auto' | 'utf-8'>, bytes: Uint8Array): Uint8Array {
  if (encoding === 'windows-1252') return decode1252(bytes);
  let text: string;
  try {
    text = new TextDecoder(encoding).decode(bytes);
  } catch {
    throw new NodeError({
      en: `This browser cannot decode ${NAMES[encoding]} text. Save the file as "CSV UTF-8" and load it again.`,
      vi: `Trình duyệt này không giải mã được văn bản ${NAMES_VI[encoding]}. Hãy lưu tệp dưới dạng "CSV UTF-8" rồi nạp lại.`,
    });
  }
  // Windows-1258 writes tones as combining marks after the vowel: compose them like UTF-8 text.
  if (encoding === 'windows-1258') text = text.normalize('NFC');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return new TextEncoder().encode(text);
}

const note = (encoding: Exclude<Encoding, 'auto'>): Text => ({
  en: `The file is not UTF-8; it was read as ${NAMES[encoding]}. If letters look wrong, choose the encoding by hand.`,
  vi: `Tệp không phải UTF-8; đã đọc theo bảng mã ${NAMES_VI[encoding]}. Nếu chữ hiển thị sai, hãy tự chọn bảng mã.`,
});

/** Text bytes in any supported encoding as UTF-8 bytes without a BOM; refuses binary data. */
export function decodeText(bytes: Uint8Array, encoding: Encoding = 'auto'): Decoded {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe,
    be = bytes[0] === 0xfe && bytes[1] === 0xff;
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'auto') {
    if (le || be) return { bytes: decodeWith(le ? 'utf-16le' : 'utf-16be', bytes.subarray(2)), encoding: le ? 'utf-16le' : 'utf-16be' };
    const utf16 = utf8Bom ? null : utf16WithoutBom(bytes);
    if (utf16) return { bytes: decodeWith(utf16, bytes), encoding: utf16, note: note(utf16) };
  } else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    return { bytes: decodeWith(encoding, le || be ? bytes.subarray(2) : bytes), encoding };
  }
  const body = utf8Bom ? bytes.subarray(3) : bytes;
  if (body.subarray(0, 65536).includes(0)) throw notText({ en: 'it contains binary data', vi: 'nó chứa dữ liệu nhị phân' });
  if (encoding === 'windows-1252' || encoding === 'windows-1258') return { bytes: decodeWith(encoding, body), encoding };
  const bad = invalidUtf8At(body);
  if (bad < 0) return { bytes: body, encoding: 'utf-8' };
  if (encoding === 'utf-8') {
    throw notText({ en: `it is not UTF-8 text (byte ${bad + 1})`, vi: `nó không phải văn bản UTF-8 (byte thứ ${bad + 1})` });
  }
  const legacy = guessLegacy(body);
  return { bytes: decodeWith(legacy, body), encoding: legacy, note: note(legacy) };
}
