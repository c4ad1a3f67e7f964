import type { ColumnTable } from "../../models/columns";
import { DimBuilder } from "../fact-table";
import { copyCodes, keptRows, numberGetter } from "./column-access";
import { dedupe } from "./dedupe";
import { finishFact, linkSchools, type BuildContext } from "./context";
import { rowSource, type RowSource } from "./row-source";

export function buildSectionFacts(t: ColumnTable, ctx: BuildContext, source: RowSource = rowSource("sections")) {
  const { schoolDims } = ctx;
  const { keep, duplicates } = dedupe(t, "section_id", source, ctx.issues, true, ctx.year);
  const n = t.length - duplicates;
  const dims: Record<string, DimBuilder> = Object.fromEntries(
    ["school", "year", "grade", "multigrade", "shift", ...schoolDims].map((d) => [d, new DimBuilder(n)]),
  );
  const pupilsGet = numberGetter(t, "pupils");
  const measures = { sections: new Float64Array(n).fill(1), pupils: new Float64Array(n) };
  const rows = keptRows(keep, n);
  const { orphans } = linkSchools(ctx, source, t, dims, rows);
  for (const c of ["grade", "multigrade", "shift"]) copyCodes(t, c, dims[c], rows);
  for (let j = 0; j < n; j++) measures.pupils[j] = pupilsGet(rows[j]);
  return finishFact("sections", dims, measures, t.length, duplicates, orphans);
}
