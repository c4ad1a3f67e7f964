import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { drawStratifiedSample, surveyEstimate } from "../../src/sampling";
import type { SurveyEstimateResult } from "../../src/sampling";

// ---------------------------------------------------------------------------------------------
// Hand derivation: 2 strata, 5 PSUs (schools), 9 pupils; every pupil of a sampled school surveyed.
//   Stratum A: N_A = 10 schools, 3 sampled → w = 10/3;  a1 = [2, 4], a2 = [6], a3 = [1, 3, 5]
//   Stratum B: N_B =  6 schools, 2 sampled → w = 3;     b1 = [10],  b2 = [8, 12]
// Total: Ŷ = 10/3·(6 + 6 + 9) + 3·(10 + 20) = 70 + 90 = 160.
//   PSU totals of z = w·y: A: 20, 20, 30 (mean 70/3; Σdev² = 2·(10/3)² + (20/3)² = 66.667)
//                          B: 30, 60 (mean 45; Σdev² = 450)
//   V = (1 − 3/10)·3/2·66.667 + (1 − 2/6)·2/1·450 = 70 + 600 = 670 → SE = √670 = 25.88436.
// Mean: N̂ = 10/3·6 + 3·3 = 29, R̂ = 160/29 = 5.517241; z = w(y − R̂)/N̂, PSU totals
//   a1 = (10/3)(6 − 2R̂)/29 = −0.578676, a2 = (10/3)(6 − R̂)/29 = 0.055490, a3 = (10/3)(9 − 3R̂)/29 = −0.868014,
//   b1 = 3(10 − R̂)/29 = 0.463734,       b2 = 3(20 − 2R̂)/29 = 0.927467.
//   A: mean −0.463734, Σdev² = 0.446247, × 0.7·1.5 = 0.468560;  B: Σdev² = 2·0.231867² = 0.107524, × (2/3)·2 = 0.143366.
//   V = 0.611926 → SE = 0.782257. df = 5 PSUs − 2 strata = 3; t(0.975, 3) = 3.182446:
//   t interval 5.517241 ± 2.489487 = [3.027754, 8.006729]; normal: ± 1.959964·0.782257 = [3.984046, 7.050436].
// Domain "girls" (a1:2, a2:6, a3:3, b2:8,12; b1 has none): N̂_d = 10/3·3 + 3·2 = 16, Ŷ_d = 10/3·11 + 3·20 = 96.667,
//   R̂_d = 6.041667. PSU totals of w·d·(y − R̂_d)/N̂_d: a1 −0.842014, a2 −0.008681, a3 −0.633681, b1 0 (kept!), b2 1.484375.
//   A: Σdev² = 0.376157 × 1.05 = 0.394965;  B: mean 0.742188, Σdev² = 1.101685 × 4/3 = 1.468913;  V = 1.863878.
// ---------------------------------------------------------------------------------------------
const pupils = Object.freeze(
  [
    { school: "a1", stratum: "A", N: 10, y: 2, girl: true },
    { school: "a1", stratum: "A", N: 10, y: 4, girl: false },
    { school: "a2", stratum: "A", N: 10, y: 6, girl: true },
    { school: "a3", stratum: "A", N: 10, y: 1, girl: false },
    { school: "a3", stratum: "A", N: 10, y: 3, girl: true },
    { school: "a3", stratum: "A", N: 10, y: 5, girl: false },
    { school: "b1", stratum: "B", N: 6, y: 10, girl: false },
    { school: "b2", stratum: "B", N: 6, y: 8, girl: true },
    { school: "b2", stratum: "B", N: 6, y: 12, girl: true },
  ].map((r) => Object.freeze(r)),
);
type Pupil = (typeof pupils)[number];
const design = { strata: "stratum", psu: "school", fpc: "N" } as const;

// Scheaffer, Mendenhall & Ott, Elementary Survey Sampling (6th ed., 2006), Example 5.1:
// weekly TV hours of 40 households, stratified by town (N = 155, 62, 93; n = 20, 8, 12).
// Published: ȳ_st = 27.7 with bound 2√V̂ = 2.8; unrounded V̂(ȳ_st) = 1.969519 (also asserted by
// the public test suite of the Python package advstats for the same data).
const tv = [
  ...[35, 43, 36, 39, 28, 28, 29, 25, 38, 27, 26, 32, 29, 40, 35, 41, 37, 31, 45, 34].map((h) => ({ town: "A", N: 155, hours: h })),
  ...[27, 15, 4, 41, 49, 25, 10, 30].map((h) => ({ town: "B", N: 62, hours: h })),
  ...[8, 14, 12, 15, 30, 32, 21, 20, 34, 7, 11, 24].map((h) => ({ town: "Rural", N: 93, hours: h })),
];

