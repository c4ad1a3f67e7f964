import { describe, expect, it } from "vitest";
import loadHighs from "highs";
import { createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { catalogue } from "../../src/indicators/catalogue";
import { profiles } from "../../src/profiles";
import type { IndicatorDefinitionInput } from "../../src/models/indicator";
import type { ResultRow } from "../../src/models/result";

// Bhutan profile: minCell 5. Paro: 7 girls, 30 boys; Haa: 20 girls, 20 boys; and, in a
// second dataset, Gasa: 3 girls, 12 boys.
const profile = profiles.bhutan;
const schools = [
  { school_id: "P", dzongkhag: "paro", location: "rural" },
  { school_id: "H", dzongkhag: "haa", location: "remote" },
  { school_id: "G", dzongkhag: "gasa", location: "remote" },
];
const pupils: Array<Record<string, unknown>> = [];
const add = (school: string, girls: number, boys: number) => {
  for (let i = 0; i < girls + boys; i++) pupils.push({ student_id: `${school}${i}`, school_id: school, grade: "X", sex: i < girls ? "female" : "male" });
};
add("P", 7, 30);
add("H", 20, 20);
const ds = createDataset({ profile, schools, students: pupils, year: 2024 });
add("G", 3, 12);
const withGasa = createDataset({ profile, schools, students: pupils, year: 2024 });
const enrolment = catalogue.find((d) => d.id === "enrolment")!;
const strict: IndicatorDefinitionInput = { ...enrolment, id: "enrolment-strict", minCell: 10 };
const lax: IndicatorDefinitionInput = { ...enrolment, id: "enrolment-lax", minCell: 2 };
const opts = { by: ["dzongkhag", "sex"], rollup: true };
const cell = (rows: ResultRow[], dzongkhag: string | null, sex: string | null) => rows.find((r) => r.dzongkhag === dzongkhag && r.sex === sex)!;

describe("a per-indicator minimum cell size", () => {
  it("hides a cell of 7 that the profile's minimum (5) publishes", () => {
    const plain = disaggregate(ds, ["enrolment"], opts);
    const rows = disaggregate(ds, [strict], opts);
    expect(cell(plain, "paro", "female")).toMatchObject({ value: 7, suppressed: false });
    expect(cell(rows, "paro", "female")).toMatchObject({ value: null, suppressed: true, flags: ["suppressed"] });
  });

  it("protects it complementarily: an LP attacker using every published total bounds it no closer than 10", async () => {
    const highs = await loadHighs();
    const rows = disaggregate(ds, [strict], opts);
    // One variable per row; published rows are fixed; every level is the sum of the finer one.
    const cons: string[] = [];
    rows.forEach((r, i) => !r.suppressed && cons.push(`v${i} = ${r.value}`));
    const sumOf = (parent: (r: ResultRow) => boolean, child: (r: ResultRow) => boolean) => {
      const p = rows.findIndex(parent);
      const kids = rows.map((r, i) => (child(r) ? ` - v${i}` : "")).join("");
      cons.push(`v${p}${kids} = 0`);
    };
    sumOf((r) => r.level === "total", (r) => r.level === "dzongkhag");
    sumOf((r) => r.level === "total", (r) => r.level === "dzongkhag+sex");
    for (const d of ["paro", "haa"]) sumOf((r) => r.level === "dzongkhag" && r.dzongkhag === d, (r) => r.level === "dzongkhag+sex" && r.dzongkhag === d);
    const target = rows.indexOf(cell(rows, "paro", "female"));
    const solve = (sense: string) => highs.solve(`${sense}\n obj: v${target}\nSubject To\n${cons.map((c, k) => ` c${k}: ${c}`).join("\n")}\nEnd\n`);
    const lo = solve("Minimize");
    const hi = solve("Maximize");
    expect([lo.Status, hi.Status]).toEqual(["Optimal", "Optimal"]);
    expect(lo.ObjectiveValue).toBeLessThanOrEqual(7);
    expect(hi.ObjectiveValue).toBeGreaterThanOrEqual(7);
    expect(hi.ObjectiveValue - lo.ObjectiveValue).toBeGreaterThanOrEqual(10);
  });

  it("holds for every indicator sharing the fact: Paro's share of girls (numerator 7) is not published beside it", () => {
    const rows = disaggregate(ds, [strict, "female-pupils-percent"], opts);
    const share = rows.find((r) => r.indicator === "female-pupils-percent" && r.dzongkhag === "paro" && r.sex === null)!;
    expect(share).toMatchObject({ numerator: null, value: null, suppressed: true });
    // alone, at the profile's minimum, the share is published with its 7 girls
    const alone = disaggregate(ds, ["female-pupils-percent"], opts).find((r) => r.dzongkhag === "paro" && r.sex === null)!;
    expect(alone).toMatchObject({ numerator: 7, denominator: 37, suppressed: false });
    for (const r of rows) if (!r.suppressed && r.numerator !== null) expect(r.numerator === 0 || r.numerator >= 10).toBe(true);
  });

  it("cannot weaken the profile's minimum: with minCell 2 the 3 girls of Gasa stay hidden", () => {
    const rows = disaggregate(withGasa, [lax], opts);
    expect(cell(rows, "gasa", "female")).toMatchObject({ value: null, suppressed: true });
  });

  it("is validated with the definition (a negative minimum names the field)", () => {
    expect(() => disaggregate(ds, [{ ...enrolment, id: "bad", minCell: -1 }], opts)).toThrow(/minCell/);
  });
});
