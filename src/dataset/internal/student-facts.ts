import type { ColumnTable } from "../../models/columns";
import { officialAge } from "../../profiles";
import { DimBuilder } from "../fact-table";
import { ageAt, atRiskStatus, DEFAULT_DERIVE, functioningStatus } from "../derive";
import { copyCodes, keptRows, numberGetter, stringGetter } from "./column-access";
import { dedupe } from "./dedupe";
import { yesNoMeasure } from "./school-facts";
import { finishFact, linkSchools, type BuildContext } from "./context";
import { rowSource, type RowSource } from "./row-source";

const WG = ["wg_seeing", "wg_hearing", "wg_walking", "wg_selfcare", "wg_communication", "wg_learning"];
const CODES = ["grade", "sex", "residence_location", "nomadic", "language", "ethnicity", "ses_quintile", "repeater", "status"];

/** Status → [repeated, dropped, promoted]; transferred-out and unknown are NaN (outcome unknown here). */
function statusMeasures(s: string | null): [number, number, number] {
  switch (s) {
    case "repeated":
      return [1, 0, 0];
    case "dropped-out":
      return [0, 1, 0];
    case "promoted":
    case "completed":
      return [0, 0, 1];
    default:
      return [Number.NaN, Number.NaN, Number.NaN];
  }
}

export function buildStudentFacts(t: ColumnTable, ctx: BuildContext, source: RowSource = rowSource("students")) {
  const { profile, schoolDims, derive } = ctx;
  // A pupil appears once per school year: ids repeat across years.
  const { keep, duplicates } = dedupe(t, "student_id", source, ctx.issues, true, ctx.year);
  const n = t.length - duplicates;
  const dimNames = ["school", "year", ...CODES, "disability", "disability_functioning", "over_age", "at_risk", ...schoolDims];
  const dims: Record<string, DimBuilder> = Object.fromEntries(dimNames.map((d) => [d, new DimBuilder(n)]));
  const get = Object.fromEntries(CODES.map((c) => [c, stringGetter(t, c)]));
  const disabilityGet = stringGetter(t, "disability");
  const wgGet = WG.map((w) => numberGetter(t, w));
  const affectGet = ["cfm_anxiety", "cfm_depression"].map((w) => numberGetter(t, w));
  const ageGet = numberGetter(t, "age");
  const birthGet = stringGetter(t, "birth_date");
  const passedGet = stringGetter(t, "passed");
  const scoreGet = numberGetter(t, "score");
  const attendanceGet = numberGetter(t, "attendance");
  const m = (name: string) => new Float64Array(n);
  const measures = {
    enrolled: new Float64Array(n).fill(1),
    repeated: m("repeated"),
    dropped: m("dropped"),
    promoted: m("promoted"),
    passed: m("passed"),
    sat: m("sat"),
    score: m("score"),
    over_age: m("over_age"),
    disabled: m("disabled"),
    at_risk: m("at_risk"),
    attendance: m("attendance"),
    age: m("age"),
    repeater: m("repeater"),
    female: m("female"),
  };
  const overYears = derive.overAgeYears ?? DEFAULT_DERIVE.overAgeYears;
  const gradeCodes = new Set(profile.grades.map((g) => g.code));
  // one array each for every row's answers (an array per row was most of the build's garbage)
  const wg = wgGet.map(() => Number.NaN);
  const affect = affectGet.map(() => Number.NaN);
  const rows = keptRows(keep, n);
  const { years, orphans } = linkSchools(ctx, source, t, dims, rows);
  for (const c of CODES) copyCodes(t, c, dims[c], rows);
  for (let j = 0; j < n; j++) {
    const i = rows[j];
    const yr = Number.isNaN(years[j]) ? undefined : years[j];

    for (let k = 0; k < wgGet.length; k++) wg[k] = wgGet[k](i);
    for (let k = 0; k < affectGet.length; k++) affect[k] = affectGet[k](i);
    const fs = functioningStatus(wg, affect, derive);
    dims.disability_functioning.set(j, fs);
    // Functioning answers, where complete enough to decide, take precedence over a reported status.
    const reported = disabilityGet(i);
    const disability = fs !== "unknown" ? fs : reported ?? "unknown";
    dims.disability.set(j, disability);
    measures.disabled[j] = yesNoMeasure(disability);

    let age = ageGet(i);
    const birth = birthGet(i);
    if (Number.isNaN(age) && birth !== null && yr !== undefined) age = ageAt(birth, yr, profile.referenceDate);
    measures.age[j] = age;
    const grade = get.grade(i);
    let overAge = Number.NaN;
    const intended = !Number.isNaN(age) && grade !== null && gradeCodes.has(grade) && yr !== undefined ? officialAge(profile, grade, yr) : null;
    if (intended !== null) overAge = age - intended >= overYears ? 1 : 0;
    measures.over_age[j] = overAge;
    dims.over_age.set(j, Number.isNaN(overAge) ? null : overAge ? "yes" : "no");

    const [rep, drop, prom] = statusMeasures(get.status(i));
    measures.repeated[j] = rep;
    measures.dropped[j] = drop;
    measures.promoted[j] = prom;
    const passed = passedGet(i);
    // Not sat (missing) is not a fail: sat = 0 keeps the pupil out of pass rates. A
    // result recorded as "unknown" means the pupil sat: the pupil stays in the pass
    // rate's records and, with passed = NaN, is excluded from both parts and counted.
    measures.sat[j] = passed === "yes" || passed === "no" || passed === "unknown" ? 1 : 0;
    measures.passed[j] = passed === "yes" ? 1 : passed === "no" ? 0 : passed === "unknown" ? Number.NaN : 0;
    const sex = get.sex(i);
    // Sex as an outcome (girls' share): unknown is NaN, so it leaves both parts and is counted.
    measures.female[j] = sex === "female" ? 1 : sex === "male" ? 0 : Number.NaN;
    measures.score[j] = scoreGet(i);
    measures.attendance[j] = attendanceGet(i);
    const repeater = yesNoMeasure(get.repeater(i));
    measures.repeater[j] = repeater;
    const risk = atRiskStatus(
      { overAge, repeater, attendance: attendanceGet(i), failed: passed === "no" ? 1 : passed === "yes" ? 0 : Number.NaN },
      derive,
    );
    dims.at_risk.set(j, risk);
    measures.at_risk[j] = yesNoMeasure(risk);
  }
  return finishFact("students", dims, measures, t.length, duplicates, orphans);
}
