/**
 * Seeded pseudo-random numbers (mulberry32, a 32-bit generator by Tommy Ettinger):
 * the same seed gives the same draws on every platform, which makes samples,
 * bootstraps and synthetic data reproducible. Not for cryptography.
 * @param seed any integer
 * @returns a function returning uniform numbers in [0, 1)
 * @example const u = seededRandom(42); u(); // 0.6011037519201636
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fisher–Yates shuffle of indices 0..n-1 with a seeded generator.
 * @example shuffledIndices(3, seededRandom(1)) // a permutation of [0, 1, 2]
 */
export function shuffledIndices(n: number, random: () => number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}
