import { describe, expect, it } from "vitest";
import { createDataset } from "../../src/dataset";
import { profiles } from "../../src/profiles";
import { buildSection, renderSectionMarkdown } from "../../src/report";
import { audit } from "../../src/audit";

// A ninth disclosure trial: the section hid school Y's 3 pupils (2024) and Z's 2
// (2023), and its data-quality findings printed them ("school Y (2024) has 3 pupils
// and no teaching staff", "enrolment 2 in 2023 and 30 in 2024").
function dataset() {
  const schools: Array<Record<string, unknown>> = [];
  const students: Array<Record<string, unknown>> = [];
  const teachers: Array<Record<string, unknown>> = [];
  const plan: Record<string, [number, number, number]> = { A: [40, 42, 4], B: [35, 38, 4], Z: [2, 30, 3], Y: [20, 3, 0], C: [50, 52, 5] };
  for (const [id, [n23, n24, nt]] of Object.entries(plan)) {
    schools.push({ school_id: id, dzongkhag: "bumthang", location: "rural" });
    for (const [yr, n] of [[2023, n23], [2024, n24]] as const) {
      for (let i = 0; i < n; i++) students.push({ student_id: `${id}-${yr}-${i}`, school_id: id, year: yr, grade: "PP", sex: i % 2 ? "female" : "male", age: 5, repeater: "no", disability: "no" });
      for (let i = 0; i < nt; i++) teachers.push({ teacher_id: `${id}-${yr}-t${i}`, school_id: id, year: yr, sex: "female", trained: "yes" });
    }
  }
  return createDataset({ profile: profiles.bhutan, schools, students, teachers });
}

describe("a report section's readiness audit", () => {
  it("publishes data-quality counts by rule, not the records that quote hidden figures", () => {
    const ds = dataset();
    const full = audit(ds);
    // the audit itself, for the data team, names the records
    expect(full.quality.findings.some((f) => f.record.includes("Y"))).toBe(true);
    const section = buildSection({ id: "t", title: "t", source: "s", dataset: ds, headline: ["enrolment"], breakdowns: [{ by: ["year", "school"], indicators: ["enrolment"] }], readiness: true });
    expect(section.breakdowns.find((r) => r.school === "Y" && r.year === "2024")).toMatchObject({ value: null, suppressed: true });
    expect(section.readiness!.quality.findings).toEqual([]);
    expect(section.readiness!.quality.counts).toEqual(full.quality.counts);
    const md = renderSectionMarkdown(section);
    expect(md).toContain("Findings by rule");
    expect(md).not.toMatch(/school (Y|Z)\b/);
    expect(md).not.toMatch(/has 3 pupils|enrolment 2 in 2023/);
  });
});
