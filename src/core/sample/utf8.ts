/**
 * Fast builders of Arrow Utf8 columns without per-row Arrow values: from codes into a small
 * dictionary of strings, from fixed-width ASCII bytes, and from plain strings (one buffer, one
 * `encodeInto` per value).
 */
import { type Data, Utf8, makeData } from 'apache-arrow';

const encoder = new TextEncoder();

function validity(length: number, isNull: (i: number) => boolean): { bits: Uint8Array | undefined; nulls: number } {
  let nulls = 0;
  for (let i = 0; i < length; i++) if (isNull(i)) nulls++;
  if (nulls === 0) return { bits: undefined, nulls };
  const bits = new Uint8Array((length + 7) >> 3);
  for (let i = 0; i < length; i++) if (!isNull(i)) bits[i >> 3] |= 1 << (i & 7);
  return { bits, nulls };
}

/** Utf8 data where value i is `dict[codes[i]]`; a negative code (or 255 in a Uint8Array) is missing. */
export function utf8FromCodes(codes: Int32Array | Uint8Array | Uint16Array, dict: readonly string[]): Data<Utf8> {
  const length = codes.length;
  const missing = codes instanceof Uint8Array ? 255 : codes instanceof Uint16Array ? 65535 : -1;
  const c = new Int32Array(length);
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    const v = codes[i];
    if (v === missing || v < 0) {
      c[i] = -1;
      nulls++;
    } else c[i] = v;
  }
  const parts = dict.map((s) => encoder.encode(s));
  const sizes = Int32Array.from(parts, (p) => p.length);
  const offsets = new Int32Array(length + 1);
  let total = 0;
  for (let i = 0; i < length; i++) {
    const v = c[i];
    if (v >= 0) total += sizes[v];
    offsets[i + 1] = total;
  }
  // All dictionary bytes back to back, copied byte by byte (values are short).
  const flat = new Uint8Array(sizes.reduce((a, b) => a + b, 0));
  const starts = new Int32Array(parts.length);
  for (let k = 0, o = 0; k < parts.length; k++) {
    starts[k] = o;
    flat.set(parts[k], o);
    o += parts[k].length;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < length; i++) {
    const v = c[i];
    if (v < 0) continue;
    const o = offsets[i],
      s0 = starts[v],
      n = sizes[v];
    for (let k = 0; k < n; k++) data[o + k] = flat[s0 + k];
  }
  let bits: Uint8Array | undefined;
  if (nulls) {
    bits = new Uint8Array((length + 7) >> 3);
    for (let i = 0; i < length; i++) if (c[i] >= 0) bits[i >> 3] |= 1 << (i & 7);
  }
  return makeData({ type: new Utf8(), length, nullCount: nulls, nullBitmap: bits, valueOffsets: offsets, data });
}

/** Utf8 data of `length` ASCII values of `width` bytes each, laid out back to back in `bytes`. */
export function utf8Fixed(bytes: Uint8Array, width: number, length: number): Data<Utf8> {
  const offsets = new Int32Array(length + 1);
  for (let i = 0; i <= length; i++) offsets[i] = i * width;
  return makeData({ type: new Utf8(), length, nullCount: 0, valueOffsets: offsets, data: bytes.subarray(0, length * width) });
}

/** Utf8 data from strings; null and undefined are missing (empty strings stay empty strings). */
export function utf8FromStrings(values: readonly (string | null | undefined)[]): Data<Utf8> {
  const length = values.length;
  let capacity = 16;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v != null) capacity += v.length * 3;
  }
  let buf = new Uint8Array(capacity);
  const offsets = new Int32Array(length + 1);
  let off = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v != null && v.length) {
      let ascii = v.length <= 24;
      if (ascii)
        for (let k = 0; k < v.length; k++)
          if (v.charCodeAt(k) > 127) {
            ascii = false;
            break;
          }
      if (ascii) {
        for (let k = 0; k < v.length; k++) buf[off + k] = v.charCodeAt(k);
        off += v.length;
      } else {
        off += encoder.encodeInto(v, buf.subarray(off)).written;
      }
    }
    offsets[i + 1] = off;
  }
  if (off < buf.length) buf = buf.slice(0, off);
  const { bits, nulls } = validity(length, (i) => values[i] == null);
  return makeData({ type: new Utf8(), length, nullCount: nulls, nullBitmap: bits, valueOffsets: offsets, data: buf });
}

/** Writes `value` as `width` zero-padded decimal digits at `at`. */
export function writeDigits(bytes: Uint8Array, at: number, value: number, width: number): void {
  for (let k = width - 1; k >= 0; k--) {
    bytes[at + k] = 48 + (value % 10);
    value = Math.floor(value / 10);
  }
}

/** Ids like `u00001`: a prefix and the 1-based index zero-padded to `width` digits, as fixed-width Utf8. */
export function idColumn(prefix: string, count: number, width: number): Data<Utf8> {
  const w = prefix.length + width;
  const bytes = new Uint8Array(count * w);
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < prefix.length; k++) bytes[i * w + k] = prefix.charCodeAt(k);
    writeDigits(bytes, i * w + prefix.length, i + 1, width);
  }
  return utf8Fixed(bytes, w, count);
}

/** The id strings themselves (for dictionaries of codes). */
export function idStrings(prefix: string, count: number, width: number): string[] {
  return Array.from({ length: count }, (_, i) => prefix + String(i + 1).padStart(width, '0'));
}
