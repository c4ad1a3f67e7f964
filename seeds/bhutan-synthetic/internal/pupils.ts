import type { Profile } from "../../../src/models/profile";
import type { Student } from "../../../src/models/student";
import type { Section } from "../../../src/models/section";
import { officialAge } from "../../../src/profiles";
import type { Draw } from "./draw";
import type { SchoolPlan } from "./schools";

type Quintile = NonNullable<Student["ses_quintile"]>;
const QUINTILES: Quintile[] = ["Q1", "Q2", "Q3", "Q4", "Q5"];
const Q_WEIGHTS: Record<string, number[]> = {
  urban: [0.06, 0.1, 0.17, 0.27, 0.4],
  rural: [0.22, 0.24, 0.22, 0.18, 0.14],
  remote: [0.45, 0.27, 0.15, 0.09, 0.04],
  private: [0.02, 0.05, 0.13, 0.3, 0.5],
};
const Q_EFFECT: Record<string, number> = { Q1: -6, Q2: -3, Q3: 0, Q4: 3, Q5: 6, unknown: 0 };
const LOC_EFFECT: Record<string, number> = { urban: 3, rural: 0, remote: -6 };
export const DOMAINS = ["seeing", "hearing", "walking", "selfcare", "communication", "learning"] as const;
const DOMAIN_WEIGHTS = [0.15, 0.12, 0.14, 0.12, 0.12, 0.35];

/** Relative cohort size by grade order (PP..XII): fewer pupils continue to XI-XII. */
const GRADE_WEIGHT = [1, 1, 1, 1, 1, 1, 1, 0.8, 0.8, 0.95, 0.95, 0.72, 0.7];

/** Pupil and the extra facts the later steps need. */
export interface PupilDraft {
  row: Student;
  plan: SchoolPlan;
  order: number;
}

/**
 * Draws the pupils of every school: grade within the school's span (by cohort weights),
 * sex (a handful unknown), age = official age by the profile's cohort rule + an over-age
 * offset (larger for remote and poorer pupils, +1 for repeaters), SES quintile by
 * location (private schools richer; ~3% unknown), residence (central-school boarders
 * often from remote villages), nomadic (highland schools only) and repeater.
 */
export function drawPupils(profile: Profile, d: Draw, plans: SchoolPlan[], year: number): PupilDraft[] {
  const grades = [...profile.grades].sort((a, b) => a.order - b.order);
  const out: PupilDraft[] = [];
  let id = 0;
  for (const plan of plans) {
    const s = plan.row;
    const orders: number[] = [];
    for (let o = plan.span[0]; o <= plan.span[1]; o++) orders.push(o);
    const weights = orders.map((o) => GRADE_WEIGHT[o] * (0.85 + 0.3 * d.u()));
    const qWeights = Q_WEIGHTS[s.ownership === "private" ? "private" : s.location!];
    for (let k = 0; k < plan.enrolment; k++) {
      const order = orders[d.weighted(weights)];
      const grade = grades[order].code;
      const sex = d.chance(0.00005) ? "unknown" : d.chance(order >= 9 ? 0.52 : 0.495) ? "female" : "male";
      const quintile: Quintile = d.chance(0.03) ? "unknown" : QUINTILES[d.weighted(qWeights)];
      const poor = quintile === "Q1" || s.location === "remote";
      const repeater = d.chance(0.02 + (order <= 3 ? 0.02 : 0) + (s.location === "remote" ? 0.02 : 0) + (quintile === "Q1" ? 0.01 : 0));
      const r = d.u();
      let offset = r < 0.01 ? -1 : r < (poor ? 0.68 : 0.76) ? 0 : r < (poor ? 0.86 : 0.93) ? 1 : r < (poor ? 0.96 : 0.98) ? 2 : 3;
      if (repeater && offset < 1) offset = 1;
      const age = (officialAge(profile, grade, year) ?? 0) + offset;
      const boarderFromRemote = s.type === "CS" && d.chance(0.3);
      const residence = boarderFromRemote ? "remote" : s.location === "urban" && d.chance(0.05) ? "rural" : s.location!;
      const row: Student = {
        student_id: `BT-P${String(++id).padStart(6, "0")}`,
        school_id: s.school_id,
        year,
        grade,
        sex,
        age: Math.max(3, age),
        disability: "no",
        residence_location: residence,
        nomadic: plan.nomadicShare > 0 && d.chance(plan.nomadicShare) ? "yes" : "no",
        ses_quintile: quintile,
        repeater: repeater ? "yes" : "no",
      };
      out.push({ row, plan, order });
    }
  }
  return out;
}

