import { describe, expect, it } from "vitest";
import { theilH } from "../../src/equity/theil-h";
import { mutualInformationIndex } from "../../src/equity/mutual-information-index";

describe("theilH", () => {
  it("is 1 for complete segregation and 0 for an even spread", () => {
    expect(theilH([{ s: "a", g: "x", n: 40 }, { s: "b", g: "y", n: 40 }], { unit: "s", group: "g", count: "n" })).toBe(1);
    expect(theilH([{ s: "a", g: "x", n: 4 }, { s: "a", g: "y", n: 2 }, { s: "b", g: "x", n: 8 }, { s: "b", g: "y", n: 4 }], { unit: "s", group: "g", count: "n" })).toBeCloseTo(0, 15);
  });
  it("is M divided by the group entropy: hand derivation for a 2 x 2 table", () => {
    // E = ln 2 for two equal groups; H = (.75 ln 1.5 + .25 ln .5) / ln 2
    const rows = [{ s: "a", g: "x", n: 30 }, { s: "a", g: "y", n: 10 }, { s: "b", g: "x", n: 10 }, { s: "b", g: "y", n: 30 }];
    const cols = { unit: "s", group: "g", count: "n" } as const;
    expect(theilH(rows, cols)).toBeCloseTo(mutualInformationIndex(rows, cols)! / Math.log(2), 15);
    expect(theilH(rows, cols)).toBeCloseTo(mutualInformationIndex(rows, cols, { base: 2 })!, 15);
  });
  it("gives null with a single group", () => {
    expect(theilH([{ s: "a", g: "x" }, { s: "b", g: "x" }], { unit: "s", group: "g" })).toBeNull();
  });
});
