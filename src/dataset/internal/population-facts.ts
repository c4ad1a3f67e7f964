import type { ColumnTable } from "../../models/columns";
import { DimBuilder, type FactTable } from "../fact-table";
import type { InputAccount } from "../create-dataset";
import { numberGetter, stringGetter } from "./column-access";

/**
 * Population estimates as the fact `population`: dimensions `year` and, where the
 * table has them, `sex`, `location` and the profile's hierarchy columns (and
 * `district`); measures `population` and `age` (single years, a measure so that
 * indicators select age ranges with filters). A dimension the table lacks is not
 * invented: an indicator asked to break down by it fails with `nonconformed-dimension`.
 * `location` here is the residence of the population; pupils carry their school's
 * location, so GER by location compares the two (as published national figures do).
 */
export function buildPopulationFacts(t: ColumnTable, hierarchy: string[], year: number | undefined) {
  const n = t.length;
  const candidates = ["sex", "location", "district", ...hierarchy.filter((h) => h !== "district")];
  // A column counts as present when it holds at least one value (readers may create empty schema columns).
  const present = candidates.filter((c) => {
    const get = stringGetter(t, c);
    for (let i = 0; i < n; i++) if (get(i) !== null) return true;
    return false;
  });
  const dims: Record<string, DimBuilder> = Object.fromEntries(["year", ...present].map((d) => [d, new DimBuilder(n)]));
  const get = present.map((c) => stringGetter(t, c));
  const yearGet = numberGetter(t, "year");
  const ageGet = numberGetter(t, "age");
  const popGet = numberGetter(t, "population");
  const measures = { population: new Float64Array(n), age: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const yr = Number.isNaN(yearGet(i)) ? year : yearGet(i);
    dims.year.set(i, yr === undefined ? null : String(yr));
    present.forEach((c, k) => dims[c].set(i, get[k](i)));
    measures.population[i] = popGet(i);
    measures.age[i] = ageGet(i);
  }
  const facts: FactTable = {
    name: "population",
    length: n,
    dims: Object.fromEntries(Object.entries(dims).map(([k, b]) => [k, b.build()])),
    measures,
  };
  const account: InputAccount = { read: n, kept: n, duplicates: 0, orphans: 0 };
  return { facts, account };
}
