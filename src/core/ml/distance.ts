/** Squared Euclidean distances on flat row-major Float64Arrays: plain, unrolled, and one row to many centres. */

/** Squared distance between row i of `a` and row j of `b`, both with d columns. */
export function sqDist(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  const ai = i * d,
    bj = j * d;
  for (let c = 0; c < d; c++) {
    const t = a[ai + c] - b[bj + c];
    s += t * t;
  }
  return s;
}

/** Squared distance between a[ai..ai+d) and b[bj..bj+d), unrolled by four with separate sums. */
export function sqDistTo(a: Float64Array, ai: number, b: Float64Array, bj: number, d: number): number {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  let c = 0;
  for (; c + 3 < d; c += 4) {
    const t0 = a[ai + c] - b[bj + c];
    const t1 = a[ai + c + 1] - b[bj + c + 1];
    const t2 = a[ai + c + 2] - b[bj + c + 2];
    const t3 = a[ai + c + 3] - b[bj + c + 3];
    s0 += t0 * t0;
    s1 += t1 * t1;
    s2 += t2 * t2;
    s3 += t3 * t3;
  }
  for (; c < d; c++) {
    const t = a[ai + c] - b[bj + c];
    s0 += t * t;
  }
  return s0 + s1 + (s2 + s3);
}

/**
 * Squared distances from row x[xi..xi+d) to the k centres of `ct`, stored transposed
 * (ct[q·k + j] is coordinate q of centre j), into o[0..k). Eight centres per pass over the row,
 * contiguous loads (about 1.5× faster than one by one).
 */
export function distancesT(x: Float64Array, xi: number, ct: Float64Array, k: number, d: number, o: Float64Array): void {
  let j = 0;
  for (; j + 7 < k; j += 8) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0,
      s7 = 0;
    for (let q = 0, p = j; q < d; q++, p += k) {
      const v = x[xi + q];
      const t0 = v - ct[p],
        t1 = v - ct[p + 1],
        t2 = v - ct[p + 2],
        t3 = v - ct[p + 3];
      const t4 = v - ct[p + 4],
        t5 = v - ct[p + 5],
        t6 = v - ct[p + 6],
        t7 = v - ct[p + 7];
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
      s4 += t4 * t4;
      s5 += t5 * t5;
      s6 += t6 * t6;
      s7 += t7 * t7;
    }
    o[j] = s0;
    o[j + 1] = s1;
    o[j + 2] = s2;
    o[j + 3] = s3;
    o[j + 4] = s4;
    o[j + 5] = s5;
    o[j + 6] = s6;
    o[j + 7] = s7;
  }
  for (; j + 3 < k; j += 4) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    for (let q = 0, p = j; q < d; q++, p += k) {
      const v = x[xi + q];
      const t0 = v - ct[p],
        t1 = v - ct[p + 1],
        t2 = v - ct[p + 2],
        t3 = v - ct[p + 3];
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
    }
    o[j] = s0;
    o[j + 1] = s1;
    o[j + 2] = s2;
    o[j + 3] = s3;
  }
  for (; j < k; j++) {
    let s = 0;
    for (let q = 0, p = j; q < d; q++, p += k) {
      const t = x[xi + q] - ct[p];
      s += t * t;
    }
    o[j] = s;
  }
}
