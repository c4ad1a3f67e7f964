import { MISSING_CODE, type CodeColumn, type ColumnTable } from "../../models/columns";
import type { EmisIssue } from "../../models/errors";
import { asCodes, codeMapper, numberGetter } from "./column-access";
import { type DimBuilder, type FactTable } from "../fact-table";
import type { InputAccount } from "../create-dataset";
import type { Profile } from "../../models/profile";
import type { DeriveOptions } from "../derive";
import type { SchoolIndex } from "./school-facts";
import type { RowSource } from "./row-source";

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
 * Links the kept rows of a pupil, teacher, section or survey file to their schools
 * (`rows[j]` is the source row of fact row `j`): sets the `school` and inherited school
 * dimensions and the school year, and counts and reports orphans (a school id not in
 * the school file: kept with `unknown` school dimensions). Column at a time, each
 * school id looked up once, not once per row. Returns each kept row's school year
 * (NaN when neither the row nor the dataset gives one).
 */
export function linkSchools(ctx: BuildContext, source: RowSource, t: ColumnTable, dims: Record<string, DimBuilder>, rows: Int32Array): { years: Float64Array; orphans: number } {
  const m = rows.length;
  const index = ctx.schoolIndex;
  const ids = asCodes(t, "school_id");
  const schoolCode = codeMapper(ids, dims.school);
  // per source code: the school's row in the index (-1: not there), or undefined before the first look
  const rowOfCode: number[] = [];
  let idText: string[] | null = null;
  const inherited = ctx.schoolDims.map((d) => {
    const dim = dims[d];
    const perRow: number[] = [];
    const values = index?.values[d];
    let unknown = -1;
    return (r: number) => {
      if (r < 0) return unknown < 0 ? (unknown = dim.code(null)) : unknown;
      let c = perRow[r];
      if (c === undefined) c = perRow[r] = dim.code(values![r]);
      return c;
    };
  });
  const inheritedOut = ctx.schoolDims.map((d) => dims[d].codes);
  let orphans = 0;
  for (let j = 0; j < m; j++) {
    const i = rows[j];
    dims.school.codes[j] = schoolCode(i);
    const s = ids ? ids.codes[i] : MISSING_CODE;
    let r = -1;
    if (index && s !== MISSING_CODE) {
      const known = rowOfCode[s];
      if (known === undefined) {
        idText ??= (ids as CodeColumn).dictionary;
        r = rowOfCode[s] = index.rowOf.get(idText[s]) ?? -1;
      } else r = known;
    }
    for (let k = 0; k < inherited.length; k++) inheritedOut[k][j] = inherited[k](r);
    if (r < 0 && index) {
      orphans++;
      if (orphans <= 1000) {
        idText ??= ids ? ids.dictionary : [];
        ctx.issues.push(orphanIssue(source.file, source.row(i), s === MISSING_CODE ? null : idText[s]));
      }
    }
  }
  const years = new Float64Array(m);
  const yearAt = numberGetter(t, "year");
  const yearOut = dims.year.codes;
  let lastYear = Number.NaN;
  let lastCode = -1;
  for (let j = 0; j < m; j++) {
    const v = yearAt(rows[j]);
    const yr = Number.isNaN(v) ? (ctx.year ?? Number.NaN) : v;
    years[j] = yr;
    if (lastCode < 0 || !Object.is(yr, lastYear)) {
      lastCode = dims.year.code(Number.isNaN(yr) ? null : String(yr));
      lastYear = yr;
    }
    yearOut[j] = lastCode;
  }
  return { years, orphans };
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
