import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { segregationDecomposition } from "../../src/equity/segregation-decomposition";
import { mutualInformationIndex } from "../../src/equity/mutual-information-index";
import { theilH } from "../../src/equity/theil-h";

// R package segregation, tests/testthat/test_mutual_total.R: "between + within = total" and
// "within estimation is correct", there by group supergroups; M is symmetric in units and
// groups, so here the supergroups are the districts of the units g.
const testData = [40, 20, 5, 1, 20, 40, 60, 80].map((n, i) => ({ u: i < 4 ? "a" : "b", g: String((i % 4) + 1), supergroup: i % 4 < 2 ? "12" : "34", n }));

describe("segregationDecomposition", () => {
  it("between + within = total, within = sum p_d M_d (segregation package tests)", () => {
    const r = segregationDecomposition(testData, { unit: "g", group: "u", count: "n", within: "supergroup" });
    const total = mutualInformationIndex(testData, { unit: "g", group: "u", count: "n" })!;
    expect(r.M!.total).toBeCloseTo(total, 14);
    expect(r.M!.between + r.M!.within).toBeCloseTo(total, 14);
    expect(r.M!.between).toBeCloseTo(mutualInformationIndex(testData, { unit: "supergroup", group: "u", count: "n" })!, 14);
    const p12 = (40 + 20 + 20 + 40) / 266;
    const m12 = mutualInformationIndex(testData.filter((d) => d.supergroup === "12"), { unit: "g", group: "u", count: "n" })!;
    const m34 = mutualInformationIndex(testData.filter((d) => d.supergroup === "34"), { unit: "g", group: "u", count: "n" })!;
    expect(r.M!.within).toBeCloseTo(p12 * m12 + (1 - p12) * m34, 14);
    expect(r.H!.total).toBeCloseTo(theilH(testData, { unit: "g", group: "u", count: "n" })!, 14);
    expect(r.H!.between + r.H!.within).toBeCloseTo(r.H!.total, 14);
    expect(r.components.map((c) => c.district)).toEqual(["12", "34"]);
  });
  it("keys a school by (district, school), so same-named schools in two districts stay apart", () => {
    const rows = [
      { d: "east", s: "school-1", g: "x", n: 10 },
      { d: "west", s: "school-1", g: "y", n: 10 },
    ];
    const r = segregationDecomposition(rows, { unit: "s", group: "g", count: "n", within: "d" });
    expect(r.M).toEqual({ total: Math.log(2), between: Math.log(2), within: 0 });
  });
  it("gives null parts with empty-group when there are no pupils; throws without a district column", () => {
    expect(segregationDecomposition([{ d: "a", s: "1", g: "x", n: 0 }], { unit: "s", group: "g", count: "n", within: "d" }).flags).toEqual(["empty-group"]);
    expect(() => segregationDecomposition(testData, { unit: "g", group: "u" } as never)).toThrowError(/columns.within/);
  });
  it("parts add to the total for random nested tables (property)", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom("d1", "d2", "d3"), fc.constantFrom("s1", "s2", "s3"), fc.constantFrom("x", "y", "z"), fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 30 }), (cells) => {
      const rows = cells.map(([d, s, g, n]) => ({ d, s, g, n }));
      const r = segregationDecomposition(rows, { unit: "s", group: "g", count: "n", within: "d" });
      if (r.M === null) return;
      expect(r.M.between + r.M.within).toBeCloseTo(r.M.total, 12);
      expect(r.M.within).toBeCloseTo(r.components.reduce((a, c) => a + c.contribution, 0), 12);
    }));
  });
});
