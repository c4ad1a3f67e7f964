import { describe, expect, it } from "vitest";
import { parityBand } from "../../src/equity/parity-band";
import { parityIndex } from "../../src/equity/parity-index";

describe("parityBand", () => {
  it("reads 0.97..1.03 inclusive as parity (UIS/GEM convention)", () => {
    expect(parityBand(0.97).band).toBe("parity");
    expect(parityBand(1.03).band).toBe("parity");
    expect(parityBand(1).disadvantaged).toBeNull();
  });
  it("below the band is against the group for higher-is-better indicators", () => {
    expect(parityBand(0.95)).toEqual({ band: "below", disadvantaged: "group", flags: [] });
    expect(parityBand(1.1)).toEqual({ band: "above", disadvantaged: "reference", flags: [] });
  });
  it("reverses the reading for lower-is-better indicators (dropout: girls 6%, boys 8%)", () => {
    const pi = parityIndex(6, 8, { adjusted: true }); // 0.75: girls drop out less
    expect(parityBand(pi, { direction: "lower-is-better" })).toEqual({ band: "below", disadvantaged: "reference", flags: [] });
  });
  it("an unadjusted 1.031 is outside the band but its adjusted 1.0301 is still outside, 1.03 adjusted is inside", () => {
    expect(parityBand(parityIndex(1.031, 1)).band).toBe("above");
    expect(parityBand(parityIndex(1.03, 1, { adjusted: true })).band).toBe("parity");
  });
  it("accepts custom edges and flags a null index", () => {
    expect(parityBand(0.96, { lower: 0.95, upper: 1.05 }).band).toBe("parity");
    expect(parityBand(null)).toEqual({ band: null, disadvantaged: null, flags: ["undefined-measure"] });
  });
  it("throws on inverted edges, NaN and an unknown direction", () => {
    expect(() => parityBand(1, { lower: 1.1, upper: 0.9 })).toThrowError(/lower <= upper/);
    expect(() => parityBand(Number.NaN)).toThrowError(/number or null/);
    expect(() => parityBand(1, { direction: "up" as "higher-is-better" })).toThrowError(/direction/);
  });
});
