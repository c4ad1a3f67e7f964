import { describe, expect, it } from "vitest";
import type { ResultRow } from "../../src/models/result";
import { parityBetween } from "../../src/equity/parity-between";

function row(indicator: string, district: string | null, sex: string | null, value: number | null, extra: Partial<ResultRow> = {}): ResultRow {
  return { indicator, level: "district+sex", district, sex, numerator: null, denominator: null, value, n: 100, nExcluded: 0, ciLow: null, ciHigh: null, suppressed: false, flags: [], ...extra };
}

const table: ResultRow[] = [
  row("pass-rate", "Thimphu", "female", 84),
  row("pass-rate", "Thimphu", "male", 80),
  row("pass-rate", "Paro", "female", 70),
  row("pass-rate", "Paro", "male", 80),
  row("pass-rate", "Gasa", "female", null, { suppressed: true, flags: ["suppressed"], n: null }),
  row("pass-rate", "Gasa", "male", 75),
  row("pass-rate", "Haa", "female", 60),
  row("dropout-rate", "Paro", "female", 6),
  row("dropout-rate", "Paro", "male", 8),
  row("pass-rate", null, null, 78, { level: "total" }),
];

describe("parityBetween", () => {
  it("gives female/male parity, gaps and the band in each district", () => {
    const rows = parityBetween(table, { dimension: "sex", reference: "male", indicator: "pass-rate" });
    const thimphu = rows.find((r) => r.district === "Thimphu")!;
    // 84/80 = 1.05; adjusted 2 - 1/1.05 = 1.047619; gap +4 points, +5%
    expect(thimphu).toMatchObject({ group: "female", reference: "male", groupValue: 84, referenceValue: 80, gapAbsolute: 4, band: "above", disadvantaged: "reference", flags: [] });
    expect(thimphu.parityIndex).toBeCloseTo(1.05, 15);
    expect(thimphu.value).toBeCloseTo(2 - 1 / 1.05, 15);
    expect(thimphu.gapRelative).toBeCloseTo(0.05, 15);
    const paro = rows.find((r) => r.district === "Paro")!;
    expect(paro).toMatchObject({ value: 0.875, band: "below", disadvantaged: "group" });
  });
  it("never reads a suppressed cell as 0 and flags a missing reference", () => {
    const rows = parityBetween(table, { dimension: "sex", reference: "male", indicator: "pass-rate" });
    expect(rows.find((r) => r.district === "Gasa")).toMatchObject({ value: null, groupValue: null, referenceValue: 75, flags: ["suppressed"] });
    expect(rows.find((r) => r.district === "Haa")).toMatchObject({ value: null, referenceValue: null, flags: ["empty-group"] });
    expect(rows.some((r) => r.level === "total")).toBe(false);
  });
  it("reads the direction per indicator: lower dropout for girls disadvantages boys", () => {
    const [r] = parityBetween(table, { dimension: "sex", reference: "male", indicator: "dropout-rate", direction: { "dropout-rate": "lower-is-better" } });
    expect(r).toMatchObject({ value: 0.75, gapAbsolute: -2, band: "below", disadvantaged: "reference" });
  });
  it("can return the unadjusted index and restrict the groups", () => {
    const rows = parityBetween(table, { dimension: "sex", reference: "male", group: "female", indicator: "pass-rate", adjusted: false });
    expect(rows.find((r) => r.district === "Thimphu")).toMatchObject({ measure: "parity-index" });
    expect(rows.find((r) => r.district === "Thimphu")!.value).toBeCloseTo(1.05, 15);
    expect(parityBetween(table, { dimension: "sex", reference: "male", group: "other" })).toEqual([]);
  });
  it("throws without a dimension and reference", () => {
    expect(() => parityBetween(table, { dimension: "sex" } as never)).toThrowError(/requires options \{ dimension, reference \}/);
  });
});
