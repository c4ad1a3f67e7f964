/**
 * The engine benchmark's data and workload, shared by the engine run and the two
 * baselines so that all three compute the same numbers from the same seeded records.
 *
 * Pupils (one fact row each): district (20), location (urban/rural, from the school),
 * school (~1 per 400 pupils, nested in districts), grade (12), sex, disability (~7%),
 * SES quintile, status (repeated / dropped-out / promoted / unknown → measures
 * repeated, dropped with NaN for unknown), sat (~40%), passed, score (NaN for ~5%).
 * Teachers: one row per staff member, ~1 per 20 pupils, in the same schools; ~3% have
 * no teaching duties (dimension teaching = "no", measure teachers = 0).
 *
 * Workload (what `npm run bench` times):
 *  1. enrolment by district × sex × location × disability;
 *  2. pass rate by district and district × sex, and its gender parity per district;
 *  3. pupil-teacher ratio of every school, and the Gini of school PTRs;
 *  4. repetition and dropout (status-based) by location × SES quintile;
 *  5. mean score by SES quintile.
 */
import type { Dataset } from "../src/dataset/create-dataset";
import type { FactTable } from "../src/dataset/fact-table";
import type { ResultRow } from "../src/models/result";
import type { DisaggregateOptions } from "../src/disaggregate";
import { profiles } from "../src/profiles";
import { seededRandom } from "../src/stats/random";

export const DISTRICTS = Array.from({ length: 20 }, (_, i) => `D${String(i + 1).padStart(2, "0")}`);
export const LOCATIONS = ["urban", "rural"];
export const GRADES = Array.from({ length: 12 }, (_, i) => `G${i + 1}`);
export const SEXES = ["female", "male"];
export const YESNO = ["no", "yes"];
export const QUINTILES = ["Q1", "Q2", "Q3", "Q4", "Q5"];

export interface BenchData {
  dataset: Dataset;
  pupils: FactTable;
  teachers: FactTable;
  schools: number;
}

/** Seeded pupils and teachers as columnar facts (the engine's storage). */
export function generate(rows: number, seed = 7): BenchData {
  const u = seededRandom(seed);
  const schools = Math.max(20, Math.round(rows / 400));
  const schoolDistrict = new Uint32Array(schools);
  const schoolLocation = new Uint32Array(schools);
  for (let s = 0; s < schools; s++) {
    schoolDistrict[s] = s % DISTRICTS.length;
    schoolLocation[s] = u() < 0.65 ? 1 : 0;
  }
  const schoolDict = Array.from({ length: schools }, (_, s) => `S${String(s + 1).padStart(6, "0")}`);
  const col = () => new Uint32Array(rows);
  const district = col();
  const location = col();
  const school = col();
  const grade = col();
  const sex = col();
  const disability = col();
  const ses = col();
  const f64 = () => new Float64Array(rows);
  const enrolled = f64().fill(1);
  const sat = f64();
  const passed = f64();
  const score = f64();
  const repeated = f64();
  const dropped = f64();
  for (let i = 0; i < rows; i++) {
    const s = Math.floor(u() * schools);
    school[i] = s;
    district[i] = schoolDistrict[s];
    const loc = schoolLocation[s];
    location[i] = loc;
    const g = Math.floor(u() * 12);
    grade[i] = g;
    const sx = u() < 0.49 ? 0 : 1;
    sex[i] = sx;
    disability[i] = u() < 0.07 ? 1 : 0;
    const q = Math.min(4, Math.floor(u() * 5 + (loc === 0 ? 0.6 : -0.3) * u()));
    ses[i] = Math.max(0, q);
    const st = u();
    if (st < 0.02) {
      repeated[i] = Number.NaN;
      dropped[i] = Number.NaN;
    } else if (st < 0.08 + (loc ? 0.03 : 0)) {
      repeated[i] = 1;
    } else if (st < 0.12 + (loc ? 0.04 : 0)) {
      dropped[i] = 1;
    }
    if (g === 9 || g === 11 || u() < 0.25) {
      sat[i] = 1;
      const r = u();
      passed[i] = r < 0.005 ? Number.NaN : r < 0.55 + 0.05 * ses[i] + (sx === 0 ? 0.03 : 0) ? 1 : 0;
    }
    score[i] = u() < 0.05 ? Number.NaN : Math.round(300 + 40 * ses[i] + 400 * u()) / 10;
  }
  const dict = (codes: Uint32Array, dictionary: string[]) => ({ codes, dictionary });
  const pupils: FactTable = {
    name: "students",
    length: rows,
    dims: {
      district: dict(district, DISTRICTS),
      location: dict(location, LOCATIONS),
      school: dict(school, schoolDict),
      grade: dict(grade, GRADES),
      sex: dict(sex, SEXES),
      disability: dict(disability, YESNO),
      ses_quintile: dict(ses, QUINTILES),
    },
    measures: { enrolled, sat, passed, score, repeated, dropped },
    // as createDataset declares its record counts
    ones: ["enrolled"],
  };
  const nt = Math.max(schools, Math.round(rows / 20));
  const tSchool = new Uint32Array(nt);
  const tDistrict = new Uint32Array(nt);
  const tLocation = new Uint32Array(nt);
  const tCount = new Float64Array(nt).fill(1);
  const tTeaching = new Uint32Array(nt);
  for (let i = 0; i < nt; i++) {
    // every school has at least one teacher; the rest spread unevenly
    const s = i < schools ? i : Math.floor(u() * u() * schools);
    tSchool[i] = s;
    tDistrict[i] = schoolDistrict[s];
    tLocation[i] = schoolLocation[s];
    // ~3% staff without teaching duties: teachers = 0 (as createDataset stores them), and
    // the PTR's filter teaching ≠ "no" leaves them out; sums are the same either way.
    if (i >= schools && u() < 0.03) {
      tTeaching[i] = 1;
      tCount[i] = 0;
    }
  }
  const teachers: FactTable = {
    name: "teachers",
    length: nt,
    dims: { district: dict(tDistrict, DISTRICTS), location: dict(tLocation, LOCATIONS), school: dict(tSchool, schoolDict), teaching: dict(tTeaching, ["yes", "no"]) },
    measures: { teachers: tCount },
  };
  const dataset: Dataset = {
    profile: profiles.generic,
    facts: { students: pupils, teachers },
    integrity: { accounts: {}, issues: [], margins: [] },
    schoolDims: ["district", "location"],
  };
  return { dataset, pupils, teachers, schools };
}

