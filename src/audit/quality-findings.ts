import type { Dataset } from "../dataset/create-dataset";
import type { FactTable } from "../dataset/fact-table";
import { UNKNOWN } from "../dataset/fact-table";
import { hierarchyColumns } from "../models/schemas-for";
import { officialAge } from "../profiles/official-age";

/** One data-quality finding: the rule broken and the record that breaks it. */
export interface QualityFinding {
  /** Stable kebab-case rule id (see {@link qualityFindings}). */
  rule: string;
  severity: "error" | "warning";
  /** Input table (`students`, `teachers`, `schools`, `sections`, or a count table). */
  table: string;
  /** The record: a row, a school id, a code. */
  record: string;
  field?: string;
  value?: string | number | null;
  message: string;
}

/** Options of {@link qualityFindings}. */
export interface QualityFindingsOptions {
  /** Pupil age this many years below the grade's official age is impossible; default 3. */
  ageBelow?: number;
  /** ...or this many years above it; default 10. */
  ageAbove?: number;
  /** School pupil-teacher ratio above this is an outlier; default 100. */
  maxPtr?: number;
  /** A section (class) with more pupils than this is an outlier; default 80. */
  maxClassSize?: number;
  /** Year-on-year change in a school's enrolment above this share (and `minJump` pupils); default 0.5. */
  maxJump?: number;
  minJump?: number;
  /** Findings kept per rule (all are counted); default 100. */
  maxPerRule?: number;
}

/** Result of {@link qualityFindings}: kept findings and full counts per rule. */
export interface QualityReport {
  findings: QualityFinding[];
  counts: Record<string, number>;
}

function codeAt(f: FactTable, dim: string, i: number): string {
  const d = f.dims[dim];
  return d ? d.dictionary[d.codes[i]] : UNKNOWN;
}

function sumBySchool(f: FactTable | undefined, measure: string, keyOf: (i: number) => string = (i) => codeAt(f!, "school", i)): Map<string, number> {
  const out = new Map<string, number>();
  if (!f) return out;
  const m = f.measures[measure];
  for (let i = 0; i < f.length; i++) {
    const v = m[i];
    if (Number.isNaN(v)) continue;
    const k = keyOf(i);
    out.set(k, (out.get(k) ?? 0) + v);
  }
  return out;
}

/**
 * Data-quality checks of the kind EMIS peers ask for; each finding names the record and
 * the rule. Rules:
 * - `duplicate-id`, `orphan`: from the dataset's integrity issues (file, row, id);
 * - `margin-mismatch`: a published total differs from the sum of its parts;
 * - `age-grade`: a pupil's age is `ageBelow`+ years under or `ageAbove`+ years over the
 *   official age of the grade (cohort rule of the profile): impossible, not over-age;
 * - `ptr-outlier`: a school's pupil-teacher ratio in a year (pupils ÷ teaching staff of
 *   that year) above `maxPtr`; `no-teachers`: a school with pupils and no teacher record
 *   that year (orphan school ids are left to `orphan`);
 * - `empty-class`: a section with 0 pupils; `class-size-outlier`: more than `maxClassSize`;
 * - `free-text-code`: a coded field (school level, type, ownership, location, grade,
 *   hierarchy units) holding a code that is not in the profile's lists;
 * - `year-jump`: a school's enrolment changing by more than `maxJump` (and at least
 *   `minJump` pupils) from one year to the next.
 * Pupil records are named by school, grade and their row in the kept student facts
 * (duplicates removed), since the facts do not keep pupil ids.
 * @param dataset from `createDataset`
 * @param options thresholds (documented defaults)
 * @returns findings (at most `maxPerRule` per rule) and counts per rule
 * @example qualityFindings(ds).counts // { "ptr-outlier": 1, "empty-class": 2 }
 */
