import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { surveyEstimate } from "../../src/sampling";
import { profiles } from "../../src/profiles";
import { seededRandom } from "../../src/stats/random";
import type { ResultRow } from "../../src/models/result";

const profile = profiles.generic;
const Z = 1.959963984540054;
const DESIGN = { strata: "stratum", psu: "school_id", fpc: "schools_in_stratum", weight: "weight" };

type Obj = Record<string, unknown>;

/**
 * A stratified cluster sample: strata S1–S3 of 10, 8 and 6 schools, of which 4, 3 and 2
 * are sampled (weights N_h/n_h); every pupil and teacher of a sampled school is in the
 * data. Pupils: sex, status (some unknown), pass result (not sat, yes, no, unknown),
 * score (some missing). Teachers: 1–3 per school, some without teaching duties.
 */
function sample(seed: number, options: { emptySchool?: boolean } = {}) {
  const u = seededRandom(seed);
  const strata = [
    { id: "S1", N: 10, n: 4 },
    { id: "S2", N: 8, n: 3 },
    { id: "S3", N: 6, n: 2 },
  ];
  const schools: Obj[] = [];
  const students: Obj[] = [];
  const teachers: Obj[] = [];
  for (const h of strata) {
    for (let k = 0; k < h.n; k++) {
      const id = `${h.id}-${k}`;
      const region = u() < 0.5 ? "R1" : "R2";
      schools.push({ school_id: id, region, district: `${region}-D`, level: "primary", ownership: "public", location: u() < 0.6 ? "rural" : "urban", stratum: h.id, schools_in_stratum: h.N, weight: h.N / h.n });
      const pupils = options.emptySchool && h.id === "S2" && k === 0 ? 0 : 5 + Math.floor(u() * 11);
      for (let i = 0; i < pupils; i++) {
        const r = u();
        const passed = r < 0.2 ? undefined : r < 0.25 ? "unknown" : r < 0.65 ? "yes" : "no";
        const s = u();
        const status = s < 0.05 ? "unknown" : s < 0.2 ? "repeated" : s < 0.27 ? "dropped-out" : "promoted";
        const score = u() < 0.08 ? undefined : Math.round(20 + 70 * u());
        students.push({ student_id: `${id}-p${i}`, school_id: id, grade: "G1", sex: u() < 0.5 ? "female" : "male", status, passed, score, year: 2024 });
      }
      const t = 1 + Math.floor(u() * 3);
      for (let i = 0; i < t; i++) teachers.push({ teacher_id: `${id}-t${i}`, school_id: id, sex: "female", teaching: i === 2 ? "no" : "yes", year: 2024 });
    }
  }
  return { schools, students, teachers };
}

const isNum = (v: unknown) => typeof v === "number" && !Number.isNaN(v);

/** `surveyEstimate` on the same sample: school rows (in no domain) keep every sampled PSU in the design. */
function reference(data: ReturnType<typeof sample>) {
  const school = new Map(data.schools.map((s) => [s.school_id, s]));
  const withDesign = (r: Obj, role: string) => {
    const s = school.get(r.school_id)!;
    return { ...r, role, region: s.region, stratum: s.stratum, N: s.schools_in_stratum, w: s.weight };
  };
  const rows: Obj[] = [...data.schools.map((s) => withDesign(s, "school")), ...data.students.map((r) => withDesign(r, "pupil")), ...data.teachers.map((r) => withDesign(r, "teacher"))];
  const design = { strata: "stratum", psu: "school_id", fpc: "N", weight: "w" };
  const inGroup = (r: Obj, g: Obj) => Object.entries(g).every(([k, v]) => r[k] === v);
  return (statistic: "proportion" | "mean" | "ratio" | "total", y: (r: Obj) => unknown, domain: (r: Obj) => boolean, group: Obj, x?: (r: Obj) => unknown) =>
    surveyEstimate(rows, { statistic, y: (r) => (domain(r) && inGroup(r, group) ? y(r) : 0), x: x ? (r) => (inGroup(r, group) ? x(r) : 0) : undefined, domain: (r) => domain(r) && inGroup(r, group), design, missing: "exclude" });
}

const find = (t: ResultRow[], indicator: string, where: Obj) => t.find((r) => r.indicator === indicator && Object.entries(where).every(([k, v]) => r[k] === v))!;

