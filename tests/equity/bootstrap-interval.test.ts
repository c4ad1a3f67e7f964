import { describe, expect, it } from "vitest";
import { bootstrapInterval } from "../../src/equity/bootstrap-interval";
import { gini } from "../../src/equity/gini";

const ptrs = [18, 22, 25, 31, 35, 40, 44, 52, 60, 75, 28, 33];

describe("bootstrapInterval", () => {
  it("brackets the estimate and is reproducible with a seed", () => {
    const stat = (v: number[], w: number[] | undefined) => gini(v, { weights: w });
    const a = bootstrapInterval(ptrs, stat, { seed: 42, replicates: 400 });
    const b = bootstrapInterval(ptrs, stat, { seed: 42, replicates: 400 });
    expect(a).toEqual(b);
    expect(a.estimate).toBeCloseTo(gini(ptrs)!, 15);
    expect(a.low!).toBeLessThan(a.estimate!);
    expect(a.high!).toBeGreaterThan(a.estimate!);
    expect(bootstrapInterval(ptrs, stat, { seed: 43, replicates: 400 }).low).not.toBe(a.low);
  });
  it("carries weights with the resampled units", () => {
    const seen: Array<number[] | undefined> = [];
    bootstrapInterval([1, 2, 3], (v, w) => {
      seen.push(w);
      return v.length;
    }, { weights: [5, 6, 7], replicates: 3 });
    expect(seen[0]).toEqual([5, 6, 7]);
    for (const w of seen.slice(1)) expect(w!.every((x) => x >= 5 && x <= 7)).toBe(true);
  });
  it("counts undefined replicates and flags an undefined estimate", () => {
    const r = bootstrapInterval([0, 0, 0, 5], (v) => gini(v), { replicates: 200, seed: 3 });
    expect(r.undefinedReplicates).toBeGreaterThan(0); // resamples of only zeros
    expect(bootstrapInterval([0, 0], (v) => gini(v), { replicates: 10 })).toMatchObject({ estimate: null, low: null, high: null, flags: ["undefined-measure"] });
  });
  it("narrows as the level falls", () => {
    const stat = (v: number[]) => gini(v);
    const wide = bootstrapInterval(ptrs, stat, { level: 0.95, replicates: 300 });
    const narrow = bootstrapInterval(ptrs, stat, { level: 0.5, replicates: 300 });
    expect(narrow.high! - narrow.low!).toBeLessThan(wide.high! - wide.low!);
  });
  it("throws on empty input, missing values and bad options", () => {
    expect(() => bootstrapInterval([], (v) => v.length)).toThrowError(/bootstrapInterval requires at least one value/);
    expect(() => bootstrapInterval([1, Number.NaN], (v) => v.length)).toThrowError(/missing/);
    expect(() => bootstrapInterval([1], (v) => v.length, { replicates: 0 })).toThrowError(/replicates/);
    expect(() => bootstrapInterval([1], (v) => v.length, { level: 1 })).toThrowError(/level/);
  });
});
