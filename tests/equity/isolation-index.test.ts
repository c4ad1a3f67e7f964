import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isolationIndex } from "../../src/equity/isolation-index";
import { exposureIndex } from "../../src/equity/exposure-index";

describe("isolationIndex", () => {
  it("matches the hand derivation: X = [30, 10], Y = [10, 30]", () => {
    // xPx = (30/40)(30/40) + (10/40)(10/40) = .5625 + .0625 = 0.625
    expect(isolationIndex([30, 10], [10, 30])).toBeCloseTo(0.625, 15);
  });
  it("uses unit totals when more groups exist", () => {
    // totals 80 and 40: (30/40)(30/80) + (10/40)(10/40) = .28125 + .0625
    expect(isolationIndex([30, 10], [10, 30], { totals: [80, 40] })).toBeCloseTo(0.34375, 15);
    expect(isolationIndex([{ x: 30, y: 10, t: 80 }, { x: 10, y: 30, t: 40 }], "x", "y", { totals: "t" })).toBeCloseTo(0.34375, 15);
  });
  it("for two groups xPx + xPy = 1 (segregation package test_exposure_isolation.R)", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 10 }), (units) => {
      const x = units.map((u) => u[0]);
      const y = units.map((u) => u[1]);
      const iso = isolationIndex(x, y);
      if (iso === null) return;
      expect(iso + exposureIndex(x, y)!).toBeCloseTo(1, 12);
    }));
  });
  it("gives null when X is absent; throws when a total is below x + y", () => {
    expect(isolationIndex([0, 0], [1, 2])).toBeNull();
    expect(() => isolationIndex([5], [5], { totals: [8] })).toThrowError(/at least x \+ y/);
  });
});
