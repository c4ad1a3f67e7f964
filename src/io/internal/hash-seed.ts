/**
 * A random number per process, mixed into the hashes of the readers' tables (byte
 * dictionaries; short codes, up to 65,536 of them; the dataset's distinct-text check). With a fixed start, an
 * input can be crafted whose values all share one hash: 16,384 ids built as FNV-1a
 * multicollisions (two 5-letter blocks per stage reaching one state, 14 stages) took
 * 2.5 s to read instead of 58 ms, and 20 stages (1M ids) would take hours. Codes follow
 * first appearance, never the hash, so results are the same in every process.
 */
export const HASH_SEED: number = randomSeed();

function randomSeed(): number {
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (crypto?.getRandomValues) return crypto.getRandomValues(new Uint32Array(1))[0] | 0;
  return (Math.random() * 2 ** 32) | 0;
}