/**
 * Marks exactly `male` boys and `female` girls as having a disability: every pupil of
 * the two special institutes (seeing, hearing), then a weighted draw without replacement
 * (Efraimidis-Spirakis keys) that favours inclusive schools (x10) and primary classes,
 * and under-identifies remote pupils. Functioning answers: "a lot of difficulty" (3) or
 * "cannot do at all" (4) in one domain (sometimes two) for them, 1-2 for everyone else;
 * `noAnswers` of them are reported without answers. UNICEF CFM anxiety/depression
 * "daily" (1) only among them, so both cut-offs give the same count.
 */
export function assignDisability(d: Draw, pupils: PupilDraft[], male: number, female: number, noAnswers: number): void {
  const special = pupils.filter((p) => p.plan.specialDomain);
  const keys = new Float64Array(pupils.length);
  for (let i = 0; i < pupils.length; i++) {
    const p = pupils[i];
    const w = (p.plan.inclusive ? 10 : 1) * (p.order <= 6 ? 1.3 : 1) * (p.plan.row.location === "remote" ? 0.7 : 1);
    keys[i] = -Math.log(1 - d.u()) / w;
  }
  const chosen = new Set<PupilDraft>(special.filter((p) => p.row.sex !== "unknown"));
  const need = {
    male: male - special.filter((p) => p.row.sex === "male").length,
    female: female - special.filter((p) => p.row.sex === "female").length,
  };
  const order = pupils.map((_, i) => i).filter((i) => !pupils[i].plan.specialDomain).sort((a, b) => keys[a] - keys[b] || a - b);
  for (const i of order) {
    const sex = pupils[i].row.sex as "male" | "female" | "unknown";
    if (sex === "unknown" || need[sex] <= 0) continue;
    chosen.add(pupils[i]);
    need[sex]--;
    if (need.male <= 0 && need.female <= 0) break;
  }
  let withoutAnswers = 0;
  for (const p of pupils) {
    const row = p.row;
    if (!chosen.has(p)) {
      for (const dom of DOMAINS) row[`wg_${dom}`] = d.chance(0.03) ? 2 : 1;
      row.cfm_anxiety = 2 + d.weighted([0.03, 0.07, 0.3, 0.6]);
      row.cfm_depression = 2 + d.weighted([0.02, 0.05, 0.25, 0.68]);
      continue;
    }
    row.disability = "yes";
    if (!p.plan.specialDomain && withoutAnswers < noAnswers && d.chance(0.05)) {
      withoutAnswers++;
      continue;
    }
    const main = p.plan.specialDomain ?? DOMAINS[d.weighted(DOMAIN_WEIGHTS)];
    const second = d.chance(0.2) ? DOMAINS[d.weighted(DOMAIN_WEIGHTS)] : undefined;
    for (const dom of DOMAINS) row[`wg_${dom}`] = dom === main ? (d.chance(0.3) ? 4 : 3) : dom === second ? 3 : d.chance(0.15) ? 2 : 1;
    row.cfm_anxiety = d.chance(0.1) ? 1 : 2 + d.weighted([0.1, 0.15, 0.3, 0.45]);
    row.cfm_depression = d.chance(0.06) ? 1 : 2 + d.weighted([0.08, 0.12, 0.3, 0.5]);
  }
}

/**
 * Scores, pass results, end-of-year status and attendance. Score: 58 + 3 for girls +
 * quintile effect (Q1 −6 ... Q5 +6) + location effect (urban +3, remote −6) + school
 * effect + noise (sd 13) − 6 with a disability, clamped to 0-100. `passed` is the
 * year's annual examination for every class (school-based for PP-IX and XI, BCSE in X,
 * BHSEC in XII): pass mark 35 up to Class X, 40 in XI-XII (BCSEA). Status: ~1.5%
 * transferred out, dropout higher for remote, Q1 and over-age pupils, ~1% unknown;
 * otherwise promoted (completed after XII) when passed and repeated when not.
 */
