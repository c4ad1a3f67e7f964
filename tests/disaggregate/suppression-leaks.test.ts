import { describe, expect, it } from "vitest";
import { createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { profiles } from "../../src/profiles";
import { catalogue } from "../../src/indicators/catalogue";
import type { DistributionIndicator, IndicatorDefinitionInput } from "../../src/models/indicator";
import type { ResultRow } from "../../src/models/result";

// Findings of a hostile user trial, each a way to recover a hidden count; minCell 5.
const profile = profiles.bhutan;
const schools = [
  { school_id: "P", dzongkhag: "paro", location: "rural" },
  { school_id: "H", dzongkhag: "haa", location: "remote" },
];
function pupils() {
  const rows: Array<Record<string, unknown>> = [];
  // Paro: 30 girls, 30 boys, 3 of unknown sex. Haa: 20 girls + 20 boys without
  // disability (pass known), 2 girls with disability whose result is unknown.
  for (let i = 0; i < 63; i++) rows.push({ student_id: `p${i}`, school_id: "P", grade: "X", sex: i < 30 ? "female" : i < 60 ? "male" : "unknown", passed: i % 3 ? "yes" : "no", disability: "no" });
  for (let i = 0; i < 40; i++) rows.push({ student_id: `h${i}`, school_id: "H", grade: "X", sex: i < 20 ? "female" : "male", passed: i % 4 ? "yes" : "no", disability: "no" });
  rows.push({ student_id: "h40", school_id: "H", grade: "X", sex: "female", passed: "unknown", disability: "yes" });
  rows.push({ student_id: "h41", school_id: "H", grade: "X", sex: "female", passed: "unknown", disability: "yes" });
  return rows;
}
const ds = createDataset({ profile, schools, students: pupils(), year: 2024 });

describe("disclosure control: leaks found by the user trial", () => {
  it("publishes the headcount of an unknown code: it states no attribute and differencing gives it anyway", () => {
    const rows = disaggregate(ds, ["enrolment", "female-pupils-percent"], { by: ["dzongkhag", "sex"], rollup: true });
    const paroUnknown = rows.find((r) => r.indicator === "enrolment" && r.dzongkhag === "paro" && r.sex === "unknown")!;
    const enrolParo = rows.find((r) => r.indicator === "enrolment" && r.dzongkhag === "paro" && r.sex === null)!;
    const shareParo = rows.find((r) => r.indicator === "female-pupils-percent" && r.dzongkhag === "paro" && r.sex === null)!;
    // 63 − 60 = 3: the difference the trial used is exactly the published unknown cell.
    expect([paroUnknown.value, enrolParo.value, shareParo.denominator]).toEqual([3, 63, 60]);
  });

  it("hides a small cell for every indicator of the same fact (a count hidden for one is hidden for all)", () => {
    const small = [...pupils(), ...Array.from({ length: 3 }, (_, i) => ({ student_id: `g${i}`, school_id: "G", grade: "X", sex: "female", passed: "yes", disability: "no" }))];
    const d2 = createDataset({ profile, schools: [...schools, { school_id: "G", dzongkhag: "gasa", location: "remote" }], students: small, year: 2024 });
    const rows = disaggregate(d2, ["enrolment", "female-pupils-percent", "pass-rate"], { by: ["dzongkhag"], rollup: true });
    for (const r of rows.filter((x) => x.dzongkhag === "gasa")) expect(r.suppressed).toBe(true);
  });

  it("suppresses a small cell whose outcomes are all unknown (2 girls with disabilities, results unknown)", () => {
    const rows = disaggregate(ds, ["pass-rate"], { by: ["dzongkhag", "disability", "sex"], rollup: true });
    const cell = rows.filter((r) => r.dzongkhag === "haa" && r.disability === "yes");
    expect(cell.length).toBeGreaterThan(0);
    for (const r of cell) expect(r).toMatchObject({ suppressed: true, value: null, numerator: null, denominator: null, n: null, nExcluded: null, ciLow: null, ciHigh: null });
  });

  it("leaves no flag on a suppressed row but the suppression flag (zero-denominator would reveal a 0)", () => {
    const rows = disaggregate(ds, ["pass-rate"], { by: ["dzongkhag", "disability", "sex"], rollup: true });
    for (const r of rows.filter((x) => x.suppressed)) expect(r.flags).toHaveLength(1);
  });

  it("publishes unknown-outcome counts only for the national total, and only when ≥ minCell", () => {
    const rows = disaggregate(ds, ["pass-rate"], { by: ["dzongkhag"], rollup: true });
    expect(rows.filter((r) => r.level !== "total").every((r) => r.nExcluded === null)).toBe(true);
    // 2 unknown results nationally: under 5, withheld; the flag still says some were left out.
    expect(rows[0]).toMatchObject({ level: "total", nExcluded: null });
    expect(rows[0].flags).toContain("unknown-excluded");
    const off = disaggregate(ds, ["pass-rate"], { by: ["dzongkhag"], rollup: true, suppression: false });
    expect(off[0].nExcluded).toBe(2);
  });

  it("refuses a minimum cell size that would silently switch suppression off", () => {
    for (const minCell of [Number.NaN, -1, 2.5]) {
      expect(() => disaggregate(ds, ["enrolment"], { by: ["sex"], suppression: { minCell } })).toThrowError(/minCell must be a whole number/);
    }
    expect(() => disaggregate(ds, ["enrolment"], { by: ["sex"], suppression: { minCel: 5 } as never })).toThrowError(/unknown suppression option minCel/);
  });

  it("hides a distribution over one unit whose count is small: a school's own ratio times its published denominator gives the count", () => {
    const sch = [{ school_id: "A", dzongkhag: "paro", location: "rural" }, { school_id: "B", dzongkhag: "paro", location: "urban" }];
    const kids: Array<Record<string, unknown>> = [];
    const add = (s: string, n: number, dis: number) => { for (let i = 0; i < n; i++) kids.push({ student_id: `${s}${i}`, school_id: s, grade: "X", sex: i % 2 ? "female" : "male", disability: i < dis ? "yes" : "no" }); };
    add("A", 40, 3);
    add("B", 40, 20);
    const staff = ["A", "B"].flatMap((s) => Array.from({ length: 20 }, (_, i) => ({ teacher_id: `${s}t${i}`, school_id: s, sex: i % 2 ? "female" : "male" })));
    const d3 = createDataset({ profile, schools: sch, students: kids, teachers: staff, year: 2024 });
    const gini = catalogue.find((d) => d.id === "gini-school-ptr")! as DistributionIndicator;
    // pupils with a disability per teacher, averaged over schools: at one school, 3 / 20
    const perTeacher = { ...gini, id: "disabled-per-teacher", summary: "mean-of-units", numerator: { ...gini.numerator, filter: { eq: ["disability", "yes"] } } } as IndicatorDefinitionInput;
    const rows = disaggregate(d3, [perTeacher, "female-teachers-percent"], { by: ["school"] });
    const at = (id: string, school: string) => rows.find((r) => r.indicator === id && r.school === school)!;
    expect(at("disabled-per-teacher", "A")).toMatchObject({ value: null, suppressed: true, flags: ["suppressed"] });
    // the summary is hidden by itself: A's 20 teachers are no small count and stay published
    expect(at("female-teachers-percent", "A")).toMatchObject({ denominator: 20, suppressed: false });
    // 20 pupils with a disability at B are not small: published
    expect(at("disabled-per-teacher", "B")).toMatchObject({ value: 1, suppressed: false });
  });

  it("hides a summary of fewer units than the minimum when one unit is small: the Gini of two schools solves back to their counts", () => {
    // School A: 3 pupils, 2 teachers; B: 40 pupils, 5 teachers (region R1). The region's
    // enrolment (43) and PTR (43/7) plus the two-school Gini (0.342) leave one integer
    // solution, {3/2, 40/5}; a few more schools (C..F) make a summary that solves nothing.
    const schoolsOf = (ids: string[]) => ids.map((id) => ({ school_id: id, dzongkhag: "paro", location: "rural" }));
    const make = (sizes: Array<[string, number, number]>) => {
      const kids = sizes.flatMap(([s, p]) => Array.from({ length: p }, (_, i) => ({ student_id: `${s}${i}`, school_id: s, grade: "X", sex: i % 2 ? "female" : "male" })));
      const staff = sizes.flatMap(([s, , t]) => Array.from({ length: t }, (_, i) => ({ teacher_id: `${s}t${i}`, school_id: s, sex: "female" })));
      return createDataset({ profile, schools: schoolsOf(sizes.map(([s]) => s)), students: kids, teachers: staff, year: 2024 });
    };
    const ids = ["enrolment", "pupil-teacher-ratio", "gini-school-ptr"];
    const few = disaggregate(make([["A", 3, 2], ["B", 40, 5]]), ids, { by: ["dzongkhag"] });
    const pick = (rows: ResultRow[], id: string) => rows.find((r) => r.indicator === id)!;
    expect(pick(few, "gini-school-ptr")).toMatchObject({ value: null, suppressed: true });
    // the region's own counts are not small and stay published
    expect(pick(few, "enrolment")).toMatchObject({ value: 43, suppressed: false });
    expect(pick(few, "pupil-teacher-ratio")).toMatchObject({ numerator: 43, denominator: 7, suppressed: false });
    const many = disaggregate(make([["A", 3, 2], ["B", 40, 5], ["C", 60, 3], ["D", 25, 2], ["E", 80, 4]]), ids, { by: ["dzongkhag"] });
    expect(pick(many, "gini-school-ptr").suppressed).toBe(false);
  });

  it("tests the summarised units' own counts, not the group's sums (a zero-teacher school beside a small one)", () => {
    // A: 40 pupils, no teacher (left out of a median as infinite); B: 3 pupils, 5 teachers.
    const sch = [{ school_id: "A", dzongkhag: "paro", location: "rural" }, { school_id: "B", dzongkhag: "paro", location: "rural" }];
    const kids = [...Array.from({ length: 40 }, (_, i) => ({ student_id: `a${i}`, school_id: "A", grade: "X", sex: "male" })), ...Array.from({ length: 3 }, (_, i) => ({ student_id: `b${i}`, school_id: "B", grade: "X", sex: "male" }))];
    const staff = Array.from({ length: 5 }, (_, i) => ({ teacher_id: `t${i}`, school_id: "B", sex: "female" }));
    const d4 = createDataset({ profile, schools: sch, students: kids, teachers: staff, year: 2024 });
    const gini = catalogue.find((d) => d.id === "gini-school-ptr")! as DistributionIndicator;
    const median = { ...gini, id: "median-ptr", summary: "median" } as IndicatorDefinitionInput;
    const rows = disaggregate(d4, [median, "pupil-teacher-ratio"], { by: ["dzongkhag"] });
    expect(rows.find((r) => r.indicator === "median-ptr")).toMatchObject({ value: null, suppressed: true });
  });

  it("hides a cell whose rates over one denominator leave a small remainder: repetition 10/40 and promotion 28/40 give 2 dropouts", () => {
    const sch = [{ school_id: "A", dzongkhag: "paro", location: "rural" }, { school_id: "B", dzongkhag: "haa", location: "rural" }];
    const kids: Array<Record<string, unknown>> = [];
    const add = (s: string, rep: number, prom: number, drop: number) =>
      [...Array(rep).fill("repeated"), ...Array(prom).fill("promoted"), ...Array(drop).fill("dropped-out")].forEach((status, i) =>
        kids.push({ student_id: `${s}${i}`, school_id: s, grade: "X", sex: i % 2 ? "female" : "male", status }));
    add("A", 10, 28, 2);
    add("B", 12, 30, 15);
    const d5 = createDataset({ profile, schools: sch, students: kids, year: 2024 });
    const rows = disaggregate(d5, ["repetition-status", "promotion-status"], { by: ["dzongkhag"], rollup: true });
    for (const r of rows.filter((x) => x.dzongkhag === "paro")) expect(r).toMatchObject({ numerator: null, suppressed: true });
    // Haa's remainder (15 dropouts) is not small; it is hidden only as Paro's complement in the national equation
    for (const r of rows.filter((x) => x.dzongkhag === "haa")) expect(r.flags).toEqual(["suppressed-complementary"]);
    // with 15 dropouts in Paro too, nothing is small
    kids.length = 0;
    add("A", 10, 28, 15);
    add("B", 12, 30, 15);
    const d6 = createDataset({ profile, schools: sch, students: kids, year: 2024 });
    expect(disaggregate(d6, ["repetition-status", "promotion-status"], { by: ["dzongkhag"], rollup: true }).every((r) => !r.suppressed)).toBe(true);
  });
  // Round 4 of the trial: each case below recovered a hidden count before the fix.
  const statusPupils = (spec: Array<[string, number, number, number]>) => {
    const kids: Array<Record<string, unknown>> = [];
    for (const [s, rep, prom, drop] of spec) {
      [...Array(rep).fill("repeated"), ...Array(prom).fill("promoted"), ...Array(drop).fill("dropped-out")].forEach((status, i) =>
        kids.push({ student_id: `${s}${i}`, school_id: s, grade: "X", sex: i % 2 ? "female" : "male", status }));
    }
    return kids;
  };

  it("counts a zero remainder as no room: a hidden remainder of 2 is not paired with a district whose remainder is 0", () => {
    const dz = ["paro", "haa", "thimphu", "punakha", "gasa"];
    const sch = dz.map((d, i) => ({ school_id: `S${i}`, dzongkhag: d, location: "rural" }));
    // dropouts by district: Paro 2 (secret), Haa 5, others 0
    const kids = statusPupils([["S0", 10, 28, 2], ["S1", 12, 30, 5], ["S2", 8, 30, 0], ["S3", 20, 80, 0], ["S4", 20, 90, 0]]);
    const rows = disaggregate(createDataset({ profile, schools: sch, students: kids, year: 2024 }), ["repetition-status", "promotion-status"], { by: ["dzongkhag"], rollup: true });
    // Before: Thimphu (remainder 0, the smallest district) was Paro's only partner, so
    // national n − rep − prom minus the published districts left Paro + Thimphu = 2,
    // and Thimphu's complementary flag said its remainder was not 1–4: Paro = 2. Now the
    // hidden districts' remainders sum to 7 (2 + 5 + 0 + 0 + 0), at least the minimum:
    // the national remainder is 7, and every district is hidden.
    const hidden = rows.filter((r) => r.level === "dzongkhag" && r.suppressed);
    expect(new Set(hidden.map((r) => r.dzongkhag))).toEqual(new Set(dz));
    expect(rows.filter((r) => r.level === "total").every((r) => !r.suppressed)).toBe(true);
  });

  it("tests the remainder of a rate and a count of the same pupils, and of rates whose denominators are spelled differently", () => {
    const sch = ["paro", "haa", "thimphu"].map((d, i) => ({ school_id: `S${i}`, dzongkhag: d, location: "rural" }));
    const d7 = createDataset({ profile, schools: sch, students: statusPupils([["S0", 10, 28, 2], ["S1", 12, 30, 6], ["S2", 20, 80, 7]]), year: 2024 });
    const promotedCount: IndicatorDefinitionInput = { id: "promoted-pupils", name: "Promoted pupils", kind: "ratio", unit: "count", direction: "neutral", statistic: "count", numerator: { fact: "students", measure: "promoted" } };
    // every pupil has a known status, so this denominator is all 40 pupils, like repetition's
    const promotionSpelled: IndicatorDefinitionInput = {
      id: "promotion-known", name: "Promotion rate", kind: "ratio", unit: "percent", scale: 100, direction: "higher-is-better", statistic: "proportion",
      numerator: { fact: "students", measure: "promoted" }, denominator: { fact: "students", measure: "enrolled", filter: { ne: ["status", "transferred-out"] } },
    };
    // Paro: 40 pupils, 10 repeaters, 28 promoted: 40 − 10 − 28 = 2 dropouts
    for (const ids of [["enrolment", "repetition-status", promotedCount], ["repetition-status", promotionSpelled]]) {
      const rows = disaggregate(d7, ids, { by: ["dzongkhag"], rollup: true });
      for (const r of rows.filter((x) => x.dzongkhag === "paro")) expect(r).toMatchObject({ numerator: null, denominator: null, suppressed: true });
    }
  });

  it("hides a Gini and CV over five schools when three of them are hidden in the same call", () => {
    // pupils/teachers: A 3/2 is small; B–E are not. With A, B and C hidden, Paro's Gini
    // and CV beside D's and E's rows and Paro's totals (103 pupils, 10 teachers left
    // for A + B + C) had one integer solution set, {3/2, 40/5, 60/3}.
    const sizes: Array<[string, string, number, number]> = [
      ["A", "paro", 3, 2], ["B", "paro", 40, 5], ["C", "paro", 60, 3], ["D", "paro", 25, 2], ["E", "paro", 80, 4],
      ["F", "haa", 50, 4], ["G", "haa", 70, 5], ["H", "haa", 45, 3], ["I", "haa", 66, 6], ["J", "haa", 90, 7],
    ];
    const sch = sizes.map(([s, d]) => ({ school_id: s, dzongkhag: d, location: "rural" }));
    const kids = sizes.flatMap(([s, , p]) => Array.from({ length: p }, (_, i) => ({ student_id: `${s}${i}`, school_id: s, grade: "X", sex: i % 2 ? "female" : "male" })));
    const staff = sizes.flatMap(([s, , , t]) => Array.from({ length: t }, (_, i) => ({ teacher_id: `${s}t${i}`, school_id: s, sex: "female" })));
    const d8 = createDataset({ profile, schools: sch, students: kids, teachers: staff, year: 2024 });
    const summaries = { "gini-school-ptr": [[], ["dzongkhag"]], "cv-school-ptr": [[], ["dzongkhag"]] };
    const rows = disaggregate(d8, ["enrolment", "pupil-teacher-ratio", "gini-school-ptr", "cv-school-ptr"], { groupingSets: [[], ["dzongkhag"], ["dzongkhag", "school"]], setsFor: summaries });
    const at = (id: string, dz: string | null) => rows.find((r) => r.indicator === id && r.dzongkhag === dz && r.level !== "dzongkhag+school")!;
    expect(rows.filter((r) => r.indicator === "enrolment" && r.school && r.suppressed).map((r) => r.school).sort()).toEqual(["A", "B", "C"]);
    // Paro's and the national summaries have hidden units (A, B, C): hidden; Haa's have none
    for (const id of ["gini-school-ptr", "cv-school-ptr"]) {
      expect(at(id, "paro")).toMatchObject({ value: null, suppressed: true, flags: ["suppressed-complementary"] });
      expect(at(id, null)).toMatchObject({ value: null, suppressed: true });
      expect(at(id, "haa").suppressed).toBe(false);
    }
    // without the school rows in the call, every summary is over 5 unknown schools: published
    const alone = disaggregate(d8, ["enrolment", "pupil-teacher-ratio", "gini-school-ptr", "cv-school-ptr"], { groupingSets: [[], ["dzongkhag"]] });
    expect(alone.filter((r) => r.indicator.endsWith("school-ptr")).every((r) => !r.suppressed)).toBe(true);
  });

  it("sees that a dzongkhag is the sum of its schools though neither grouping set names the other's dimension", () => {
    const sizes: Array<[string, string, number]> = [["A", "paro", 3], ["B", "paro", 40], ["C", "paro", 50], ["D", "haa", 30], ["E", "haa", 60], ["F", "haa", 6]];
    const sch = sizes.map(([s, d]) => ({ school_id: s, dzongkhag: d, location: "rural" }));
    const kids = sizes.flatMap(([s, , p]) => Array.from({ length: p }, (_, i) => ({ student_id: `${s}${i}`, school_id: s, grade: "X", sex: i % 2 ? "female" : "male" })));
    const d9 = createDataset({ profile, schools: sch, students: kids, year: 2024 });
    for (const groupingSets of [[["dzongkhag"], ["school"]], [[], ["dzongkhag"], ["school"]]]) {
      const rows = disaggregate(d9, ["enrolment"], { groupingSets });
      // Before: Paro 93 − B 40 − C 50 gave A = 3. Now A hides with B (the smallest
      // partner of room ≥ 5), and A + B = 43 leaves A room 3 < 5, so C hides too; the
      // Haa schools, with no small cell, stay published (equations smallest first).
      const hidden = rows.filter((r) => r.school && r.suppressed).map((r) => r.school);
      expect(hidden.sort()).toEqual(["A", "B", "C"]);
    }
    // an indicator grouped by school alone comes first and knows nothing of dzongkhags;
    // the school cells it shares with enrolment must still see Paro = A + B + C
    const rows = disaggregate(d9, ["female-pupils-percent", "enrolment"], {
      groupingSets: [["dzongkhag"], ["school"]],
      setsFor: { "female-pupils-percent": [["school"]] },
    });
    const paroSchools = rows.filter((r) => r.indicator === "enrolment" && ["A", "B", "C"].includes(r.school as string));
    expect(paroSchools.filter((r) => r.suppressed).length).toBeGreaterThanOrEqual(2);
  });
  it("hides a Gini or CV of 0 over small units however many: equal ratios and the group's counts give each unit", () => {
    // Paro: five schools of 3 pupils and 1 teacher. Gini 0 says every PTR is Paro's own
    // (15 / 5 = 3); 5 teachers over 5 schools with a PTR each (≥ 1 teacher) is 1 each,
    // so each school has 3 pupils. Haa's summaries (two schools) fall under the rule on
    // fewer units than the minimum.
    const per: Array<[string, string, number, number]> = [["A", "paro", 3, 1], ["B", "paro", 3, 1], ["C", "paro", 3, 1], ["D", "paro", 3, 1], ["E", "paro", 3, 1], ["F", "haa", 60, 4], ["G", "haa", 70, 5]];
    const sch = per.map(([s, d]) => ({ school_id: s, dzongkhag: d, location: "rural" }));
    const kids = per.flatMap(([s, , p]) => Array.from({ length: p }, (_, i) => ({ student_id: `${s}${i}`, school_id: s, grade: "X", sex: i % 2 ? "female" : "male" })));
    const staff = per.flatMap(([s, , , t]) => Array.from({ length: t }, (_, i) => ({ teacher_id: `${s}t${i}`, school_id: s, sex: "female" })));
    const d10 = createDataset({ profile, schools: sch, students: kids, teachers: staff, year: 2024 });
    const rows = disaggregate(d10, ["enrolment", "pupil-teacher-ratio", "gini-school-ptr", "cv-school-ptr"], { by: ["dzongkhag"], rollup: true });
    const paro = (id: string) => rows.find((r) => r.indicator === id && r.dzongkhag === "paro")!;
    expect(paro("pupil-teacher-ratio")).toMatchObject({ numerator: 15, denominator: 5, suppressed: false });
    for (const id of ["gini-school-ptr", "cv-school-ptr"]) expect(paro(id)).toMatchObject({ value: null, suppressed: true, flags: ["suppressed"] });
    // the national summaries spread (3 to 14 pupils per teacher): published
    expect(rows.find((r) => r.indicator === "gini-school-ptr" && r.level === "total")!.suppressed).toBe(false);
  });
  it("sees the hierarchy in flow rates too: a dzongkhag's repeaters are the sum of its schools'", () => {
    // grade I pupils in 2023 and repeaters in 2024: A 30/2, B 40/8, C 50/9 (Paro), D 60/10 (Haa)
    const sch = [
      { school_id: "A", dzongkhag: "paro", location: "rural" }, { school_id: "B", dzongkhag: "paro", location: "rural" },
      { school_id: "C", dzongkhag: "paro", location: "urban" }, { school_id: "D", dzongkhag: "haa", location: "rural" },
    ];
    const spec: Array<[string, number, number]> = [["A", 30, 2], ["B", 40, 8], ["C", 50, 9], ["D", 60, 10]];
    const kids: Array<Record<string, unknown>> = [];
    for (const [s, n, rep] of spec) {
      for (let i = 0; i < n; i++) {
        kids.push({ student_id: `${s}${i}`, school_id: s, grade: "I", year: 2023, sex: i % 2 ? "female" : "male", repeater: "no" });
        kids.push({ student_id: `${s}${i}`, school_id: s, grade: i < rep ? "I" : "II", year: 2024, sex: i % 2 ? "female" : "male", repeater: i < rep ? "yes" : "no" });
      }
    }
    const d11 = createDataset({ profile, schools: sch, students: kids });
    // Before: A hidden (2 repeaters) beside B and C published gave A = Paro 19 − 8 − 9 = 2;
    // by location, rural 20 − B 8 − D 10 = 2.
    // Now A's partners come from its own dzongkhag or location: B (8 repeaters, the
    // smallest ≥ 5), then a third since A + B leave A room 2 < 5: C in Paro, D in the
    // rural schools (without the location equation, the urban C was chosen).
    for (const [groupingSets, hidden] of [[[["dzongkhag"], ["school"]], ["A", "B", "C"]], [[["location"], ["school"]], ["A", "B", "D"]]] as const) {
      const rows = disaggregate(d11, ["repetition-rate-uis"], { groupingSets: groupingSets.map((x) => [...x]) });
      expect(rows.filter((r) => r.school && r.suppressed).map((r) => r.school).sort(), JSON.stringify(groupingSets)).toEqual(hidden);
    }
  });
  it("hides class size with the enrolment it repeats: a section's pupils are the school's pupils", () => {
    // one section per school holding all its pupils: S0 has 3. Class size 3/1 for S0
    // beside its hidden enrolment gave the 3 back; S1 and S2, its complements, likewise.
    const sch = [["S0", "paro"], ["S1", "paro"], ["S2", "paro"], ["S3", "haa"]].map(([s, d]) => ({ school_id: s, dzongkhag: d, location: "rural" }));
    const sizes = [3, 30, 40, 25];
    const kids = sch.flatMap((s, k) => Array.from({ length: sizes[k] }, (_, i) => ({ student_id: `${s.school_id}-${i}`, school_id: s.school_id, grade: "X", sex: i % 2 ? "female" : "male" })));
    const sections = sch.map((s, k) => ({ section_id: `${s.school_id}-A`, school_id: s.school_id, grade: "X", pupils: sizes[k] }));
    const d12 = createDataset({ profile, schools: sch, students: kids, sections, year: 2024 });
    const rows = disaggregate(d12, ["enrolment", "average-class-size"], { groupingSets: [[], ["dzongkhag"], ["school"]] });
    const hiddenEnrolment = rows.filter((r) => r.indicator === "enrolment" && r.school && r.suppressed).map((r) => r.school);
    expect(hiddenEnrolment).toContain("S0");
    for (const s of hiddenEnrolment) expect(rows.find((r) => r.indicator === "average-class-size" && r.school === s)!.suppressed).toBe(true);
  });
  it("links flow cells across grades and years: E(g+1, t+1) = promoted(g, t) + repeaters of g+1", () => {
    // S0: 2023 grade I 40, grade II 30; 2024 grade II = 26 promoted + 2 repeaters (28).
    // The 2 repeaters of grade II (2023's repetition numerator) are hidden; published, 2024's
    // grade II enrolment (28) minus 2023's grade I promotion numerator (26) gave them.
    const sch = [{ school_id: "S0", dzongkhag: "paro", location: "rural" }, { school_id: "S1", dzongkhag: "paro", location: "urban" }];
    const kids: Array<Record<string, unknown>> = [];
    let id = 0;
    const add = (school: string, year: number, grade: string, n: number, repeater: string) => {
      for (let i = 0; i < n; i++) kids.push({ student_id: `p${id++}`, school_id: school, year, grade, sex: i % 2 ? "female" : "male", repeater });
    };
    for (const s of ["S0", "S1"]) {
      add(s, 2023, "I", 40, "no"); add(s, 2023, "II", 30, "no"); add(s, 2023, "III", 35, "no");
      add(s, 2024, "I", 30, "no"); add(s, 2024, "I", 8, "yes");
      add(s, 2024, "II", 26, "no"); add(s, 2024, "II", s === "S0" ? 2 : 7, "yes");
      add(s, 2024, "III", 25, "no"); add(s, 2024, "III", 6, "yes");
    }
    const d13 = createDataset({ profile, schools: sch, students: kids });
    const rows = disaggregate(d13, ["enrolment", "repetition-rate-uis", "promotion-rate-uis"], { groupingSets: [["school", "grade", "year"]] });
    const at = (id: string, grade: string, year: string) => rows.find((r) => r.indicator === id && r.school === "S0" && r.grade === grade && r.year === year)!;
    expect(at("repetition-rate-uis", "II", "2023")).toMatchObject({ numerator: null, suppressed: true });
    const e = at("enrolment", "II", "2024");
    const promoted = at("promotion-rate-uis", "I", "2023");
    // at least one side of the difference is withheld now
    expect(e.suppressed || promoted.suppressed).toBe(true);
  });
  it("publishes an unknown code's headcount only when it states no attribute: not crossed with disability, not a school-level code", () => {
    // X is the only school with no recorded location (the school list is public); 2 of its
    // 30 pupils have a disability. "location unknown × disability yes = 2" named them.
    const sch = [
      { school_id: "A", dzongkhag: "paro", location: "rural" }, { school_id: "B", dzongkhag: "paro", location: "urban" },
      { school_id: "C", dzongkhag: "haa", location: "rural" }, { school_id: "X", dzongkhag: "haa" },
    ];
    const dis: Record<string, number> = { A: 6, B: 7, C: 8, X: 2 };
    const kids = sch.flatMap((s) => Array.from({ length: 30 }, (_, i) => ({ student_id: `${s.school_id}-${i}`, school_id: s.school_id, grade: "X", sex: i % 2 ? "female" : "male", disability: i < dis[s.school_id] ? "yes" : "no" })));
    const d14 = createDataset({ profile, schools: sch, students: kids, year: 2024 });
    const rows = disaggregate(d14, ["enrolment"], { groupingSets: [["location", "disability"]] });
    expect(rows.find((r) => r.location === "unknown" && r.disability === "yes")).toMatchObject({ value: null, suppressed: true });
    // a person attribute left unrecorded, crossed only with places, is still published
    // (3 pupils of unknown sex in Paro: enrolment minus girls and boys gives it anyway)
    const three = [...pupils()];
    const bySex = disaggregate(createDataset({ profile, schools, students: three, year: 2024 }), ["enrolment"], { by: ["dzongkhag", "sex"] });
    expect(bySex.find((r) => r.dzongkhag === "paro" && r.sex === "unknown")).toMatchObject({ value: 3, suppressed: false });
  });
  it("sees the hierarchy when each indicator has its own sets: a dzongkhag's enrolment beside its schools' shares", () => {
    // enrolment only by dzongkhag, the girls' share only by school: the share's
    // denominators are the schools' pupils, so Paro 93 − B 40 − C 50 gave A = 3.
    const sizes: Array<[string, string, number]> = [["A", "paro", 3], ["B", "paro", 40], ["C", "paro", 50], ["D", "haa", 30], ["E", "haa", 60], ["F", "haa", 26]];
    const sch = sizes.map(([s, d]) => ({ school_id: s, dzongkhag: d, location: "rural" }));
    const kids = sizes.flatMap(([s, , p]) => Array.from({ length: p }, (_, i) => ({ student_id: `${s}${i}`, school_id: s, grade: "X", sex: i % 2 ? "female" : "male" })));
    // with and without an empty teachers table (the hierarchy is read from a fact with rows)
    for (const extra of [{}, { teachers: [] }]) {
      const d15 = createDataset({ profile, schools: sch, students: kids, year: 2024, ...extra });
      const rows = disaggregate(d15, ["enrolment", "female-pupils-percent"], {
        groupingSets: [["dzongkhag"], ["school"]],
        setsFor: { enrolment: [["dzongkhag"]], "female-pupils-percent": [["school"]] },
      });
      const paro = rows.find((r) => r.indicator === "enrolment" && r.dzongkhag === "paro")!;
      const share = (s: string) => rows.find((r) => r.indicator === "female-pupils-percent" && r.school === s)!;
      expect(share("A").suppressed).toBe(true);
      // Paro's enrolment minus its published schools' pupils no longer gives A
      const known = ["B", "C"].filter((s) => !share(s).suppressed);
      expect(paro.suppressed || known.length < 2).toBe(true);
    }
  });
  it("splits a share's group by its code: Paro's girls share beside school × sex enrolment gives Paro's boys", () => {
    // Paro: A has 10 girls and 17 boys, B 9 girls and 4 boys; Haa: C 30 and 30.
    // Published before: Paro's share 19 of 40 (so 21 boys) and A's 17 boys gave B's 4.
    const sch = [["A", "paro"], ["B", "paro"], ["C", "haa"]].map(([s, d]) => ({ school_id: s, dzongkhag: d, location: "rural" }));
    const plan: Array<[string, number, number]> = [["A", 10, 17], ["B", 9, 4], ["C", 30, 30]];
    const kids = plan.flatMap(([s, girls, boys]) => [
      ...Array.from({ length: girls }, (_, i) => ({ student_id: `${s}f${i}`, school_id: s, grade: "X", sex: "female" })),
      ...Array.from({ length: boys }, (_, i) => ({ student_id: `${s}m${i}`, school_id: s, grade: "X", sex: "male" })),
    ]);
    const d16 = createDataset({ profile, schools: sch, students: kids, year: 2024 });
    const rows = disaggregate(d16, ["enrolment", "female-pupils-percent"], {
      groupingSets: [[], ["dzongkhag"], ["school", "sex"]],
      setsFor: { enrolment: [["school", "sex"], []], "female-pupils-percent": [["dzongkhag"]] },
    });
    const cell = (s: string, sex: string) => rows.find((r) => r.indicator === "enrolment" && r.school === s && r.sex === sex)!;
    const share = rows.find((r) => r.indicator === "female-pupils-percent" && r.dzongkhag === "paro")!;
    expect(cell("B", "male")).toMatchObject({ value: null, suppressed: true });
    // Paro's boys (share denominator − numerator) minus A's boys no longer gives B's
    expect(share.suppressed || cell("A", "male").suppressed).toBe(true);
  });
});
