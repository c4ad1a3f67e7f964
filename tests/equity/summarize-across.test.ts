import { describe, expect, it } from "vitest";
import type { ResultRow } from "../../src/models/result";
import { summarizeAcross } from "../../src/equity/summarize-across";
import { gini } from "../../src/equity/gini";

function row(school: string | null, district: string | null, value: number | null, pupils: number | null, extra: Partial<ResultRow> = {}): ResultRow {
  return { indicator: "ptr", level: "school", school, district, numerator: pupils, denominator: value && pupils ? pupils / value : null, value, n: pupils, nExcluded: 0, ciLow: null, ciHigh: null, suppressed: false, flags: [], ...extra };
}

// Four schools' PTRs; one suppressed, one with a null value (zero teachers).
const table: ResultRow[] = Object.freeze([
  row("s1", "east", 20, 200),
  row("s2", "east", 40, 400),
  row("s3", "west", 30, 300),
  row("s4", "west", 60, 600),
  { ...row("s5", "west", null, null), suppressed: true, flags: ["suppressed"] },
  row("s6", "west", null, 50, { flags: ["zero-denominator"] }),
  { ...row(null, null, 37.5, 1500), level: "total" },
]) as ResultRow[];

describe("summarizeAcross", () => {
  it("gives the Gini of school PTRs, skipping suppressed and null rows and counting them", () => {
    const [r] = summarizeAcross(table, { measure: "gini", level: "school" });
    expect(r).toMatchObject({ indicator: "ptr", measure: "gini", level: "school", n: 4, nSuppressed: 1, nMissing: 1, weighted: false, flags: [] });
    expect(r.value).toBeCloseTo(gini([20, 40, 30, 60])!, 15);
  });
  it("weights by a count column and summarises within a dimension", () => {
    const rows = summarizeAcross(table, { measure: "coefficient-of-variation", level: "school", by: ["district"], weight: "n" });
    expect(rows.map((r) => r.district)).toEqual(["east", "west"]);
    // east: [20 x 200, 40 x 400]: mean 33.33, var = (200*177.78 + 400*44.44)/600 = 88.89
    expect(rows[0].value).toBeCloseTo(Math.sqrt(800 / 9) / (100 / 3), 12);
    expect(rows[1]).toMatchObject({ n: 2, nSuppressed: 1, nMissing: 1, weighted: true });
  });
  it("flags an empty group and a single unit", () => {
    const onlySuppressed = [table[4]];
    expect(summarizeAcross(onlySuppressed, { measure: "gini" })[0]).toMatchObject({ value: null, n: 0, nSuppressed: 1, flags: ["empty-group"] });
    expect(summarizeAcross([table[0]], { measure: "gini" })[0]).toMatchObject({ value: 0, flags: ["single-unit"] });
  });
  it("flags a zero mean", () => {
    expect(summarizeAcross([row("a", "x", 0, 1), row("b", "x", 0, 1)], { measure: "theil" })[0]).toMatchObject({ value: null, flags: ["zero-mean"] });
  });
  it("throws on an unknown measure or weight, and on a non-table", () => {
    expect(() => summarizeAcross(table, { measure: "median" as "gini" })).toThrowError(/has no measure median/);
    expect(() => summarizeAcross(table, { measure: "gini", weight: "pupils" as "n" })).toThrowError(/requires weight/);
    expect(() => summarizeAcross({} as never, { measure: "gini" })).toThrowError(/requires a ResultTable/);
  });
});