export function drawOutcomes(d: Draw, pupils: PupilDraft[], year: number, profile: Profile): void {
  for (const p of pupils) {
    const row = p.row;
    const loc = p.plan.row.location!;
    const overAge = (row.age ?? 0) - (officialAge(profile, row.grade, year) ?? 0);
    const leave = d.u();
    const pDrop = 0.01 + (loc === "remote" ? 0.015 : 0) + (row.ses_quintile === "Q1" ? 0.01 : 0) + (overAge >= 2 ? 0.02 : 0) + (p.order >= 7 && row.sex === "male" ? 0.005 : 0);
    if (leave < 0.01) {
      row.status = "unknown";
      row.passed = "unknown";
    } else if (leave < 0.025) row.status = "transferred-out";
    else if (leave < 0.025 + pDrop) row.status = "dropped-out";
    else {
      const score = 58 + (row.sex === "female" ? 3 : 0) + Q_EFFECT[row.ses_quintile ?? "unknown"] + LOC_EFFECT[loc] + p.plan.effect + 13 * d.normal() - (row.disability === "yes" ? 6 : 0) - (row.repeater === "yes" ? 4 : 0);
      row.score = Math.round(Math.min(100, Math.max(0, score)) * 10) / 10;
      const passed = row.score >= (p.order >= 11 ? 40 : 35);
      row.passed = passed ? "yes" : "no";
      row.status = passed ? (p.order === 12 ? "completed" : "promoted") : "repeated";
    }
    const dropped = row.status === "dropped-out";
    const att = dropped ? 45 + 15 * d.normal() : 93 + 4 * d.normal() - (loc === "remote" ? 3 : 0) - (row.ses_quintile === "Q1" ? 2 : 0);
    row.attendance = Math.round(Math.min(100, Math.max(0, att)) * 10) / 10;
  }
}

/**
 * Sections (classes) of each school and grade: pupils ÷ a target class size (primary
 * 25 rural / 36 urban, secondary 32 / 40: Thimphu classes run over 40). Schools under 60
 * pupils teach pairs of grades together: one multigrade section, coded with its lower
 * grade and counted once (UOE). Returns the sections and sets each school's classrooms.
 */
export function drawSections(d: Draw, plans: SchoolPlan[], pupils: PupilDraft[], profile: Profile, year: number): Section[] {
  const grades = [...profile.grades].sort((a, b) => a.order - b.order);
  const byPlan = new Map<SchoolPlan, number[]>();
  for (const p of pupils) {
    let counts = byPlan.get(p.plan);
    if (!counts) byPlan.set(p.plan, (counts = new Array(grades.length).fill(0)));
    counts[p.order]++;
  }
  const sections: Section[] = [];
  let id = 0;
  for (const plan of plans) {
    const counts = byPlan.get(plan) ?? new Array(grades.length).fill(0);
    const urban = plan.row.location === "urban";
    let n = 0;
    const push = (order: number, size: number, multigrade: boolean) => {
      sections.push({ section_id: `BT-C${String(++id).padStart(5, "0")}`, school_id: plan.row.school_id, year, grade: grades[order].code, pupils: size, multigrade: multigrade ? "yes" : "no" });
      n++;
    };
    if (plan.enrolment < 60) {
      for (let o = plan.span[0]; o <= plan.span[1]; o += 2) {
        const size = counts[o] + (o + 1 <= plan.span[1] ? counts[o + 1] : 0);
        if (size > 0) push(o, size, o + 1 <= plan.span[1] && counts[o] > 0 && counts[o + 1] > 0);
      }
    } else {
      for (let o = plan.span[0]; o <= plan.span[1]; o++) {
        if (!counts[o]) continue;
        const target = (o <= 6 ? (urban ? 36 : 25) : urban ? 40 : 32) * (0.9 + 0.2 * d.u());
        const k = Math.max(1, Math.round(counts[o] / target));
        for (let j = 0; j < k; j++) push(o, Math.floor(counts[o] / k) + (j < counts[o] % k ? 1 : 0), false);
      }
    }
    plan.row.classrooms = Math.max(1, n + (urban ? -Math.floor(d.u() * 3) : Math.floor(d.u() * 3)));
  }
  return sections;
}
