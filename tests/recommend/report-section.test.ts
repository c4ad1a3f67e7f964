import { describe, expect, it } from "vitest";
import { createDataset } from "../../src/dataset";
import { profiles } from "../../src/profiles";
import { buildSection, renderMarkdown } from "../../src/report";
import { defaultRules } from "../../src/recommend";
import { schools, students, teachers } from "../fixtures/three-schools";

const ds = createDataset({ profile: profiles.generic, schools, students: students(), teachers: teachers() });

describe("report section with readiness and recommendations", () => {
  const rule = {
    id: "ptr-above-8",
    title: "PTR above 8",
    when: { kind: "threshold", indicator: "pupil-teacher-ratio", by: ["location"], op: "above", value: 8 },
    severity: "high",
    priority: 1,
    text: "PTR {{value}} in {{group}} schools",
    evidence: ["value"],
    sources: [{ title: "test norm" }],
  };
  const s = buildSection({ id: "t", title: "T", source: "fixture", dataset: ds, headline: ["enrolment"], breakdowns: [{ indicators: ["pupil-teacher-ratio"], by: ["location"] }], readiness: true, rules: [defaultRules, { id: "local", name: "local", rules: [rule] }] });

  it("computes the readiness matrix and recommendations from the section's table", () => {
    expect(s.readiness!.score).toBeGreaterThan(0);
    // rural (30 + 20)/(1 + 4) = 10, urban 50/5 = 10: both above 8
    const r = s.recommendations!.find((x) => x.rule === "ptr-above-8")!;
    expect(r.text).toBe("PTR 10 in rural schools");
    expect(r.groups).toEqual(["rural", "urban"]);
    expect(s.recommendations!.some((x) => x.rule === "readiness-gaps")).toBe(true);
  });

  it("renders both in Markdown; a section without them renders as before", () => {
    const md = renderMarkdown({ title: "R", sections: [s] });
    expect(md).toContain("### Recommendations");
    expect(md).toContain("PTR 10 in rural schools");
    expect(md).toContain("### EMIS readiness audit");
    const plain = buildSection({ id: "t", title: "T", source: "fixture", dataset: ds, headline: ["enrolment"] });
    expect(plain.readiness).toBeUndefined();
    expect(renderMarkdown({ title: "R", sections: [plain] })).not.toContain("### Recommendations");
  });
});