// Scheaffer, Mendenhall & Ott (2006), Example 8.2: per-capita income from a simple random sample
// of 25 of a city's 415 blocks (clusters), every resident surveyed: m_i residents, y_i total income.
// Published: ȳ = Σy/Σm = $8,801, V̂(ȳ) = 653,785, bound 2√V̂ = $1,617 (ratio estimator with M̄ ≈ m̄).
const blockM = [8, 12, 4, 5, 6, 6, 7, 5, 8, 3, 2, 6, 5, 10, 9, 3, 6, 5, 5, 4, 6, 8, 7, 3, 8];
const blockY = [96000, 121000, 42000, 65000, 52000, 40000, 75000, 65000, 45000, 50000, 85000, 43000, 54000, 49000, 53000, 50000, 32000, 22000, 45000, 37000, 51000, 30000, 39000, 47000, 41000];

describe("surveyEstimate: hand derivation", () => {
  it("surveyEstimate total matches the 2-stratum, 5-PSU hand derivation (160, SE √670)", () => {
    const r = surveyEstimate(pupils, { y: "y", statistic: "total", design });
    expect(r.estimate).toBeCloseTo(160, 10);
    expect(r.se).toBeCloseTo(Math.sqrt(670), 10);
    expect([r.df, r.psuCount, r.strataCount, r.n, r.nExcluded]).toEqual([3, 5, 2, 9, 0]);
    expect(r.populationSize).toBeCloseTo(29, 12);
    expect(r.flags).toEqual([]);
  });

  it("surveyEstimate mean is the ratio Ŷ/N̂ with the linearised SE of the hand derivation", () => {
    const r = surveyEstimate(pupils, { y: "y", statistic: "mean", design });
    expect(r.estimate).toBeCloseTo(160 / 29, 12);
    expect(r.se).toBeCloseTo(0.782257, 6);
    expect(r.ciLow).toBeCloseTo(3.984046, 5);
    expect(r.ciHigh).toBeCloseTo(7.050436, 5);
    expect(r.denominator).toBeCloseTo(29, 12);
  });

  it("surveyEstimate interval 't' uses df = #PSU − #strata", () => {
    const r = surveyEstimate(pupils, { y: "y", statistic: "mean", design, interval: "t" });
    expect(r.ciLow).toBeCloseTo(3.027754, 5);
    expect(r.ciHigh).toBeCloseTo(8.006729, 5);
    const r90 = surveyEstimate(pupils, { y: "y", statistic: "mean", design, level: 0.9 });
    expect((r90.ciHigh as number) - (r90.estimate as number)).toBeCloseTo(1.644854 * (r90.se as number), 6);
  });

  it("surveyEstimate domain keeps the design: zeroed rows and the girl-less school b1 still count", () => {
    const r = surveyEstimate(pupils, { y: "y", statistic: "mean", design, domain: "girl" });
    expect(r.estimate).toBeCloseTo(96.6666667 / 16, 6);
    expect((r.se as number) ** 2).toBeCloseTo(1.863878, 5);
    expect(r.n).toBe(5);
    expect(r.populationSize).toBeCloseTo(16, 12);
  });

  it("surveyEstimate domain by zeroing equals subsetting for the estimate but not for the SE", () => {
    const zeroed = surveyEstimate(pupils, { y: "y", statistic: "mean", design, domain: (d) => d.girl });
    const subset = pupils.filter((d) => d.girl);
    // Subsetting drops school b1, so stratum B has one PSU left and the SE changes.
    expect(() => surveyEstimate(subset, { y: "y", statistic: "mean", design })).toThrow(expect.objectContaining({ code: "lonely-psu" }));
    const wrong = surveyEstimate(subset, {
      y: "y",
      statistic: "mean",
      design: { ...design, weight: (d: Pupil) => (d.stratum === "A" ? 10 / 3 : 3) },
      lonely: "remove",
    });
    expect(wrong.estimate).toBeCloseTo(zeroed.estimate as number, 12);
    expect(Math.abs((wrong.se as number) - (zeroed.se as number))).toBeGreaterThan(0.5);
  });

  it("surveyEstimate ratio linearises y − R̂x (cross-check: ratio with x = 1 equals the mean)", () => {
    const ratio = surveyEstimate(pupils, { y: "y", x: () => 1, statistic: "ratio", design });
    const mean = surveyEstimate(pupils, { y: "y", statistic: "mean", design });
    expect(ratio.estimate).toBeCloseTo(mean.estimate as number, 12);
    expect(ratio.se).toBeCloseTo(mean.se as number, 12);
    expect(ratio.deff).toBeNull();
  });

  it("surveyEstimate proportion of a boolean equals the mean of its 0/1 coding", () => {
    const p = surveyEstimate(pupils, { y: "girl", statistic: "proportion", design });
    const m = surveyEstimate(pupils, { y: (d) => (d.girl ? 1 : 0), statistic: "mean", design });
    expect(p.estimate).toBeCloseTo(16 / 29, 12);
    expect(p.se).toBeCloseTo(m.se as number, 12);
  });
});