function expectSame(row: ResultRow, est: ReturnType<ReturnType<typeof reference>>, scale: number) {
  expect(row.value).not.toBeNull();
  expect(row.value!).toBeCloseTo(scale * est.estimate!, 10);
  expect(row.numerator!).toBeCloseTo(est.numerator, 9);
  if (est.denominator !== null && est.statistic !== "total") expect(row.denominator!).toBeCloseTo(est.denominator, 9);
  const se = (row.ciHigh! - row.value!) / (Z * scale);
  expect(se).toBeCloseTo(est.se!, 10);
  expect(row.ciLow!).toBeCloseTo(scale * est.ciLow!, 9);
}

describe("disaggregate with a survey design", () => {
  it("gives surveyEstimate's estimate and SE for every group (proportion, mean, ratio across facts, total)", () => {
    for (const seed of [1, 2, 3]) {
      const data = sample(seed, { emptySchool: seed === 3 });
      const ds = createDataset({ profile, ...data, design: DESIGN });
      const t = disaggregate(ds, ["pass-rate", "repetition-status", "mean-score", "pupil-teacher-ratio", "enrolment"], {
        groupingSets: [[], ["region"], ["region", "sex"]],
        setsFor: { "pupil-teacher-ratio": [[], ["region"]] },
        suppression: false,
      });
      const ref = reference(data);
      const pupil = (r: Obj) => r.role === "pupil";
      const groups: Obj[] = [{}, { region: "R1" }, { region: "R2" }, { region: "R1", sex: "female" }, { region: "R2", sex: "male" }];
      for (const g of groups) {
        const level = Object.keys(g).join("+") || "total";
        const where = { level, ...g };
        const sat = (r: Obj) => pupil(r) && r.passed !== undefined;
        const passed = (r: Obj) => (r.passed === "yes" ? 1 : r.passed === "no" ? 0 : Number.NaN);
        expectSame(find(t, "pass-rate", where), ref("proportion", passed, sat, g), 100);
        const repeated = (r: Obj) => (r.status === "repeated" ? 1 : r.status === "unknown" ? Number.NaN : 0);
        expectSame(find(t, "repetition-status", where), ref("proportion", repeated, pupil, g), 100);
        const score = (r: Obj) => (isNum(r.score) ? r.score : Number.NaN);
        expectSame(find(t, "mean-score", where), ref("mean", score, pupil, g), 1);
        expectSame(find(t, "enrolment", where), ref("total", () => 1, pupil, g), 1);
        if (!("sex" in g)) {
          const teaching = (r: Obj) => (r.role === "teacher" && r.teaching !== "no" ? 1 : 0);
          expectSame(find(t, "pupil-teacher-ratio", where), ref("ratio", (r) => (pupil(r) ? 1 : 0), () => true, g, teaching), 1);
        }
      }
    }
  });

  it("matches the hand derivation: 2 strata, 4 sampled schools, pass rate 53.57% (SE √2.75/14) and the R1 domain (SE √30/49)", () => {
    // Stratum A: N = 4, schools S1 (R1), S2 (R2) sampled, w = 2. Stratum B: N = 3, S3 (R1), S4 (R2), w = 1.5.
    // Two pupils sat in each school; passed: S1 1,0 · S2 1,1 · S3 0,0 · S4 1,0.
    // PSU totals Y = w·passes: 2, 4, 0, 1.5 (Ŷ = 7.5); X = w·sat: 4, 4, 3, 3 (X̂ = 14); R = 7.5/14.
    // z_p = (Y_p − R X_p)/X̂; within stratum A the deviations are ∓1/14, within B ∓0.75/14.
    // V = (1 − 2/4)·2/1·(2/196) + (1 − 2/3)·2/1·(1.125/196) = 2/196 + 0.75/196 = 2.75/196.
    // Domain R1 (S1, S3; S2 and S4 stay as zeros): Y = 2, 0, 0, 0; X = 4, 0, 3, 0; R = 2/7;
    // z = 6/49, 0, −6/49, 0; V = 1·18/2401 + (2/3)·18/2401 = 30/2401.
    const schools = [
      ["S1", "A", 4, 2, "R1"],
      ["S2", "A", 4, 2, "R2"],
      ["S3", "B", 3, 1.5, "R1"],
      ["S4", "B", 3, 1.5, "R2"],
    ].map(([school_id, stratum, N, weight, region]) => ({ school_id, stratum, N, weight, region, district: "D", level: "primary", ownership: "public", location: "rural" }));
    const passes: Record<string, string[]> = { S1: ["yes", "no"], S2: ["yes", "yes"], S3: ["no", "no"], S4: ["yes", "no"] };
    const students = Object.entries(passes).flatMap(([s, p]) => p.map((passed, i) => ({ student_id: `${s}-${i}`, school_id: s, grade: "G1", sex: "female", passed, year: 2024 })));
    const ds = createDataset({ profile, schools, students, design: { strata: "stratum", fpc: "N", weight: "weight" } });
    const t = disaggregate(ds, ["pass-rate"], { by: ["region"], rollup: true, suppression: false });
    const total = find(t, "pass-rate", { level: "total" });
    expect(total.value).toBeCloseTo((100 * 7.5) / 14, 12);
    expect([total.numerator, total.denominator, total.n]).toEqual([7.5, 14, 8]);
    expect(total.ciHigh! - total.value!).toBeCloseTo(100 * Z * (Math.sqrt(2.75) / 14), 10);
    const r1 = find(t, "pass-rate", { level: "region", region: "R1" });
    expect(r1.value).toBeCloseTo((100 * 2) / 7, 12);
    expect(r1.value! - r1.ciLow!).toBeCloseTo(100 * Z * (Math.sqrt(30) / 49), 10);
    // Without the design: the unweighted 4 of 8, and a Wilson interval.
    const plain = disaggregate(createDataset({ profile, schools, students }), ["pass-rate"], { suppression: false })[0];
    expect(plain.value).toBe(50);
  });

  it("with equal weights N/n in one stratum and one pupil per school reproduces the census value scaled, and the SRSWOR SE (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 2, maxLength: 40 }), fc.integer({ min: 0, max: 60 }), (passes, extra) => {
        const n = passes.length;
        const N = n + extra;
        const schools = passes.map((_, k) => ({ school_id: `s${k}`, region: k % 2 ? "R1" : "R2", district: "D", level: "primary", ownership: "public", location: "rural", stratum: "all", N, weight: N / n }));
        const students = passes.map((p, k) => ({ student_id: `p${k}`, school_id: `s${k}`, grade: "G1", sex: "female", passed: p ? "yes" : "no", year: 2024 }));
        const opts = { by: ["region"], rollup: true, suppression: false as const };
        const plain = disaggregate(createDataset({ profile, schools, students }), ["pass-rate", "enrolment"], opts);
        const weighted = disaggregate(createDataset({ profile, schools, students, design: { strata: "stratum", fpc: "N", weight: "weight" } }), ["pass-rate", "enrolment"], opts);
        expect(weighted.length).toBe(plain.length);
        plain.forEach((p, i) => {
          const w = weighted[i];
          expect([w.indicator, w.level, w.region, w.n]).toEqual([p.indicator, p.level, p.region, p.n]);
          expect(w.numerator!).toBeCloseTo((N / n) * p.numerator!, 9);
          if (p.indicator === "enrolment") expect(w.value!).toBeCloseTo((N / n) * p.value!, 9);
          else expect(w.value!).toBeCloseTo(p.value!, 9);
        });
        // National pass rate: V = (1 − n/N)·p(1 − p)/(n − 1), as for a simple random sample of n of N.
        const total = weighted.find((r) => r.indicator === "pass-rate" && r.level === "total")!;
        const p = passes.filter(Boolean).length / n;
        expect((total.ciHigh! - total.value!) / (100 * Z)).toBeCloseTo(Math.sqrt(((1 - n / N) * p * (1 - p)) / (n - 1)), 9);
        // A census (n = N) has no sampling error.
        if (extra === 0) expect(total.ciHigh).toBeCloseTo(total.value!, 9);
      }),
      { numRuns: 40 },
    );
  });

  it("weighted group totals add up to the national total, and every group's numerator is a weighted sum (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const data = sample(seed);
        const t = disaggregate(createDataset({ profile, ...data, design: DESIGN }), ["enrolment", "pass-rate"], { by: ["region", "sex"], cube: true, suppression: false });
        for (const id of ["enrolment", "pass-rate"]) {
          const total = find(t, id, { level: "total" });
          for (const level of ["region", "sex", "region+sex"]) {
            const parts = t.filter((r) => r.indicator === id && r.level === level);
            expect(parts.reduce((a, r) => a + r.numerator!, 0)).toBeCloseTo(total.numerator!, 8);
            if (id === "pass-rate") expect(parts.reduce((a, r) => a + r.denominator!, 0)).toBeCloseTo(total.denominator!, 8);
          }
        }
        // enrolment = Σ over schools of weight × pupils
        const pupils = new Map<unknown, number>();
        for (const s of data.students) pupils.set(s.school_id, (pupils.get(s.school_id) ?? 0) + 1);
        const expected = data.schools.reduce((a, s) => a + (s.weight as number) * (pupils.get(s.school_id) ?? 0), 0);
        expect(find(t, "enrolment", { level: "total" }).value!).toBeCloseTo(expected, 9);
      }),
      { numRuns: 15 },
    );
  });

  it("suppresses on unweighted record counts, never on weighted totals", () => {
    // R1: one school of 3 pupils with weight 100 (weighted 300); R2: one school of 12 pupils with weight 0.25 (weighted 3).
    const schools = [
      { school_id: "a", region: "R1", stratum: "x", weight: 100 },
      { school_id: "b", region: "R2", stratum: "x", weight: 0.25 },
    ].map((s) => ({ ...s, district: "D", level: "primary", ownership: "public", location: "rural" }));
    const students = [...Array.from({ length: 3 }, (_, i) => ["a", i]), ...Array.from({ length: 12 }, (_, i) => ["b", i])].map(([s, i]) => ({ student_id: `${s}${i}`, school_id: s, grade: "G1", sex: "female", year: 2024 }));
    const t = disaggregate(createDataset({ profile, schools, students, design: { strata: "stratum", weight: "weight" } }), ["enrolment"], { groupingSets: [["region"]], suppression: { minCell: 5, complementary: false } });
    expect(find(t, "enrolment", { region: "R1" })).toMatchObject({ suppressed: true, value: null, ciLow: null, ciHigh: null });
    expect(find(t, "enrolment", { region: "R2" })).toMatchObject({ suppressed: false, value: 3, n: 12 });
  });

  it("without a design, sums stay unweighted counts of records", () => {
    const data = sample(5);
    const t = disaggregate(createDataset({ profile, ...data }), ["pass-rate"], { suppression: false });
    const r = t[0];
    const x = data.students.filter((s) => s.passed === "yes").length;
    const n = data.students.filter((s) => s.passed === "yes" || s.passed === "no").length;
    expect([r.numerator, r.denominator]).toEqual([x, n]);
  });

  describe("edge cases and errors", () => {
    const data = sample(4);
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { code: string }).code;
      }
      return "no error";
    };

    it("throws design-not-supported for a distribution over sampled facts, and names the indicator", () => {
      const ds = createDataset({ profile, ...data, design: DESIGN });
      expect(() => disaggregate(ds, ["gini-school-ptr"])).toThrowError(/gini-school-ptr \(distribution\) has no design-based estimator/);
      expect(code(() => disaggregate(ds, ["gini-school-ptr"]))).toBe("design-not-supported");
    });

    it("checks the design columns and values with surveyEstimate's rules and codes", () => {
      expect(code(() => createDataset({ profile, ...data, design: { ...DESIGN, weight: "wt" } }))).toBe("missing-design-column");
      expect(code(() => createDataset({ profile, ...data, design: { ...DESIGN, lonely: "drop" as "error" } }))).toBe("invalid-option");
      expect(code(() => createDataset({ profile, ...data, design: { ...DESIGN, stratum: "x" } as typeof DESIGN }))).toBe("invalid-option");
      expect(code(() => createDataset({ profile, students: data.students, design: DESIGN }))).toBe("invalid-option");
      const orphan = [...data.students, { student_id: "z", school_id: "nowhere", grade: "G1", sex: "male", year: 2024 }];
      expect(code(() => createDataset({ profile, ...data, students: orphan, design: DESIGN }))).toBe("missing-design-value");
      const badWeight = data.schools.map((s, i) => (i === 0 ? { ...s, weight: 0 } : s));
      expect(code(() => disaggregate(createDataset({ profile, ...data, schools: badWeight, design: DESIGN }), ["enrolment"]))).toBe("invalid-weight");
      const fpcVaries = data.schools.map((s, i) => (i === 0 ? { ...s, schools_in_stratum: 11 } : s));
      expect(code(() => disaggregate(createDataset({ profile, ...data, schools: fpcVaries, design: DESIGN }), ["enrolment"]))).toBe("fpc-varies-within-stratum");
    });

    it("a stratum with one sampled school throws lonely-psu by default; 'remove' drops its variance and flags single-unit", () => {
      const lonelySchools = data.schools.map((s) => (s.stratum === "S3" && s.school_id === "S3-1" ? { ...s, stratum: "S4" } : s));
      const design = { strata: "stratum", weight: "weight" };
      expect(code(() => disaggregate(createDataset({ profile, ...data, schools: lonelySchools, design }), ["enrolment"]))).toBe("lonely-psu");
      const t = disaggregate(createDataset({ profile, ...data, schools: lonelySchools, design: { ...design, lonely: "remove" } }), ["pass-rate"], { suppression: false });
      expect(t[0].flags).toContain("single-unit");
      expect(t[0].ciLow).not.toBeNull();
    });
  });
});