/**
 * The workload's headline numbers, used to check that the engine and the baselines
 * computed the same thing: total enrolment, national pass rate, mean of the district
 * gender parity indices, national PTR, Gini of school PTRs, rural Q1 repetition and
 * dropout, mean score of Q1 and Q5.
 */
export interface Checksum {
  enrolment: number;
  cells: number;
  passRate: number;
  meanParity: number;
  ptr: number;
  gini: number;
  repRuralQ1: number;
  dropRuralQ1: number;
  scoreQ1: number;
  scoreQ5: number;
}

/** The issue's workload as an analyst asks for it: one call, one suppression pattern. */
export const INDICATORS = ["enrolment", "pass-rate", "pupil-teacher-ratio", "gini-school-ptr", "repetition-status", "dropout-status", "mean-score"];
export const OPTIONS: DisaggregateOptions = {
  groupingSets: [[], ["district"], ["district", "sex"], ["district", "sex", "location", "disability"], ["school"], ["location", "ses_quintile"], ["ses_quintile"]],
  setsFor: {
    enrolment: [["district", "sex", "location", "disability"]],
    "pass-rate": [[], ["district"], ["district", "sex"]],
    "pupil-teacher-ratio": [[], ["school"]],
    "gini-school-ptr": [[]],
    "repetition-status": [["location", "ses_quintile"]],
    "dropout-status": [["location", "ses_quintile"]],
    "mean-score": [["ses_quintile"]],
  },
};

/** The workload's checksum read from the result table of the one call. */
export function checksumOf(t: ResultRow[]): Checksum {
  const of = (indicator: string) => t.filter((r) => r.indicator === indicator);
  const one = (rows: ResultRow[], where: Record<string, string | null>) => rows.find((r) => Object.entries(where).every(([k, v]) => r[k] === v))!;
  const counts = of("enrolment");
  const pass = of("pass-rate");
  let parity = 0;
  let districts = 0;
  for (const r of pass) {
    if (r.level !== "district") continue;
    const f = one(pass, { level: "district+sex", district: r.district as string, sex: "female" }).value!;
    const m = one(pass, { level: "district+sex", district: r.district as string, sex: "male" }).value!;
    parity += f / m;
    districts++;
  }
  return {
    enrolment: counts.reduce((a, r) => a + (r.value ?? 0), 0),
    cells: counts.length,
    passRate: one(pass, { level: "total" }).value!,
    meanParity: parity / districts,
    ptr: one(of("pupil-teacher-ratio"), { level: "total" }).value!,
    gini: one(of("gini-school-ptr"), { level: "total" }).value!,
    repRuralQ1: one(of("repetition-status"), { location: "rural", ses_quintile: "Q1" }).value!,
    dropRuralQ1: one(of("dropout-status"), { location: "rural", ses_quintile: "Q1" }).value!,
    scoreQ1: one(of("mean-score"), { ses_quintile: "Q1" }).value!,
    scoreQ5: one(of("mean-score"), { ses_quintile: "Q5" }).value!,
  };
}

/** Checksums agree to 1e-9 relative. */
export function sameChecksum(a: Checksum, b: Checksum): boolean {
  return (Object.keys(a) as (keyof Checksum)[]).every((k) => Math.abs(a[k] - b[k]) <= 1e-9 * Math.max(1, Math.abs(a[k])));
}

/** Peak resident memory of this process so far, in MB. */
export function peakMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Times `fn` `runs` times; returns the checksum of the last run and each run's ms. */
export function timeRuns<T>(runs: number, fn: () => T): { result: T; ms: number[] } {
  const ms: number[] = [];
  let result!: T;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = fn();
    ms.push(performance.now() - t0);
  }
  return { result, ms };
}
