import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { designWeights } from "../../src/sampling";

describe("designWeights", () => {
  it("designWeights gives N_h/n_h from a record of population counts", () => {
    expect(designWeights([{ s: "a" }, { s: "a" }, { s: "b" }], { strata: "s", fpc: { a: 10, b: 3 } })).toEqual([5, 5, 3]);
  });

  it("designWeights counts PSUs, not rows, when psu is given (pupils inside sampled schools)", () => {
    // Stratum "rural": 12 schools in the population, 2 sampled (s1 with 3 pupils, s2 with 1) → 12/2 = 6 per pupil.
    const pupils = [
      { school: "s1", area: "rural", N: 12 },
      { school: "s1", area: "rural", N: 12 },
      { school: "s1", area: "rural", N: 12 },
      { school: "s2", area: "rural", N: 12 },
    ];
    expect(designWeights(pupils, { strata: "area", psu: "school", fpc: "N" })).toEqual([6, 6, 6, 6]);
  });

  it("designWeights reads sampling fractions as 1/f_h", () => {
    expect(designWeights([{ f: 0.25 }, { f: 0.25 }], { fpc: "f" })).toEqual([4, 4]);
  });

  it("designWeights rejects counts below the sample and strata without a count", () => {
    expect(() => designWeights([{ s: "a" }, { s: "a" }, { s: "a" }], { strata: "s", fpc: { a: 2 } })).toThrow(
      expect.objectContaining({ code: "fpc-below-sample" }),
    );
    expect(() => designWeights([{ s: "a" }, { s: "b" }], { strata: "s", fpc: { a: 2 } })).toThrow(
      expect.objectContaining({ code: "missing-fpc" }),
    );
    expect(() => designWeights([{ N: 5 }, { N: 6 }], { fpc: "N" })).toThrow(expect.objectContaining({ code: "fpc-varies-within-stratum" }));
  });

  it("designWeights sum to N_h in each stratum (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 50 })), { minLength: 1, maxLength: 40 }), (cells) => {
        const rows = cells.map(([s]) => ({ s: `h${s}` }));
        const n = new Map<string, number>();
        for (const r of rows) n.set(r.s, (n.get(r.s) ?? 0) + 1);
        const N = Object.fromEntries([...n].map(([k, v], j) => [k, v + cells[j][1]]));
        const w = designWeights(rows, { strata: "s", fpc: N });
        for (const [k, v] of Object.entries(N)) {
          expect(rows.reduce((t, r, i) => t + (r.s === k ? w[i] : 0), 0)).toBeCloseTo(v, 9);
        }
      }),
    );
  });
});
