import type { ColumnTable } from "../../models/columns";
import { DimBuilder } from "../fact-table";
import { ageBand, experienceBand } from "../derive";
import { copyCodes, keptRows, numberGetter, stringGetter } from "./column-access";
import { dedupe } from "./dedupe";
import { yesNoMeasure } from "./school-facts";
import { finishFact, linkSchools, type BuildContext } from "./context";
import { rowSource, type RowSource } from "./row-source";

const CODES = ["sex", "qualification", "qualified", "trained", "teaching", "posting", "ses"];

export function buildTeacherFacts(t: ColumnTable, ctx: BuildContext, source: RowSource = rowSource("teachers")) {
  const { schoolDims } = ctx;
  const { keep, duplicates } = dedupe(t, "teacher_id", source, ctx.issues, true, ctx.year);
  const n = t.length - duplicates;
  const dimNames = ["school", "year", ...CODES, "age_band", "experience_band", ...schoolDims];
  const dims: Record<string, DimBuilder> = Object.fromEntries(dimNames.map((d) => [d, new DimBuilder(n)]));
  const get = Object.fromEntries(CODES.map((c) => [c, stringGetter(t, c)]));
  const birthGet = numberGetter(t, "birth_year");
  const expGet = numberGetter(t, "experience_years");
  const fteGet = numberGetter(t, "fte");
  const measures = {
    teachers: new Float64Array(n),
    fte: new Float64Array(n),
    female: new Float64Array(n),
    trained: new Float64Array(n),
    qualified: new Float64Array(n),
    age: new Float64Array(n),
    experience: new Float64Array(n),
  };
  const rows = keptRows(keep, n);
  const { years, orphans } = linkSchools(ctx, source, t, dims, rows);
  for (const c of CODES) if (c !== "posting") copyCodes(t, c, dims[c], rows);
  for (let j = 0; j < n; j++) {
    const i = rows[j];
    const yr = Number.isNaN(years[j]) ? undefined : years[j];
    // Posting location defaults to the school's location.
    const posting = get.posting(i);
    dims.posting.set(j, posting === null ? dims.location.dictionary[dims.location.codes[j]] : posting);
    const teaching = get.teaching(i) !== "no";
    // UIS excludes staff without teaching duties from teacher counts.
    measures.teachers[j] = teaching ? 1 : 0;
    // Missing FTE is unknown, not 0 and not 1: FTE-based ratios exclude and count it.
    measures.fte[j] = teaching ? fteGet(i) : 0;
    const sex = get.sex(i);
    measures.female[j] = sex === "female" ? 1 : sex === "male" ? 0 : Number.NaN;
    measures.trained[j] = yesNoMeasure(get.trained(i));
    measures.qualified[j] = yesNoMeasure(get.qualified(i));
    const age = yr === undefined ? Number.NaN : yr - birthGet(i);
    measures.age[j] = age;
    measures.experience[j] = expGet(i);
    dims.age_band.set(j, ageBand(age));
    dims.experience_band.set(j, experienceBand(expGet(i)));
  }
  return finishFact("teachers", dims, measures, t.length, duplicates, orphans);
}
