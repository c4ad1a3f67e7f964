import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { reportCommand } from "../../src/cli/report-command";
import type { EquityReport } from "../../src/report";

const out = mkdtempSync(join(tmpdir(), "emis-report-"));
const { summary, files } = reportCommand({ seeds: "seeds", out });
const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as EquityReport;
const section = report.sections[0];
const headline = (id: string) => section.headline.find((r) => r.indicator === id)!;

/** The seed CSVs parsed by hand (no quotes in these files), independent of the library. */
function seed(file: string): Array<Record<string, string>> {
  const raw = readFileSync(join("seeds/bhutan-synthetic", file));
  const text = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8").trim();
  const [head, ...lines] = text.split("\n");
  const cols = head.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i], v])));
}
const students = seed("students.csv.gz");
const teachers = seed("teachers.csv");

describe("emis-equity report on the shipped seeds", () => {
  it("writes Markdown, JSON and CSV reports", () => {
    for (const f of ["report.md", "report.json", "results.csv", "gaps.csv", "spread.csv", "rejects.csv"]) expect(existsSync(join(out, f))).toBe(true);
    expect(files).toHaveLength(6);
    expect(readFileSync(join(out, "report.md"), "utf8")).toMatch(/SYNTHETIC DATA/);
  });

  it("prints enrolment equal to the number of pupil rows in students.csv.gz", () => {
    expect(headline("enrolment").value).toBe(students.length);
    expect(summary).toMatch(/Enrolment\s+168,000/);
  });

  it("prints a PTR equal to pupils ÷ teaching staff, summed by hand", () => {
    const teaching = teachers.filter((t) => t.teaching !== "no").length;
    expect(headline("pupil-teacher-ratio").value).toBeCloseTo(students.length / teaching, 12);
  });

  it("prints a pass rate equal to passed ÷ sat, summed by hand", () => {
    const sat = students.filter((s) => s.passed === "yes" || s.passed === "no");
    const passed = sat.filter((s) => s.passed === "yes").length;
    expect(headline("pass-rate").value).toBeCloseTo((100 * passed) / sat.length, 10);
  });

  it("computes the girls-vs-boys pass-rate gap from hand counts", () => {
    const rate = (sex: string) => {
      const sat = students.filter((s) => s.sex === sex && (s.passed === "yes" || s.passed === "no"));
      return (100 * sat.filter((s) => s.passed === "yes").length) / sat.length;
    };
    const g = section.gaps.find((x) => x.indicator === "pass-rate" && x.by === "sex" && x.unitCode === null)!;
    expect(g.groupValue).toBeCloseTo(rate("female"), 10);
    expect(g.referenceValue).toBeCloseTo(rate("male"), 10);
    expect(g.gap).toBeCloseTo(rate("female") - rate("male"), 10);
  });

  it("accounts for every input row and reports none rejected", () => {
    // 566 schools + 168,000 pupils + 9,084 teachers + 6,362 sections, and the 288
    // published-figure rows of seeds/bhutan (115 + 28 + 9 + 64 + 31 + 41)
    expect(summary).toMatch(/Input rows: 184,300 read = 184,300 kept \+ 0 rejected \(10 files\)/);
  });

  it("never computes a gap from a cell that the breakdowns suppress", () => {
    const hidden = section.breakdowns.filter((r) => r.suppressed && r.level === "dzongkhag+sex");
    const key = (ind: string, dz: unknown, sex: unknown) => `${ind}|${dz}|${sex}`;
    const hiddenKeys = new Set(hidden.map((r) => key(r.indicator, r.dzongkhag, r.sex)));
    const used = section.gaps.filter((g) => g.within === "dzongkhag").flatMap((g) => [key(g.indicator, g.unitCode, g.group), key(g.indicator, g.unitCode, g.reference)]);
    expect(hidden.length).toBeGreaterThan(0); // small dzongkhag x sex dropout cells exist in the seeds
    expect(used.filter((k) => hiddenKeys.has(k))).toEqual([]);
  });
});
