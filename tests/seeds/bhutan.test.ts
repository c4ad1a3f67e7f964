import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CountTableSpec } from "../../src/models/count-table";
import { bhutanProfile } from "../../src/profiles";
import { parseCsvText } from "../../seeds/internal/csv";

const dir = join(__dirname, "..", "..", "seeds", "bhutan");
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
  tables: { file: string; rows: number; additive: boolean; spec: unknown }[];
};
const read = (file: string) => parseCsvText(readFileSync(join(dir, file), "utf8"));
const PROVENANCE = ["value", "unit", "source_title", "source_url", "source_date", "note", "raw_file", "raw_row"];

describe("seeds/bhutan manifest", () => {
  it("lists six tables whose specs parse against CountTableSpec", () => {
    expect(manifest.tables.map((t) => t.file)).toEqual(["subnational.csv", "national_counts.csv", "national_rates.csv", "exam_counts.csv", "exam_rates.csv", "exam_subjects.csv"]);
    for (const t of manifest.tables) expect(CountTableSpec.safeParse(t.spec).success, t.file).toBe(true);
  });

  it("accounts for every raw row exactly once (115 subnational, 37 national, 136 exam)", () => {
    const byRaw: Record<string, number> = {};
    for (const t of manifest.tables) for (const r of read(t.file)) byRaw[r.raw_file] = (byRaw[r.raw_file] ?? 0) + 1;
    expect(byRaw).toEqual({ "raw/subnational_figures.csv": 115, "raw/national_figures.csv": 37, "raw/exam_results.csv": 136 });
  });

  for (const t of manifest.tables) {
    describe(t.file, () => {
      const spec = CountTableSpec.parse(t.spec);
      const rows = read(t.file);

      it("has the spec's dimensions then the provenance columns, and the manifest's row count", () => {
        expect(Object.keys(rows[0])).toEqual([...spec.dimensions, ...PROVENANCE]);
        expect(rows.length).toBe(t.rows);
      });

      it("keeps a source title and URL and a numeric value on every row", () => {
        for (const r of rows) {
          expect(r.source_url, `${t.file} raw row ${r.raw_row}`).toMatch(/^https?:\/\//);
          expect(r.source_title).not.toBe("");
          expect(Number.isFinite(Number(r.value)) && r.value !== "").toBe(true);
          for (const d of spec.dimensions) expect(r[d], `${t.file} ${d}`).not.toBe("");
        }
      });

      it("declares margins only on its dimensions, with codes that occur", () => {
        for (const [dim, margins] of Object.entries(spec.marginCodes)) {
          expect(spec.dimensions).toContain(dim);
          const seen = new Set(rows.map((r) => r[dim]));
          const codes = Array.isArray(margins) ? margins : Object.keys(margins);
          for (const c of codes) expect(seen.has(c), `${dim}=${c}`).toBe(true);
        }
      });

      it("matches its raw row's value and source", () => {
        const raw = new Map<string, Record<string, string>[]>();
        for (const r of rows) {
          if (!raw.has(r.raw_file)) raw.set(r.raw_file, read(r.raw_file));
          const src = raw.get(r.raw_file)![Number(r.raw_row) - 1];
          expect(Number(src.value)).toBe(Number(r.value));
          expect(src.source_url).toBe(r.source_url);
        }
      });
    });
  }
});

describe("seeds/bhutan figures", () => {
  it("uses Bhutan profile codes for every dzongkhag", () => {
    const codes = new Set(bhutanProfile.units.filter((u) => u.level === "dzongkhag").map((u) => u.code));
    for (const r of read("subnational.csv")) expect(codes.has(r.dzongkhag), r.dzongkhag).toBe(true);
  });

  it("holds the national calibration figures: 566 schools, 168,000 students, 9,000 teachers, 1,071 = 666 + 405 with disabilities", () => {
    const n = read("national_counts.csv");
    const get = (indicator: string, sex = "total", period?: string) =>
      n.filter((r) => r.indicator === indicator && r.sex === sex && (!period || r.reference_period === period)).map((r) => Number(r.value));
    expect(get("schools")).toEqual([566]);
    expect(get("students")).toEqual([168000]);
    expect(get("teachers")).toEqual([9000]);
    expect(get("children_with_disabilities_enrolled", "total", "c. 2024")).toEqual([1071]);
    expect(get("children_with_disabilities_enrolled", "male")[0] + get("children_with_disabilities_enrolled", "female")[0]).toBe(1071);
  });

  it("splits the Wangdue Phodrang students into boarding codes, where the known inconsistency shows", () => {
    const w = read("subnational.csv").filter((r) => r.dzongkhag === "wangdue-phodrang" && r.indicator === "students" && r.boarding === "day_scholar");
    const bySex = Object.fromEntries(w.map((r) => [r.sex, Number(r.value)]));
    expect(bySex.male + bySex.female).toBe(7066);
    expect(bySex.total).toBe(7072);
  });

  it("marks a second outlet's value of the same key as report 2", () => {
    const appeared = read("exam_counts.csv").filter((r) => r.exam.startsWith("BCSE") && r.exam_year === "2015" && r.measure === "appeared" && r.sex === "total");
    expect(appeared.map((r) => [r.report, Number(r.value)])).toEqual([["1", 11655], ["2", 11550]]);
  });
});
