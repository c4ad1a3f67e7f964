import type { ColumnTable } from "../../models/columns";
import { PEDAGOGY_ITEMS } from "../../models/school-survey";
import { DimBuilder } from "../fact-table";
import { compositeIndex, type CompositeIndexOptions } from "../composite-index";
import { copyCodes, numberGetter } from "./column-access";
import { finishFact, linkSchools, type BuildContext } from "./context";
import { rowSource, type RowSource } from "./row-source";

/**
 * School survey responses as the fact `school_surveys`: dimensions `school`, `year`,
 * `respondent` and the school's dimensions; measures `responses` (1 each), every
 * pedagogy item (NaN when unanswered) and `pedagogy_index` (the composite index of the
 * items, 0-100 by default, NaN under the missing-item rule).
 */
export function buildSurveyFacts(t: ColumnTable, ctx: BuildContext, indexOptions: CompositeIndexOptions = {}, source: RowSource = rowSource("school_surveys")) {
  const { schoolDims } = ctx;
  const n = t.length;
  const dims: Record<string, DimBuilder> = Object.fromEntries(["school", "year", "respondent", ...schoolDims].map((d) => [d, new DimBuilder(n)]));
  const itemGet = PEDAGOGY_ITEMS.map((c) => numberGetter(t, c));
  const measures: Record<string, Float64Array> = { responses: new Float64Array(n).fill(1) };
  for (const c of PEDAGOGY_ITEMS) measures[c] = new Float64Array(n);
  const rows: number[][] = [];
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const { orphans } = linkSchools(ctx, source, t, dims, all);
  copyCodes(t, "respondent", dims.respondent, all);
  for (let i = 0; i < n; i++) {
    const answers = itemGet.map((g) => g(i));
    PEDAGOGY_ITEMS.forEach((c, k) => (measures[c][i] = answers[k]));
    rows.push(answers);
  }
  measures.pedagogy_index = Float64Array.from(compositeIndex(rows, { range: [1, 5], ...indexOptions }));
  return finishFact("school_surveys", dims, measures, n, 0, orphans);
}
