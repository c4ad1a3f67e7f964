import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ascendingOrder } from "../../src/equity/internal/core";

/** The definition: indices sorted by value, ties (equal values, -0 beside 0) in index order. */
const reference = (x: number[]) => x.map((_, i) => i).sort((a, b) => x[a] - x[b] || a - b);

describe("ascendingOrder (the sort behind Gini, Lorenz, Palma, concentration)", () => {
  it("orders [3, 1, 2, 1] as [1, 3, 2, 0]: the two 1s keep index order", () => {
    expect(ascendingOrder([3, 1, 2, 1])).toEqual([1, 3, 2, 0]);
  });

  it("equals the comparator sort on values with ties, -0, 0 and infinities", () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(-0, 0, Infinity, -Infinity, 1e308, 5e-324), fc.double({ noNaN: true }));
    fc.assert(fc.property(fc.array(value, { maxLength: 80 }), (x) => {
      expect(ascendingOrder(x)).toEqual(reference(x));
    }));
  });

  it("keeps the comparator's order when a NaN is present", () => {
    const x = [2, Number.NaN, 1, 0];
    expect(ascendingOrder(x)).toEqual(reference(x));
  });
});
