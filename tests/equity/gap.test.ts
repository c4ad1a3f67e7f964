import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { gap } from "../../src/equity/gap";

describe("gap", () => {
  it("gives the absolute gap in the indicator's unit and the relative gap: rural 72% vs urban 80%", () => {
    // 72 - 80 = -8 percentage points; -8 / 80 = -0.1
    expect(gap(72, 80)).toEqual({ absolute: -8, relative: -0.1, disadvantaged: "group", flags: [] });
  });
  it("keeps the sign but reads the direction: girls' dropout 12% vs boys' 8% disadvantages girls", () => {
    expect(gap(12, 8, { direction: "lower-is-better" })).toEqual({ absolute: 4, relative: 0.5, disadvantaged: "group", flags: [] });
    expect(gap(12, 8).disadvantaged).toBe("reference");
  });
  it("reports no one disadvantaged for equal values", () => {
    expect(gap(5, 5)).toEqual({ absolute: 0, relative: 0, disadvantaged: null, flags: [] });
  });
  it("gives relative null with zero-denominator for a zero reference, undefined-measure for a negative one", () => {
    expect(gap(3, 0)).toEqual({ absolute: 3, relative: null, disadvantaged: "reference", flags: ["zero-denominator"] });
    expect(gap(-0.2, -0.5).flags).toEqual(["undefined-measure"]);
  });
  it("throws on missing values", () => {
    expect(() => gap(Number.NaN, 1)).toThrowError(/gap requires a value/);
    expect(() => gap(1, undefined as unknown as number)).toThrowError(/reference value/);
  });
  it("is antisymmetric in its absolute part and swaps who is disadvantaged", () => {
    fc.assert(fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), (a, b) => {
      const ab = gap(a, b);
      const ba = gap(b, a);
      expect(ab.absolute + ba.absolute).toBeCloseTo(0, 12);
      if (a !== b) expect(ab.disadvantaged).not.toBe(ba.disadvantaged);
    }));
  });
});
