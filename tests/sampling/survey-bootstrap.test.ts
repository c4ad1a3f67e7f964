import { describe, expect, it } from "vitest";
import { surveyBootstrap, surveyEstimate } from "../../src/sampling";

// Scheaffer, Mendenhall & Ott (2006) Example 5.1 data (see survey-estimate.test.ts): linearisation SE 1.403396.
const tv = [
  ...[35, 43, 36, 39, 28, 28, 29, 25, 38, 27, 26, 32, 29, 40, 35, 41, 37, 31, 45, 34].map((h) => ({ town: "A", N: 155, hours: h })),
  ...[27, 15, 4, 41, 49, 25, 10, 30].map((h) => ({ town: "B", N: 62, hours: h })),
  ...[8, 14, 12, 15, 30, 32, 21, 20, 34, 7, 11, 24].map((h) => ({ town: "Rural", N: 93, hours: h })),
];
const design = { strata: "town", fpc: "N" } as const;

describe("surveyBootstrap", () => {
  it("surveyBootstrap Rao–Wu SE agrees with linearisation on Scheaffer Example 5.1 (within 5% at B = 4000)", () => {
    // For a linear statistic E*[(θ* − θ̂)²] equals the linearisation variance exactly (Rao, Wu & Yue 1992);
    // with B = 4000 the Monte Carlo SD of the SE is about 1.3%.
    const lin = surveyEstimate(tv, { y: "hours", statistic: "mean", design });
    const boot = surveyEstimate(tv, { y: "hours", statistic: "mean", design, variance: "bootstrap", replicates: 4000, seed: 20 });
    expect(boot.estimate).toBe(lin.estimate);
    expect(Math.abs((boot.se as number) / (lin.se as number) - 1)).toBeLessThan(0.05);
  });

  it("surveyBootstrap replicate weights keep each stratum's expected weight and are reproducible by seed", () => {
    const a = surveyBootstrap(tv, { design, replicates: 3000, seed: 9 });
    const b = surveyBootstrap(tv, { design, replicates: 3000, seed: 9 });
    expect(a.replicateWeights[17]).toEqual(b.replicateWeights[17]);
    expect(a.scale).toBeCloseTo(1 / 2999, 15);
    // Row 0 is in town A (w = 155/20 = 7.75): E[multiplier] = 1, so the replicate mean is ≈ 7.75.
    const mean = a.replicateWeights.reduce((t, w) => t + w[0], 0) / 3000;
    expect(a.weights[0]).toBe(7.75);
    expect(Math.abs(mean / 7.75 - 1)).toBeLessThan(0.03);
    expect(a.replicateWeights.every((w) => w.every((v) => v >= 0))).toBe(true);
  });

  it("surveyBootstrap leaves census strata untouched, so a census has bootstrap SE 0", () => {
    const census = [1, 5, 9].map((y) => ({ y, N: 3 }));
    const r = surveyEstimate(census, { y: "y", statistic: "mean", design: { fpc: "N" }, variance: "bootstrap", replicates: 50 });
    expect(r.se).toBe(0);
  });

  it("surveyBootstrap throws on a single-PSU stratum unless told to remove it", () => {
    const rows = [
      { h: "a", y: 1, w: 2 },
      { h: "a", y: 2, w: 2 },
      { h: "b", y: 5, w: 4 },
    ];
    expect(() => surveyBootstrap(rows, { design: { strata: "h", weight: "w" }, replicates: 10 })).toThrow(
      expect.objectContaining({ code: "lonely-psu" }),
    );
    const kept = surveyBootstrap(rows, { design: { strata: "h", weight: "w" }, replicates: 10, lonely: "remove" });
    expect(kept.replicateWeights.every((w) => w[2] === 4)).toBe(true);
    expect(() => surveyBootstrap(rows, { design: { strata: "h", weight: "w" }, replicates: 1 })).toThrow(
      expect.objectContaining({ code: "invalid-option" }),
    );
  });
});