export function qualityFindings(dataset: Dataset, options: QualityFindingsOptions = {}): QualityReport {
  const o = { ageBelow: 3, ageAbove: 10, maxPtr: 100, maxClassSize: 80, maxJump: 0.5, minJump: 20, maxPerRule: 100, ...options };
  const findings: QualityFinding[] = [];
  const counts: Record<string, number> = {};
  const add = (f: QualityFinding) => {
    counts[f.rule] = (counts[f.rule] ?? 0) + 1;
    if (counts[f.rule] <= o.maxPerRule) findings.push(f);
  };
  for (const i of dataset.integrity.issues) {
    if (i.code !== "duplicate-id" && i.code !== "orphan") continue;
    add({ rule: i.code, severity: "error", table: i.file ?? "", record: `${i.file} row ${i.row} (${i.column} ${String(i.value)})`, field: i.column, value: (i.value as string) ?? null, message: i.message });
  }
  for (const m of dataset.integrity.margins) {
    if (m.reconciles !== false) continue;
    const group = Object.entries(m.group).map(([k, v]) => `${k}=${v}`).join(", ");
    add({ rule: "margin-mismatch", severity: "error", table: m.table, record: group, field: m.measure, value: m.published, message: `${m.table} ${group}: published ${m.measure} ${m.published} differs from the sum of its parts along ${m.along} (${m.sumOfParts}); correct the total or the parts` });
  }
  const { profile } = dataset;
  const st = dataset.facts.students;
  if (st) {
    const grades = new Set(profile.grades.map((g) => g.code));
    const age = st.measures.age;
    for (let i = 0; i < st.length; i++) {
      const a = age[i];
      const grade = codeAt(st, "grade", i);
      const year = Number(codeAt(st, "year", i));
      if (Number.isNaN(a) || !grades.has(grade) || !Number.isFinite(year)) continue;
      const off = officialAge(profile, grade, year);
      if (off === null || (a > off - o.ageBelow && a < off + o.ageAbove)) continue;
      add({ rule: "age-grade", severity: "warning", table: "students", record: `students row ${i + 1} (school ${codeAt(st, "school", i)}, grade ${grade})`, field: "age", value: a, message: `age ${a} is impossible for grade ${grade} in ${year} (official age ${off}; allowed ${off - o.ageBelow + 1} to ${off + o.ageAbove - 1}); check the birth date` });
    }
  }
  const te = dataset.facts.teachers;
  if (st && te) {
    // Per school and school year: pupils ÷ teaching staff of the same year.
    const key = (f: FactTable) => (i: number) => `${codeAt(f, "school", i)}\u0000${codeAt(f, "year", i)}`;
    const pupils = sumBySchool(st, "enrolled", key(st));
    const teachers = sumBySchool(te, "teachers", key(te));
    const known = dataset.facts.schools?.dims.school ? new Set(dataset.facts.schools.dims.school.dictionary) : null;
    for (const [k, p] of [...pupils].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const [school, year] = k.split("\u0000");
      // Orphans (school not in the school file) are reported as such, not here.
      if (school === UNKNOWN || (known && !known.has(school))) continue;
      const t = teachers.get(k) ?? 0;
      const rec = `school ${school}${year === UNKNOWN ? "" : ` (${year})`}`;
      if (t === 0 && p > 0) add({ rule: "no-teachers", severity: "error", table: "teachers", record: rec, field: "school_id", value: p, message: `${rec} has ${p} pupils and no teaching staff; add its teachers or correct the school ids` });
      else if (t > 0 && p / t > o.maxPtr) add({ rule: "ptr-outlier", severity: "warning", table: "schools", record: rec, field: "pupil-teacher-ratio", value: p / t, message: `${rec}: ${p} pupils per ${t} teachers = ${(p / t).toFixed(1)}, above ${o.maxPtr}; check enrolment and staff records` });
    }
  }
  const se = dataset.facts.sections;
  if (se) {
    const pupils = se.measures.pupils;
    for (let i = 0; i < se.length; i++) {
      const p = pupils[i];
      const rec = `sections row ${i + 1} (school ${codeAt(se, "school", i)}, grade ${codeAt(se, "grade", i)})`;
      if (p === 0) add({ rule: "empty-class", severity: "warning", table: "sections", record: rec, field: "pupils", value: 0, message: `${rec} has 0 pupils; remove the section or fill in its enrolment` });
      else if (p > o.maxClassSize) add({ rule: "class-size-outlier", severity: "warning", table: "sections", record: rec, field: "pupils", value: p, message: `${rec} has ${p} pupils, above ${o.maxClassSize}; check for a typing error or a merged section` });
    }
  }
  checkCodes(dataset, add);
  if (st && st.dims.year && st.dims.year.dictionary.length > 1) {
    const bySchoolYear = sumBySchool(st, "enrolled", (i) => `${codeAt(st, "school", i)}\u0000${codeAt(st, "year", i)}`);
    const years = [...new Set(st.dims.year.dictionary)].filter((y) => y !== UNKNOWN).map(Number).sort((a, b) => a - b);
    const schools = [...new Set([...bySchoolYear.keys()].map((k) => k.split("\u0000")[0]))].sort();
    for (const s of schools) {
      for (let k = 1; k < years.length; k++) {
        if (years[k] !== years[k - 1] + 1) continue;
        const a = bySchoolYear.get(`${s}\u0000${years[k - 1]}`);
        const b = bySchoolYear.get(`${s}\u0000${years[k]}`);
        if (a === undefined || b === undefined) continue;
        if (Math.abs(b - a) >= o.minJump && Math.abs(b - a) > o.maxJump * a) {
          add({ rule: "year-jump", severity: "warning", table: "students", record: `school ${s} ${years[k - 1]}→${years[k]}`, field: "enrolment", value: b - a, message: `school ${s}: enrolment ${a} in ${years[k - 1]} and ${b} in ${years[k]} (${b > a ? "+" : ""}${(((b - a) / a) * 100).toFixed(0)}%); check for a merger, a split or a reporting error` });
        }
      }
    }
  }
  return { findings, counts };
}