describe("surveyEstimate: published worked examples", () => {
  it("surveyEstimate reproduces Scheaffer et al. Example 5.1 (stratified mean 27.675, V̂ 1.969519)", () => {
    const r = surveyEstimate(tv, { y: "hours", statistic: "mean", design: { strata: "town", fpc: "N" } });
    expect(r.estimate).toBeCloseTo(27.675, 10);
    expect((r.se as number) ** 2).toBeCloseTo(1.969519, 6);
    expect(2 * (r.se as number)).toBeCloseTo(2.8, 1); // the book's bound on the error
    const total = surveyEstimate(tv, { y: "hours", statistic: "total", design: { strata: "town", fpc: "N" } });
    expect(total.estimate).toBeCloseTo(310 * 27.675, 8);
    expect(total.se).toBeCloseTo(310 * (r.se as number), 8);
  });

  it("surveyEstimate reproduces Scheaffer et al. Example 8.2 (cluster sample: $8,801, V̂ 653,785, bound $1,617)", () => {
    // One row per resident; a block's income is split evenly (only block totals enter the estimator).
    const residents = blockM.flatMap((m, i) => Array.from({ length: m }, () => ({ block: i, income: blockY[i] / m })));
    const r = surveyEstimate(residents, { y: "income", statistic: "mean", design: { psu: "block", fpc: () => 415 } });
    expect(r.estimate).toBeCloseTo(1329000 / 151, 8);
    expect(Math.round(r.estimate as number)).toBe(8801);
    expect(Math.round((r.se as number) ** 2)).toBe(653785);
    expect(Math.round(2 * (r.se as number))).toBe(1617);
    // The same figures as a ratio of block totals, Σy/Σm, with blocks as rows.
    const blocks = blockM.map((m, i) => ({ m, y: blockY[i] }));
    const q = surveyEstimate(blocks, { y: "y", x: "m", statistic: "ratio", design: { fpc: () => 415 } });
    expect(q.estimate).toBeCloseTo(r.estimate as number, 8);
    expect(q.se).toBeCloseTo(r.se as number, 8);
  });

  it("surveyEstimate deff is 1 for a simple random sample without replacement (SRSWOR variance by definition)", () => {
    const rows = [3, 8, 1, 9, 4, 7].map((y) => ({ y }));
    const r = surveyEstimate(rows, { y: "y", statistic: "mean", design: { fpc: () => 40 } });
    expect(r.deff).toBeCloseTo(1, 12);
    const t = surveyEstimate(rows, { y: "y", statistic: "total", design: { fpc: () => 40 } });
    expect(t.deff).toBeCloseTo(1, 12);
  });
});

