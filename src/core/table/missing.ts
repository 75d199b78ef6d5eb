/** Which cells of a column are missing, the same way for every node that asks. */
import { Type, type Vector } from 'apache-arrow';
import { kindOf, toFloat64 } from './table';

const BLANK = new Uint8Array(256);
for (const b of [9, 10, 11, 12, 13, 32]) BLANK[b] = 1;

/**
 * 1 for each dictionary entry that is missing or blank, read from the text bytes (decoding a
 * dictionary of 400k words into strings took seconds).
 */
function blankEntries(dictionary: Vector): Uint8Array {
  const out = new Uint8Array(dictionary.length);
  let row = 0;
  for (const part of dictionary.data) {
    const bits = part.nullCount > 0 ? part.nullBitmap : undefined;
    if (part.typeId === Type.Utf8) {
      const offsets = part.valueOffsets as Int32Array,
        bytes = part.values as Uint8Array;
      for (let i = 0; i < part.length; i++) {
        const j = part.offset + i;
        if (bits && bits.length && (bits[j >> 3] & (1 << (j & 7))) === 0) {
          out[row + i] = 1;
          continue;
        }
        let blank = 1;
        for (let b = offsets[i]; b < offsets[i + 1]; b++)
          if (!BLANK[bytes[b]]) {
            blank = 0;
            break;
          }
        out[row + i] = blank;
      }
    } else {
      for (let i = 0; i < part.length; i++) {
        const w = dictionary.get(row + i) as unknown;
        out[row + i] = w === null || w === undefined || String(w).trim() === '' ? 1 : 0;
      }
    }
    row += part.length;
  }
  return out;
}

/** 1 where the value is missing: null, NaN, or text that is empty or only spaces. */
export function missingMask(vector: Vector): Uint8Array {
  const n = vector.length;
  const mask = new Uint8Array(n);
  const kind = kindOf(vector.type);
  if (kind === 'number') {
    const x = toFloat64(vector);
    for (let i = 0; i < n; i++) if (x[i] !== x[i]) mask[i] = 1;
    return mask;
  }
  let row = 0;
  for (const chunk of vector.data) {
    const bits = chunk.nullCount > 0 ? chunk.nullBitmap : undefined;
    if (bits && bits.length) {
      for (let i = 0; i < chunk.length; i++) {
        const j = chunk.offset + i;
        if ((bits[j >> 3] & (1 << (j & 7))) === 0) mask[row + i] = 1;
      }
    }
    if (chunk.typeId === Type.Utf8) {
      const offsets = chunk.valueOffsets as Int32Array,
        bytes = chunk.values as Uint8Array;
      for (let i = 0; i < chunk.length; i++) {
        let blank = 1;
        for (let b = offsets[i]; b < offsets[i + 1]; b++)
          if (!BLANK[bytes[b]]) {
            blank = 0;
            break;
          }
        if (blank) mask[row + i] = 1;
      }
    } else if (chunk.typeId === Type.Dictionary && chunk.dictionary && kind === 'string') {
      const blankWord = blankEntries(chunk.dictionary);
      const idx = chunk.values as ArrayLike<number>;
      for (let i = 0; i < chunk.length; i++) if (blankWord[idx[i]]) mask[row + i] = 1;
    }
    row += chunk.length;
  }
  return mask;
}
