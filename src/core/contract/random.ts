/** Seeded pseudo-random numbers (sfc32), so that every run with the same seed is the same. */
export type Random = () => number;

/** Hashes a string or number into a 32-bit seed. */
export function seedFrom(...parts: (string | number)[]): number {
  let h = 1779033703 ^ parts.length;
  for (const part of parts) {
    const s = String(part);
    for (let i = 0; i < s.length; i++) {
      h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    h = Math.imul(h ^ 0x9e3779b9, 2246822507);
  }
  return h >>> 0;
}

/** Returns a generator of uniform numbers in [0, 1) from a 32-bit seed. */
export function createRandom(seed: number): Random {
  let a = 0x9e3779b9,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let r = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    r = (r + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}
