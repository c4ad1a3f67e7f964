import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateSample } from "../../src/sampling";

function failure(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    const err = e as { code: string; message: string };
    return { code: err.code, message: err.message };
  }
  throw new Error("expected a throw");
}

describe("allocateSample", () => {
  it("allocateSample proportional reproduces the textbook 20/8/12 split of 40 over towns of 155/62/93", () => {
    // Scheaffer, Mendenhall & Ott, Elementary Survey Sampling, Example 5.1: 40 × 155/310 = 20,
    // 40 × 62/310 = 8, 40 × 93/310 = 12 (exact, no rounding needed).
    const out = allocateSample([{ id: "A", N: 155 }, { id: "B", N: 62 }, { id: "R", N: 93 }], 40, { method: "proportional" });
    expect(out.map((s) => s.n)).toEqual([20, 8, 12]);
  });

  it("allocateSample rounds by largest remainder (hand derivation on the California API school types)", () => {
    // 200 × (4421, 1018, 755)/6194 = 142.751, 32.871, 24.378 → floors 142 + 32 + 24 = 198;
    // the 2 missing units go to the largest remainders .871 (middle) and .751 (elementary).
    const out = allocateSample([{ id: "E", N: 4421 }, { id: "M", N: 1018 }, { id: "H", N: 755 }], 200, { method: "proportional" });
    expect(out.map((s) => s.n)).toEqual([143, 33, 24]);
    expect(out[0].target).toBeCloseTo(142.751049, 5);
  });

  it("allocateSample neyman shares n in proportion to N_h·S_h/√cost_h", () => {
    // a = (100·10, 100·30/√4, 50·20) = (1000, 1500, 1000); 70 × a/3500 = 20, 30, 20.
    const out = allocateSample(
      [{ id: 1, N: 100, S: 10 }, { id: 2, N: 100, S: 30, cost: 4 }, { id: 3, N: 50, S: 20 }],
      70,
      { method: "neyman" },
    );
    expect(out.map((s) => s.n)).toEqual([20, 30, 20]);
  });

  it("allocateSample neyman caps a stratum at N_h and gives the rest to the others", () => {
    // a = (10·100, 1000·1) = (1000, 1000): shares 50/50 of 60 would put 30 in a stratum of 10.
    // It takes its 10; stratum 2 takes the other 50.
    const out = allocateSample([{ id: "x", N: 10, S: 100 }, { id: "y", N: 1000, S: 1 }], 60, { method: "neyman" });
    expect(out.map((s) => s.n)).toEqual([10, 50]);
  });

  it("allocateSample honours the minimum and takes it from the big stratum", () => {
    // Proportional would give 10 × (1000, 3, 2)/1005 ≈ (9.95, 0.03, 0.02); with min 3 (capped at N_h = 2
    // for the last) the small strata take 3 and 2, the big one keeps 5.
    const out = allocateSample([{ id: "a", N: 1000 }, { id: "b", N: 3 }, { id: "c", N: 2 }], 10, { method: "proportional", min: 3 });
    expect(out.map((s) => s.n)).toEqual([5, 3, 2]);
  });

  it("allocateSample equal with a max bound moves the excess to strata with room", () => {
    // Equal shares of 30 are 10 each; stratum c holds only 4 (N_c), so a and b share 26 → 13 each,
    // exactly the cap. n = 31 would need 13 + 13 + 4 + 1 > capacity and throws.
    const out = allocateSample([{ id: "a", N: 50 }, { id: "b", N: 50 }, { id: "c", N: 4 }], 30, { method: "equal", max: 13 });
    expect(out.map((s) => s.n)).toEqual([13, 13, 4]);
    expect(() => allocateSample([{ id: "a", N: 50 }, { id: "b", N: 50 }, { id: "c", N: 4 }], 31, { method: "equal", max: 13 })).toThrow(
      /raise options.max/,
    );
  });

  it("allocateSample rejects impossible requests with a coded error", () => {
    expect(failure(() => allocateSample([{ id: "a", N: 5 }], 6, { method: "proportional" }))).toMatchInlineSnapshot(`
      {
        "code": "sample-exceeds-population",
        "message": "allocateSample: n = 6 exceeds the population (Σ N_h = 5); lower n",
      }
    `);
    expect(failure(() => allocateSample([{ id: "a", N: 5 }, { id: "b", N: 5 }], 3, { method: "equal", min: 2 }))).toMatchInlineSnapshot(`
      {
        "code": "minimum-exceeds-sample",
        "message": "allocateSample: the minimum of 2 per stratum needs 4 units but n = 3; lower options.min or raise n",
      }
    `);
    expect(failure(() => allocateSample([{ id: "a", N: 5 }], 2, { method: "neyman" }))).toMatchInlineSnapshot(`
      {
        "code": "missing-standard-deviation",
        "message": "allocateSample with method "neyman" requires a finite S ≥ 0 for every stratum; stratum "a" has undefined",
      }
    `);
    expect(failure(() => allocateSample([{ id: "a", N: 5 }], 2.5, { method: "equal" })).code).toBe("invalid-sample-size");
    expect(failure(() => allocateSample([], 2, { method: "equal" })).code).toBe("invalid-strata");
  });

  it("allocateSample does not mutate its input", () => {
    const strata = Object.freeze([Object.freeze({ id: "a", N: 10 }), Object.freeze({ id: "b", N: 20 })]);
    expect(allocateSample(strata, 6, { method: "proportional" }).map((s) => s.n)).toEqual([2, 4]);
  });

  it("allocateSample sums exactly to n and stays within [min(min, N_h), min(max, N_h)] (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ N: fc.integer({ min: 0, max: 60 }), S: fc.double({ min: 0.1, max: 50, noNaN: true }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.constantFrom("proportional" as const, "neyman" as const, "equal" as const),
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (frame, method, min, share) => {
          const strata = frame.map((s, h) => ({ id: h, N: s.N, S: s.S }));
          const lo = strata.reduce((t, s) => t + Math.min(min, s.N), 0);
          const total = strata.reduce((t, s) => t + s.N, 0);
          const n = lo + Math.floor(share * (total - lo));
          const out = allocateSample(strata, n, { method, min });
          expect(out.reduce((t, s) => t + s.n, 0)).toBe(n);
          out.forEach((s, h) => {
            expect(Number.isInteger(s.n)).toBe(true);
            expect(s.n).toBeGreaterThanOrEqual(Math.min(min, strata[h].N));
            expect(s.n).toBeLessThanOrEqual(strata[h].N);
          });
        },
      ),
    );
  });
});
