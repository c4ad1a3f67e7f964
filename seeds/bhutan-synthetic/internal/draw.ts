/** Random draws built on one seeded uniform generator (`seededRandom`). */
export interface Draw {
  /** Uniform in [0, 1). */
  u: () => number;
  /** Standard normal (Box-Muller). */
  normal: () => number;
  /** True with probability p. */
  chance: (p: number) => boolean;
  /** Index drawn with the given (unnormalised) weights. */
  weighted: (weights: readonly number[]) => number;
  /** One element, uniformly. */
  pick: <T>(items: readonly T[]) => T;
  /** Log-normal with the given median and log-scale spread. */
  lognormal: (median: number, sigma: number) => number;
}

/** Wraps a uniform generator in the draws the synthetic generator needs. */
export function makeDraw(u: () => number): Draw {
  const normal = () => {
    const a = 1 - u();
    return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
  };
  return {
    u,
    normal,
    chance: (p) => u() < p,
    weighted: (weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let x = u() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i];
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
    pick: (items) => items[Math.floor(u() * items.length)],
    lognormal: (median, sigma) => median * Math.exp(sigma * normal()),
  };
}

/** Rounds non-negative reals to integers that add up to `total` (largest remainder). */
export function roundToTotal(values: readonly number[], total: number, min = 0): number[] {
  const sum = values.reduce((a, b) => a + b, 0);
  const scaled = values.map((v) => (sum > 0 ? (v * total) / sum : 0));
  const out = scaled.map((v) => Math.max(min, Math.floor(v)));
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = scaled.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k][1]]++;
  // If minimums pushed the sum over the total, take back from the largest values.
  const bySize = out.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest < 0; k = (k + 1) % bySize.length) {
    const i = bySize[k][1];
    if (out[i] > min) { out[i]--; rest++; }
  }
  return out;
}
