import type { EmisIssue } from "../../models/errors";
import { type DimBuilder, type FactTable } from "../fact-table";
import type { InputAccount } from "../create-dataset";
import { inheritSchool } from "./school-facts";
import type { Profile } from "../../models/profile";
import type { DeriveOptions } from "../derive";
import type { SchoolIndex } from "./school-facts";

/** Shared state of one `createDataset` call. */
export interface BuildContext {
  profile: Profile;
  schoolDims: string[];
  schoolIndex: SchoolIndex | undefined;
  year: number | undefined;
  derive: DeriveOptions;
  issues: EmisIssue[];
}

export function orphanIssue(file: string, row: number, schoolId: string | null): EmisIssue {
  return {
    code: "orphan",
    file,
    row,
    column: "school_id",
    rule: "school_id exists in the school file",
    value: schoolId,
    message: `${file} row ${row}: school_id ${schoolId} is not in the school file; kept with unknown school dimensions — add the school or correct the id`,
  };
}

/**
 * Links row `i` (kept as row `j`) of a pupil, teacher or section file to its school:
 * sets the `school` and inherited school dimensions and the school year, and counts
 * and reports an orphan. Returns the school year (or undefined).
 */
export function linkRow(
  ctx: BuildContext,
  file: string,
  dims: Record<string, DimBuilder>,
  schoolId: string | null,
  year: number,
  i: number,
  j: number,
  tally: { orphans: number },
): number | undefined {
  dims.school.set(j, schoolId);
  if (!inheritSchool(schoolId, j, dims, ctx.schoolDims, ctx.schoolIndex)) {
    tally.orphans++;
    if (tally.orphans <= 1000) ctx.issues.push(orphanIssue(file, i + 1, schoolId));
  }
  const yr = Number.isNaN(year) ? ctx.year : year;
  dims.year.set(j, yr === undefined ? null : String(yr));
  return yr;
}

/** The built fact table and its row account. */
export function finishFact(
  name: string,
  dims: Record<string, DimBuilder>,
  measures: Record<string, Float64Array>,
  read: number,
  duplicates: number,
  orphans: number,
): { facts: FactTable; account: InputAccount } {
  const length = read - duplicates;
  // Found once here (a scan stops at the first value other than 1), not on every engine call.
  const ones = Object.keys(measures).filter((k) => allOnes(measures[k], length));
  const facts: FactTable = { name, length, dims: Object.fromEntries(Object.entries(dims).map(([k, b]) => [k, b.build()])), measures, ones };
  return { facts, account: { read, kept: length, duplicates, orphans } };
}

function allOnes(m: Float64Array, length: number): boolean {
  for (let i = 0; i < length; i++) if (m[i] !== 1) return false;
  return true;
}