/** Coded fields checked against the profile's lists. */
function checkCodes(dataset: Dataset, add: (f: QualityFinding) => void): void {
  const p = dataset.profile;
  const lists: Record<string, Set<string>> = {
    school_level: new Set(p.schoolLevels.map((c) => c.code)),
    type: new Set(p.schoolTypes.map((c) => c.code)),
    ownership: new Set(p.ownership.map((c) => c.code)),
    location: new Set(p.locationClasses),
  };
  for (const h of hierarchyColumns(p)) {
    const units = p.units.filter((u) => u.level === h);
    if (units.length) lists[h] = new Set(units.map((u) => u.code));
  }
  const checks: Array<[string, string, Set<string>]> = Object.entries(lists).map(([d, s]) => ["schools", d, s]);
  if (p.grades.length) {
    checks.push(["students", "grade", new Set(p.grades.map((g) => g.code))]);
    checks.push(["sections", "grade", new Set(p.grades.map((g) => g.code))]);
  }
  for (const [table, dim, allowed] of checks) {
    const f = dataset.facts[table];
    const d = f?.dims[dim];
    if (!f || !d || allowed.size === 0) continue;
    const rows = new Map<number, number[]>();
    for (let i = 0; i < f.length; i++) {
      const c = d.codes[i];
      const code = d.dictionary[c];
      if (code === UNKNOWN || allowed.has(code)) continue;
      let r = rows.get(c);
      if (!r) rows.set(c, (r = []));
      r.push(i);
    }
    for (const [c, r] of [...rows].sort((a, b) => (d.dictionary[a[0]] < d.dictionary[b[0]] ? -1 : 1))) {
      const code = d.dictionary[c];
      const first = table === "schools" ? `school ${codeAt(f, "school", r[0])}` : `${table} row ${r[0] + 1} (school ${codeAt(f, "school", r[0])})`;
      add({ rule: "free-text-code", severity: "error", table, record: first, field: dim === "school_level" ? "level" : dim, value: code, message: `${dim === "school_level" ? "level" : dim} "${code}" in ${r.length} ${table} row(s), first ${first}, is not a code of profile ${p.id}; map it to one of ${[...allowed].slice(0, 8).join(", ")}${allowed.size > 8 ? ", ..." : ""}` });
    }
  }
}
