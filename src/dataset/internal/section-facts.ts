import type { ColumnTable } from "../../models/columns";
import { DimBuilder, type FactTable } from "../fact-table";
import type { InputAccount } from "../create-dataset";
import { numberGetter, stringGetter } from "./column-access";
import { dedupe } from "./dedupe";
import { inheritSchool } from "./school-facts";
import { orphanIssue, type BuildContext } from "./context";

export function buildSectionFacts(t: ColumnTable, ctx: BuildContext) {
  const { schoolDims, schoolIndex } = ctx;
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
  let orphans = 0;
  let j = 0;
  for (let i = 0; i < t.length; i++) {
    if (!keep[i]) continue;
    const sid = schoolId(i);
    dims.school.set(j, sid);
    if (!inheritSchool(sid, j, dims, schoolDims, schoolIndex)) {
      orphans++;
      if (orphans <= 1000) ctx.issues.push(orphanIssue("sections", i + 1, sid));
    }
    for (const [c, g] of codes) dims[c].set(j, g(i));
    const yr = Number.isNaN(yearGet(i)) ? ctx.year : yearGet(i);
    dims.year.set(j, yr === undefined ? null : String(yr));
    measures.pupils[j] = pupilsGet(i);
    j++;
  }
  const facts: FactTable = {
    name: "sections",
    length: n,
    dims: Object.fromEntries(Object.entries(dims).map(([k, b]) => [k, b.build()])),
    measures,
  };
  const account: InputAccount = { read: t.length, kept: n, duplicates, orphans };
  return { facts, account };
}
