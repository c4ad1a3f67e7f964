import { describe, expect, expectTypeOf, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogue, indicatorIndex, indicatorPage, loadCatalogue, parseIndicator } from "../../src/indicators";
import { IndicatorDefinition, isEmisError, type IndicatorDefinitionInput } from "../../src/models";
import { createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { profiles } from "../../src/profiles";
import { schools, students, teachers } from "../fixtures/three-schools";

describe("catalogue", () => {
  it("every definition is valid JSON-serialisable data with a unique kebab-case id, a formula and a name", () => {
    const ids = new Set<string>();
    for (const d of catalogue) {
      const parsed = parseIndicator(JSON.parse(JSON.stringify(d)));
      expect(parsed.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(ids.has(parsed.id)).toBe(false);
      ids.add(parsed.id);
      expect(parsed.formula, parsed.id).toBeTruthy();
    }
  });
  it("holds the four kinds, with status rates and UIS flow rates as different ids", () => {
    const kinds = new Set(catalogue.map((d) => d.kind));
    expect([...kinds].sort()).toEqual(["distribution", "external", "flow", "ratio"]);
    const ids = catalogue.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(["repetition-status", "repetition-rate-uis", "gross-enrolment-ratio-primary", "pupil-qualified-teacher-ratio", "inclusive-pedagogy-index"]));
  });
  it("types: entries fit IndicatorDefinitionInput and parse to IndicatorDefinition", () => {
    expectTypeOf(catalogue).toMatchTypeOf<readonly IndicatorDefinitionInput[]>();
    expectTypeOf(parseIndicator).returns.toEqualTypeOf<IndicatorDefinition>();
  });
});

describe("loadCatalogue", () => {
  const ds = createDataset({ profile: profiles.generic, schools, students: students(), teachers: teachers() });
  it("an adapted definition in JSON changes the result as expected: PTR per trained teacher via extends", () => {
    // three-schools: 100 pupils; trained teachers = all but the first of each school = 0 + 3 + 4 = 7 → 100/7
    const json = JSON.stringify([{ extends: "pupil-teacher-ratio", id: "ptr-trained", name: "PTR (trained)", denominator: { fact: "teachers", measure: "trained" } }]);
    const cat = loadCatalogue(json, { base: catalogue });
    expect(cat.length).toBe(catalogue.length + 1);
    const [base] = disaggregate(ds, ["pupil-teacher-ratio"], { catalogue: cat, suppression: false });
    const [mine] = disaggregate(ds, ["ptr-trained"], { catalogue: cat, suppression: false });
    expect(base.value).toBe(10);
    expect(mine.value).toBeCloseTo(100 / 7, 12);
  });
  it("overrides a built-in id in place (a national norm of scale)", () => {
    const cat = loadCatalogue({ indicators: [{ ...catalogue.find((d) => d.id === "female-pupils-percent")!, scale: 1, unit: "share" }] }, { base: catalogue });
    expect(cat.length).toBe(catalogue.length);
    const [row] = disaggregate(ds, ["female-pupils-percent"], { catalogue: cat, suppression: false });
    // girls: 40% of 30, 20, 50 = 12 + 8 + 20 = 40 of 99 pupils of known sex
    expect(row.value).toBeCloseTo(40 / 99, 12);
  });
  it("an invalid definition gets an error naming the entry, the id and the field", () => {
    const bad = [{ id: "x", name: "X", kind: "ratio", unit: "percent", direction: "up", statistic: "proportion", numerator: { fact: "students", measure: "enrolled" } }];
    try {
      loadCatalogue(bad);
      expect.unreachable();
    } catch (e) {
      expect(isEmisError(e) && e.code).toBe("invalid-definition");
      expect((e as Error).message).toMatchInlineSnapshot(`"loadCatalogue: entry 0: indicator x: field direction invalid option: expected one of "higher-is-better"|"lower-is-better"|"neutral""`);
    }
    expect(() => loadCatalogue([{ extends: "nope", id: "y" }], { base: catalogue })).toThrow(/extends nope/);
    expect(() => loadCatalogue("{ not json")).toThrow(/not valid JSON/);
    expect(() => loadCatalogue([{ ...catalogue[0], kind: "flow" }])).toThrow(/field method/);
  });
});

describe("docs/indicators", () => {
  const dir = join(__dirname, "..", "..", "docs", "indicators");
  it("has one up-to-date page per catalogue indicator and the index (run: npx tsx scripts/build-indicator-docs.ts)", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".md")).sort();
    expect(files).toEqual([...catalogue.map((d) => `${d.id}.md`), "README.md"].sort());
    for (const d of catalogue) expect(readFileSync(join(dir, `${d.id}.md`), "utf8"), d.id).toBe(indicatorPage(d));
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe(indicatorIndex(catalogue));
  });
  it("a page states the formula, interpretation, data needed and source", () => {
    const page = indicatorPage(catalogue.find((d) => d.id === "repetition-rate-uis"));
    for (const h of ["## Formula", "## Interpretation", "## Data needed", "## Source", "```json"]) expect(page).toContain(h);
    expect(page).toContain("glossary-term/repetition-rate-grade");
  });
});