describe("surveyEstimate: edge cases", () => {
  // A: 2 PSUs (y 1, 3; N_A = 4, w = 2), C: one PSU (y 10; N_C = 5, w = 5). Total: A gives
  // z = 2, 6 → (1 − 2/4)·2·8 = 8. "adjust": centre = (2 + 6 + 50)/3 = 19.333; C adds (1 − 1/5)(50 − 19.333)² = 752.356.
  const lonelyRows = [
    { h: "A", N: 4, y: 1 },
    { h: "A", N: 4, y: 3 },
    { h: "C", N: 5, y: 10 },
  ];
  const lonelyDesign = { strata: "h", fpc: "N" } as const;

  it("surveyEstimate lonely 'error' (default) throws, naming the stratum and the options", () => {
    try {
      surveyEstimate(lonelyRows, { y: "y", statistic: "total", design: lonelyDesign });
      expect.unreachable();
    } catch (e) {
      const err = e as { code: string; message: string };
      expect({ code: err.code, message: err.message }).toMatchInlineSnapshot(`
        {
          "code": "lonely-psu",
          "message": "surveyEstimate: stratum "C" has only one sampled PSU, so its variance cannot be estimated; merge it with a similar stratum or set options.lonely to "remove", "certainty" or "adjust"",
        }
      `);
    }
  });

  it("surveyEstimate lonely 'remove'/'certainty' drop the stratum's contribution, 'adjust' centres it on the mean PSU total", () => {
    const remove = surveyEstimate(lonelyRows, { y: "y", statistic: "total", design: lonelyDesign, lonely: "remove" });
    const certainty = surveyEstimate(lonelyRows, { y: "y", statistic: "total", design: lonelyDesign, lonely: "certainty" });
    const adjust = surveyEstimate(lonelyRows, { y: "y", statistic: "total", design: lonelyDesign, lonely: "adjust" });
    expect((remove.se as number) ** 2).toBeCloseTo(8, 10);
    expect((certainty.se as number) ** 2).toBeCloseTo(8, 10);
    expect((adjust.se as number) ** 2).toBeCloseTo(8 + 0.8 * (50 - 58 / 3) ** 2, 8);
    expect(remove.flags).toEqual(["single-unit"]);
    expect(remove.lonelyStrata).toEqual(["C"]);
    expect(remove.estimate).toBe(58);
  });

  it("surveyEstimate census strata (f_h = 1) contribute no variance, even with one PSU and lonely 'error'", () => {
    const rows = [...lonelyRows.slice(0, 2), { h: "C", N: 1, y: 10 }];
    const r = surveyEstimate(rows, { y: "y", statistic: "total", design: lonelyDesign });
    expect((r.se as number) ** 2).toBeCloseTo(8, 10);
    expect(r.flags).toEqual([]);
  });

  it("surveyEstimate missing y throws by default and is never read as 0", () => {
    const rows = [{ y: 4 }, { y: null }, { y: 8 }, { y: Number.NaN }];
    try {
      surveyEstimate(rows, { y: "y", statistic: "mean", design: { weight: () => 1 } });
      expect.unreachable();
    } catch (e) {
      const err = e as { code: string; message: string };
      expect({ code: err.code, message: err.message }).toMatchInlineSnapshot(`
        {
          "code": "missing-value",
          "message": "surveyEstimate: 2 row(s) in the domain have no y (first: row 1); fill them, or set options.missing to "exclude" to leave them out (counted in nExcluded)",
        }
      `);
    }
  });

  it("surveyEstimate missing 'exclude' leaves rows out of the domain, counts them and flags it", () => {
    const rows = [{ y: 4, s: 1 }, { y: null, s: 1 }, { y: 8, s: 1 }, { y: 6, s: 1 }];
    const r = surveyEstimate(rows, { y: "y", statistic: "mean", design: { weight: () => 2 }, missing: "exclude" });
    const same = surveyEstimate(rows, { y: (d) => d.y ?? 0, statistic: "mean", design: { weight: () => 2 }, domain: (d) => d.y !== null });
    expect(r.estimate).toBe(6);
    expect(r.se).toBeCloseTo(same.se as number, 12);
    expect([r.n, r.nExcluded]).toEqual([3, 1]);
    expect(r.flags).toEqual(["unknown-excluded"]);
  });

  it("surveyEstimate gives null with flags for an empty domain (no NaN, no 0)", () => {
    const r = surveyEstimate(pupils, { y: "y", statistic: "mean", design, domain: () => false });
    expect([r.estimate, r.se, r.ciLow, r.ciHigh, r.deff]).toEqual([null, null, null, null, null]);
    expect(r.flags).toEqual(["zero-denominator", "empty-group"]);
    const t = surveyEstimate(pupils, { y: "y", statistic: "total", design, domain: () => false });
    expect([t.estimate, t.se]).toEqual([0, 0]);
  });

  it("surveyEstimate rejects bad inputs with coded errors", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { code: string }).code;
      }
      return "no error";
    };
    expect(code(() => surveyEstimate([], { y: "y", statistic: "mean", design }))).toBe("empty-input");
    expect(code(() => surveyEstimate(pupils, { y: "y", statistic: "proportion", design }))).toBe("not-binary");
    expect(code(() => surveyEstimate(pupils, { y: "y", statistic: "ratio", design }))).toBe("invalid-option");
    expect(code(() => surveyEstimate(pupils, { y: "y", statistic: "mean", design: { strata: "stratum" } }))).toBe("missing-weight");
    expect(code(() => surveyEstimate(pupils, { y: "y", statistic: "mean", design, domain: "school" }))).toBe("invalid-domain");
    expect(code(() => surveyEstimate([{ y: "abc" }], { y: "y", statistic: "mean", design: { weight: () => 1 } }))).toBe("non-numeric-value");
    expect(code(() => surveyEstimate([{ y: 1, w: 0 }], { y: "y", statistic: "mean", design: { weight: "w" } }))).toBe("invalid-weight");
    expect(code(() => surveyEstimate([{ y: 1, f: 3, h: "a" }, { y: 1, f: 0.5, h: "b" }], { y: "y", statistic: "mean", design: { strata: "h", fpc: "f" } }))).toBe(
      "mixed-fpc-forms",
    );
    expect(code(() => surveyEstimate(pupils, { y: "y", statistic: "mean", design, level: 95 }))).toBe("invalid-option");
    expect(code(() => surveyEstimate(pupils, { y: "y", statistic: "median" as "mean", design }))).toBe("invalid-option");
  });

  it("surveyEstimate accepts fpc as sampling fractions, giving the same result as counts", () => {
    const frac = surveyEstimate(pupils, { y: "y", statistic: "mean", design: { ...design, fpc: (d: Pupil) => (d.stratum === "A" ? 0.3 : 1 / 3) } });
    const count = surveyEstimate(pupils, { y: "y", statistic: "mean", design });
    expect(frac.estimate).toBeCloseTo(count.estimate as number, 12);
    expect(frac.se).toBeCloseTo(count.se as number, 12);
  });

  it("surveyEstimate result types: estimate and se are number | null", () => {
    expectTypeOf(surveyEstimate(pupils, { y: "y", statistic: "mean", design })).toEqualTypeOf<SurveyEstimateResult>();
    expectTypeOf<SurveyEstimateResult["estimate"]>().toEqualTypeOf<number | null>();
  });
});

