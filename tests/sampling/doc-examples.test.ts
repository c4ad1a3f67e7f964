import { describe, expect, it } from "vitest";
import { allocateSample, designWeights, drawStratifiedSample, surveyBootstrap, surveyEstimate } from "../../src/sampling";

// The @example of each export, run so the docs cannot go stale.
describe("sampling @example snippets", () => {
  it("allocateSample @example gives 20/8/12", () => {
    expect(allocateSample([{ id: "A", N: 155 }, { id: "B", N: 62 }, { id: "R", N: 93 }], 40, { method: "proportional" })).toEqual([
      { id: "A", N: 155, n: 20, target: 20 },
      { id: "B", N: 62, n: 8, target: 8 },
      { id: "R", N: 93, n: 12, target: 12 },
    ]);
  });

  it("drawStratifiedSample @example gives weight 2 and fpc 2 in each stratum", () => {
    const frame = [{ id: 1, t: "a" }, { id: 2, t: "a" }, { id: 3, t: "b" }, { id: 4, t: "b" }];
    expect(drawStratifiedSample(frame, { strata: "t", n: 1, seed: 7 }).map((d) => [d.stratum, d.weight, d.fpc])).toEqual([
      ["a", 2, 2],
      ["b", 2, 2],
    ]);
  });

  it("designWeights @example gives [5, 5, 3]", () => {
    expect(designWeights([{ s: "a" }, { s: "a" }, { s: "b" }], { strata: "s", fpc: { a: 10, b: 3 } })).toEqual([5, 5, 3]);
  });

  it("surveyEstimate @example prints 27.675, SE 1.403396, interval 24.924395–30.425605, df 37", () => {
    const hours = { A: [35, 43, 36, 39, 28, 28, 29, 25, 38, 27, 26, 32, 29, 40, 35, 41, 37, 31, 45, 34], B: [27, 15, 4, 41, 49, 25, 10, 30], R: [8, 14, 12, 15, 30, 32, 21, 20, 34, 7, 11, 24] };
    const N = { A: 155, B: 62, R: 93 };
    const rows = (["A", "B", "R"] as const).flatMap((town) => hours[town].map((h) => ({ town, hours: h, N: N[town] })));
    const r = surveyEstimate(rows, { y: "hours", statistic: "mean", design: { strata: "town", fpc: "N" } });
    expect(r.estimate).toBeCloseTo(27.675, 12);
    expect(r.se).toBeCloseTo(1.403396, 6);
    expect(r.ciLow).toBeCloseTo(24.924395, 6);
    expect(r.ciHigh).toBeCloseTo(30.425605, 6);
    expect(r.df).toBe(37);
  });

  it("surveyBootstrap @example gives 2 replicates of 4 weights, each 0 or twice the weight", () => {
    const rows = [{ s: "a", w: 2 }, { s: "a", w: 2 }, { s: "b", w: 3 }, { s: "b", w: 3 }];
    const boot = surveyBootstrap(rows, { design: { strata: "s", weight: "w" }, replicates: 2, seed: 1 });
    expect(boot.replicateWeights.length).toBe(2);
    expect(boot.replicateWeights[0].length).toBe(4);
    boot.replicateWeights.forEach((w) => w.forEach((v, i) => expect([0, 2 * rows[i].w]).toContain(v)));
  });
});
