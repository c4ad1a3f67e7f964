import type { ColumnTable } from "../../models/columns";
import type { EmisIssue } from "../../models/errors";
import type { Profile } from "../../models/profile";
import { unitResolver } from "./resolve-units";
import { DimBuilder, type FactTable } from "../fact-table";
import type { InputAccount } from "../create-dataset";
import { numberGetter, stringGetter } from "./column-access";
import { dedupe } from "./dedupe";
import { rowSource, type RowSource } from "./row-source";

/** School attributes that pupils, teachers and sections inherit. */
export interface SchoolIndex {
  rowOf: Map<string, number>;
  /** values[d][row] = code of school dimension d */
  values: Record<string, (string | null)[]>;
  location: (string | null)[];
}

/** Facility fields stored as 0/1 measures (NaN when unknown). */
export const FACILITIES = [
  "electricity",
  "drinking_water",
  "toilets",
  "accessible_toilet",
  "ramp",
  "internet",
  "computers",
  "handwashing",
] as const;

export function yesNoMeasure(v: string | null): number {
  return v === "yes" ? 1 : v === "no" ? 0 : Number.NaN;
}

export function buildSchoolFacts(t: ColumnTable, schoolDims: string[], issues: EmisIssue[], profile?: Profile, hierarchy: string[] = [], source: RowSource = rowSource("schools")) {
  const id = stringGetter(t, "school_id");
  const { keep, duplicates } = dedupe(t, "school_id", source, issues);
  const n = t.length - duplicates;
  const dimB: Record<string, DimBuilder> = { school: new DimBuilder(n) };
  for (const d of schoolDims) dimB[d] = new DimBuilder(n);
  const getters = Object.fromEntries(schoolDims.map((d) => [d, stringGetter(t, d === "school_level" ? "level" : d)]));
  const measures: Record<string, Float64Array> = { schools: new Float64Array(n).fill(1) };
  const facilityGet = FACILITIES.map((f) => stringGetter(t, f));
  for (const f of FACILITIES) measures[f] = new Float64Array(n);
  const numeric = ["classrooms", "distance_road_km", "distance_hq_km"];
  const numGet = numeric.map((f) => numberGetter(t, f));
  for (const f of numeric) measures[f] = new Float64Array(n);
  const index: SchoolIndex = { rowOf: new Map(), values: {}, location: [] };
  for (const d of schoolDims) index.values[d] = [];
  const resolve = profile ? unitResolver(profile, hierarchy, issues, source) : undefined;
  let j = 0;
  for (let i = 0; i < t.length; i++) {
    if (!keep[i]) continue;
    // a school without an id is labelled by its row, and nothing can link to it (a
    // pupil whose school_id reads "row-3" is an orphan, not a pupil of that school)
    const own = id(i);
    const sid = own ?? `row-${i + 1}`;
    if (own !== null) index.rowOf.set(sid, j);
    dimB.school.set(j, sid);
    const values: Record<string, string | null> = {};
    for (const d of schoolDims) values[d] = getters[d](i);
    resolve?.(i, values);
    for (const d of schoolDims) {
      const v = values[d];
      dimB[d].set(j, v);
      index.values[d].push(v);
    }
    FACILITIES.forEach((f, k) => (measures[f][j] = yesNoMeasure(facilityGet[k](i))));
    numeric.forEach((f, k) => (measures[f][j] = numGet[k](i)));
    j++;
  }
  index.location = index.values.location ?? [];
  const facts: FactTable = {
    name: "schools",
    length: n,
    dims: Object.fromEntries(Object.entries(dimB).map(([k, b]) => [k, b.build()])),
    measures,
  };
  const account: InputAccount = { read: t.length, kept: n, duplicates, orphans: 0 };
  return { facts, index, account };
}
