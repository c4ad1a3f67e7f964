import type { ColumnTable } from "../../models/columns";
import { DimBuilder } from "../fact-table";
import { numberGetter, stringGetter } from "./column-access";
import { dedupe } from "./dedupe";
import { finishFact, linkRow, type BuildContext } from "./context";

export function buildSectionFacts(t: ColumnTable, ctx: BuildContext) {
  const { schoolDims } = ctx;
  const id = stringGetter(t, "section_id");
  const yearGet = numberGetter(t, "year");
  const { keep, duplicates } = dedupe(t.length, id, "sections", "section_id", ctx.issues, (i) => String(yearGet(i)));
  const n = t.length - duplicates;
  const dims: Record<string, DimBuilder> = Object.fromEntries(
    ["school", "year", "grade", "multigrade", "shift", ...schoolDims].map((d) => [d, new DimBuilder(n)]),
  );
  const schoolId = stringGetter(t, "school_id");
  const codes = ["grade", "multigrade", "shift"].map((c) => [c, stringGetter(t, c)] as const);
  const pupilsGet = numberGetter(t, "pupils");
  const measures = { sections: new Float64Array(n).fill(1), pupils: new Float64Array(n) };
  const tally = { orphans: 0 };
  let j = 0;
  for (let i = 0; i < t.length; i++) {
    if (!keep[i]) continue;
    const yr = linkRow(ctx, "sections", dims, schoolId(i), yearGet(i), i, j, tally);
    for (const [c, g] of codes) dims[c].set(j, g(i));
    measures.pupils[j] = pupilsGet(i);
    j++;
  }
  return finishFact("sections", dims, measures, t.length, duplicates, tally.orphans);
}
