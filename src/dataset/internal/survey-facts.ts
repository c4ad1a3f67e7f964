import type { ColumnTable } from "../../models/columns";
import { PEDAGOGY_ITEMS } from "../../models/school-survey";
import { DimBuilder, type FactTable } from "../fact-table";
import type { InputAccount } from "../create-dataset";
import { compositeIndex, type CompositeIndexOptions } from "../composite-index";
import { numberGetter, stringGetter } from "./column-access";
import { inheritSchool } from "./school-facts";
import { orphanIssue, type BuildContext } from "./context";

/**
 * School survey responses as the fact `school_surveys`: dimensions `school`, `year`,
 * `respondent` and the school's dimensions; measures `responses` (1 each), every
 * pedagogy item (NaN when unanswered) and `pedagogy_index` (the composite index of the
 * items, 0-100 by default, NaN under the missing-item rule).
 */
export function buildSurveyFacts(t: ColumnTable, ctx: BuildContext, indexOptions: CompositeIndexOptions = {}) {
  const { schoolDims, schoolIndex } = ctx;
  const n = t.length;
  const dims: Record<string, DimBuilder> = Object.fromEntries(["school", "year", "respondent", ...schoolDims].map((d) => [d, new DimBuilder(n)]));
  const schoolId = stringGetter(t, "school_id");
  const yearGet = numberGetter(t, "year");
  const respondent = stringGetter(t, "respondent");
  const itemGet = PEDAGOGY_ITEMS.map((c) => numberGetter(t, c));
  const measures: Record<string, Float64Array> = { responses: new Float64Array(n).fill(1) };
  for (const c of PEDAGOGY_ITEMS) measures[c] = new Float64Array(n);
  const rows: number[][] = [];
  let orphans = 0;
  for (let i = 0; i < n; i++) {
    const sid = schoolId(i);
    dims.school.set(i, sid);
    if (!inheritSchool(sid, i, dims, schoolDims, schoolIndex)) {
      orphans++;
      if (orphans <= 1000) ctx.issues.push(orphanIssue("school_surveys", i + 1, sid));
    }
    const yr = Number.isNaN(yearGet(i)) ? ctx.year : yearGet(i);
    dims.year.set(i, yr === undefined ? null : String(yr));
    dims.respondent.set(i, respondent(i));
    const answers = itemGet.map((g) => g(i));
    PEDAGOGY_ITEMS.forEach((c, k) => (measures[c][i] = answers[k]));
    rows.push(answers);
  }
  measures.pedagogy_index = Float64Array.from(compositeIndex(rows, { range: [1, 5], ...indexOptions }));
  const facts: FactTable = {
    name: "school_surveys",
    length: n,
    dims: Object.fromEntries(Object.entries(dims).map(([k, b]) => [k, b.build()])),
    measures,
  };
  const account: InputAccount = { read: n, kept: n, duplicates: 0, orphans };
  return { facts, account };
}
