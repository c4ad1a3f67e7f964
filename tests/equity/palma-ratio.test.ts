import { describe, expect, it } from "vitest";
import { palmaRatio } from "../../src/equity/palma-ratio";
import { shareRatio } from "../../src/equity/share-ratio";

describe("palmaRatio", () => {
  it("matches the hand derivation: ten units, top one holds 6, bottom four hold 1 each", () => {
    expect(palmaRatio([2, 1, 1, 2, 1, 2, 6, 2, 1, 2])).toBeCloseTo(1.5, 14);
  });
  it("is shareRatio with top 0.1 and bottom 0.4, also on rows", () => {
    const xs = [3, 8, 1, 9, 4, 4, 7];
    expect(palmaRatio(xs)).toBeCloseTo(shareRatio(xs, { top: 0.1, bottom: 0.4 })!, 14);
    expect(palmaRatio(xs.map((v) => ({ v })), "v")).toBeCloseTo(palmaRatio(xs)!, 14);
  });
  it("is 0.25 for all equal values, null when the bottom 40% hold nothing", () => {
    expect(palmaRatio([4, 4, 4, 4])).toBeCloseTo(0.25, 14);
    expect(palmaRatio([0, 0, 0, 0, 10])).toBeNull();
  });
  it("throws on empty input", () => {
    expect(() => palmaRatio([])).toThrowError(/palmaRatio requires at least one value/);
  });
});