describe("surveyEstimate: properties", () => {
  const sampleArb = fc.array(
    fc.record({ h: fc.integer({ min: 0, max: 2 }), psu: fc.integer({ min: 0, max: 3 }), y: fc.integer({ min: -50, max: 50 }), inDomain: fc.boolean() }),
    { minLength: 1, maxLength: 40 },
  );

  it("surveyEstimate of a census (n_h = N_h with fpc) has SE 0 (property)", () => {
    fc.assert(
      fc.property(sampleArb, fc.constantFrom("total" as const, "mean" as const), (cells, statistic) => {
        const rows = cells.map((c) => ({ ...c, key: `${c.h}/${c.psu}` }));
        // N_h = number of distinct sampled PSUs in h: every PSU of the population is in the sample.
        const N = new Map<number, Set<string>>();
        for (const r of rows) (N.get(r.h) ?? N.set(r.h, new Set()).get(r.h))?.add(r.key);
        const r = surveyEstimate(rows, { y: "y", statistic, design: { strata: "h", psu: "psu", fpc: (d) => N.get(d.h)?.size } });
        expect(r.se).toBe(0);
      }),
    );
  });

  it("surveyEstimate domain by zeroing gives the subset's point estimate (property)", () => {
    fc.assert(
      fc.property(sampleArb, fc.array(fc.double({ min: 0.5, max: 20, noNaN: true }), { minLength: 3, maxLength: 3 }), (cells, w) => {
        const options = { y: "y" as const, statistic: "mean" as const, lonely: "remove" as const };
        const dz = { strata: "h", psu: "psu", weight: (d: (typeof cells)[number]) => w[d.h] } as const;
        const zeroed = surveyEstimate(cells, { ...options, design: dz, domain: "inDomain" });
        const inside = cells.filter((c) => c.inDomain);
        if (inside.length === 0) {
          expect(zeroed.estimate).toBeNull();
          return;
        }
        const subset = surveyEstimate(inside, { ...options, design: dz });
        expect(zeroed.estimate).toBeCloseTo(subset.estimate as number, 9);
        expect(zeroed.populationSize).toBeCloseTo(subset.populationSize, 9);
      }),
    );
  });

  it("surveyEstimate of a drawn sample: weights from drawStratifiedSample reproduce N", () => {
    const frame = Array.from({ length: 50 }, (_, i) => ({ i, g: i % 3, v: i }));
    const s = drawStratifiedSample(frame, { strata: "g", n: 4, seed: 3 });
    const r = surveyEstimate(s, { y: (d) => d.row.v, statistic: "mean", design: { strata: "stratum", weight: "weight", fpc: "fpc" } });
    expect(r.populationSize).toBeCloseTo(50, 10);
  });
});
