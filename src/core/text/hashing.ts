/**
 * The hashing behind the text models' features (naive Bayes in classifier.ts, logistic regression
 * in linear.ts): FNV-1a of a string with a per-kind seed, and a mixer for pairs (word bigrams).
 * Both models must hash alike, so a text has the same buckets whichever model reads it.
 */
export const FNV = 0x811c9dc5;
export const PRIME = 0x01000193;
export const SEED_WORD = 0x1b873593;
export const SEED_FOLD = 0x5bd1e995;
export const SEED_CHAR = 0x27d4eb2d;

/** FNV-1a of a string, started from a seed. */
export function hashString(s: string, seed: number): number {
  let h = (FNV ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return h >>> 0;
}

/** Mixes two hashes into one (a pair of words). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ (b >>> 15), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
