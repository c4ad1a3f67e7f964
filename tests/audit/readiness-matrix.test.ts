import { describe, expect, it } from "vitest";
import { createDataset } from "../../src/dataset";
import { profiles } from "../../src/profiles";
import { readinessMatrix, readinessScore, audit, renderAuditMarkdown, renderAuditCsv, READINESS_THRESHOLDS } from "../../src/audit";
import { schools, students, teachers } from "../fixtures/three-schools";

const profile = profiles.generic;
const ds = createDataset({ profile, schools, students: students(), teachers: teachers() });
const cell = (m: ReturnType<typeof readinessMatrix>, indicator: string, dimension: string) => m.find((c) => c.indicator === indicator && c.dimension === dimension);

describe("readinessMatrix", () => {
  const m = readinessMatrix(ds);

  it("matches the hand derivation for repetition by sex (partial: one group withheld)", () => {
    // three-schools: status unknown for the 5th pupil of each school (3 of 100) → outcome
    // completeness 97/100; `requires` students.status: 3 unknown → 0.97; sex unknown 1/100.
    // Girls (first 40%): repeaters A i=9, C i=9,19 = 3 (x = 3 < minCell 5 → withheld);
    // boys: 6 of 59 (shown). 1 of 2 known groups small = 50% > 20% → partial.
    const c = cell(m, "repetition-status", "sex")!;
    expect(c.status).toBe("partial");
    expect(c.completeness).toBeCloseTo(0.97, 12);
    expect(c.unknownShare).toBeCloseTo(0.01, 12);
    expect(c.groups).toBe(2);
    expect(c.smallGroups).toBe(1);
    expect(c.reasons).toEqual(["1 of 2 groups withheld or below the minimum n"]);
    expect(c.population).toBe("n/a");
  });

  it("applies the documented thresholds (ready 95%, partial 80%) and accepts others", () => {
    expect(READINESS_THRESHOLDS).toEqual({ ready: 0.95, partial: 0.8, maxSmallShare: 0.2 });
    const strict = readinessMatrix(ds, { indicators: ["repetition-status"], thresholds: { ready: 0.98 } });
    expect(cell(strict, "repetition-status", "sex")!.reasons).toContain("completeness 97.0% is under 98.0%");
    const none = readinessMatrix(ds, { indicators: ["repetition-status"], thresholds: { partial: 0.98 } });
    expect(cell(none, "repetition-status", "sex")!.status).toBe("not-possible");
  });

  it("is ready where nothing is missing: PTR by school location", () => {
    expect(cell(m, "pupil-teacher-ratio", "location")).toMatchObject({ status: "ready", reasons: [], unknownShare: 0 });
  });

  it("pairs pupil dimensions only with indicators over pupils, teacher dimensions with teacher indicators", () => {
    expect(cell(m, "pupil-teacher-ratio", "sex")).toBeUndefined();
    expect(cell(m, "trained-teachers-percent", "teacher-gender")).toBeDefined();
    expect(cell(m, "enrolment", "teacher-age")).toBeUndefined();
  });

  it("says not possible, with the reason, for a field nobody filled and for a missing population table", () => {
    expect(cell(m, "enrolment", "ethnicity-language")).toMatchObject({ status: "not-possible" });
    expect(cell(m, "enrolment", "ethnicity-language")!.reasons[0]).toMatch(/every record has (ethnicity|language) unknown/);
    const oos = m.filter((c) => c.dimension === "out-of-school");
    expect(oos.length).toBeGreaterThan(0);
    for (const c of oos) expect(c).toMatchObject({ status: "not-possible", population: "no" });
    expect(oos[0].reasons).toContain("no population table (population by age and sex)");
  });

  it("reads a population table when there is one", () => {
    const pop = [6, 7, 8, 9, 10, 11].flatMap((age) => [{ year: 2024, age, sex: "female", population: 40 }, { year: 2024, age, sex: "male", population: 40 }]);
    const withPop = createDataset({ profile, schools, students: students(), teachers: teachers(), population: pop, year: 2024 });
    const mm = readinessMatrix(withPop);
    const oos = mm.filter((c) => c.dimension === "out-of-school");
    for (const c of oos) expect(c.population).toBe("yes");
    const byLoc = mm.find((c) => c.dimension === "location" && c.indicator.startsWith("gross-enrolment-ratio"));
    expect(byLoc).toBeDefined();
    expect(byLoc!.reasons).toContain("population table has no location");
    expect(byLoc!.population).toBe("no");
  });

  it("is deterministic and does not mutate the dataset", () => {
    expect(readinessMatrix(ds)).toEqual(m);
  });
});

describe("readinessScore and audit", () => {
  it("averages ready 1, partial 1/2, not possible 0 (× 100)", () => {
    // (1 + 0.5 + 0) / 3 × 100 = 50
    expect(readinessScore([{ status: "ready" }, { status: "partial" }, { status: "not-possible" }])).toBe(50);
    expect(readinessScore([])).toBeNull();
  });

  it("audit bundles the matrix, a score per dimension and the quality report; renderers list every cell", () => {
    const a = audit(ds);
    expect(a.score).toBeCloseTo(readinessScore(a.matrix)!, 12);
    const sex = a.dimensions.find((d) => d.dimension === "sex")!;
    const cells = a.matrix.filter((c) => c.dimension === "sex");
    expect(sex.ready + sex.partial + sex.notPossible).toBe(cells.length);
    const md = renderAuditMarkdown(a);
    expect(md).toContain("Overall readiness score");
    expect(md).toContain("| repetition-status | sex | partial | 1 of 2 groups withheld or below the minimum n |");
    const csv = renderAuditCsv(a);
    expect(csv.matrix.trim().split("\n")).toHaveLength(a.matrix.length + 1);
  });
});
