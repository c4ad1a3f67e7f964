import { describe, expect, it } from "vitest";
import { range } from "../../src/equity/range";

describe("range", () => {
  it("range(values) is max - min", () => {
    expect(range([820, 1000, 640, 1210])).toBe(570);
    expect(range([{ v: 2 }, { v: 7 }], "v")).toBe(5);
  });
  it("throws negative-value on a negative amount (the equity layer's one negative rule)", () => {
    // range([-2, 3]) used to give 5; amounts per pupil are never negative (METHODS.md 3.7)
    expect(() => range([{ v: -2 }, { v: 3 }], "v")).toThrowError("range requires non-negative values; got -2 at index 0");
  });
  it("leaves out zero-weight units and gives 0 for one value", () => {
    expect(range([1, 50, 9], { weights: [1, 0, 1] })).toBe(8);
    expect(range([4])).toBe(0);
  });
  it("throws on empty and missing input", () => {
    expect(() => range([])).toThrowError(/range requires at least one value/);
    expect(() => range([1, Number.NaN])).toThrowError(/missing/);
  });
});
