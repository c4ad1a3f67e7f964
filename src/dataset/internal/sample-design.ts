import type { ColumnTable } from "../../models/columns";
import { EmisInputError } from "../../models/errors";
import type { FactTable } from "../fact-table";
import type { DatasetDesign, SampleDesign } from "../dataset-design";
import { numberGetter, stringGetter } from "./column-access";
import type { SchoolIndex } from "./school-facts";

/** Facts whose rows belong to a school of the sample (they carry the design). */
const SAMPLED = ["schools", "students", "teachers", "sections", "school_surveys"];
const LONELY = ["error", "remove", "certainty", "adjust"];
const KEYS = ["strata", "psu", "fpc", "weight", "lonely"];

/**
 * Reads the design columns of the school file (see `DatasetDesign`) for each school of
 * the `schools` fact, and links every row of the sampled facts to its school.
 * @throws EmisInputError `invalid-option` (unknown key, bad lonely rule, no school file),
 *   `missing-design-column`, `missing-design-value` (a row whose school is not in the file)
 */
export function buildSampleDesign(
  design: DatasetDesign,
  rawSchools: unknown,
  table: ColumnTable | undefined,
  index: SchoolIndex | undefined,
  facts: Record<string, FactTable>,
): SampleDesign {
  const fn = "createDataset";
  if (design === null || typeof design !== "object") throw new EmisInputError("invalid-option", `${fn}: design must be an object { strata, psu, fpc, weight }`);
  for (const k of Object.keys(design)) {
    if (!KEYS.includes(k)) throw new EmisInputError("invalid-option", `${fn}: unknown design option ${k}; use ${KEYS.join(", ")}`);
  }
  const lonely = design.lonely ?? "error";
  if (!LONELY.includes(lonely)) throw new EmisInputError("invalid-option", `${fn}: design.lonely must be one of ${LONELY.join(", ")}, got ${String(lonely)}`);
  if (!table || !index || !facts.schools) {
    throw new EmisInputError("invalid-option", `${fn}: a design needs the school file (schools), whose columns hold the strata, PSUs, fpc and weights`);
  }
  const spec = { ...design, psu: design.psu ?? "school_id", lonely };
  const n = facts.schools.length;
  const objects = Array.isArray(rawSchools) ? (rawSchools as Record<string, unknown>[]) : null;
  // From plain objects (the reader keeps only schema fields) or from the table's columns.
  const read = <V>(column: string, role: string, get: (t: ColumnTable, c: string) => (i: number) => V, fromRaw: (v: unknown) => V): V[] => {
    const present = objects ? objects.some((o) => o !== null && typeof o === "object" && column in o) : column in table.columns;
    if (!present) {
      throw new EmisInputError("missing-design-column", `${fn}: design.${role} names column ${column}, which the school file does not have; add it or fix the name`, {
        role,
        column,
      });
    }
    const out = new Array<V>(n);
    const seen = new Uint8Array(n);
    const idOf = stringGetter(table, "school_id");
    const getter = objects ? null : get(table, column);
    const rows = objects ? objects.length : table.length;
    for (let i = 0; i < rows; i++) {
      const raw = objects ? objects[i]?.school_id : idOf(i);
      const j = index.rowOf.get(raw === null || raw === undefined || raw === "" ? `row-${i + 1}` : String(raw));
      if (j === undefined || seen[j]) continue; // a duplicate id keeps its first row, as the school fact does
      seen[j] = 1;
      out[j] = objects ? fromRaw(objects[i][column]) : getter!(i);
    }
    return out;
  };
  const label = (v: unknown) => (v === null || v === undefined || v === "" ? null : String(v));
  const num = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN);
  const units: SampleDesign["units"] = {
    length: n,
    strata: spec.strata === undefined ? null : read(spec.strata, "strata", stringGetter, label),
    psu: read(spec.psu, "psu", stringGetter, label),
    fpc: spec.fpc === undefined ? null : read(spec.fpc, "fpc", numberGetter, num),
    weight: spec.weight === undefined ? null : read(spec.weight, "weight", numberGetter, num),
  };

  const rowUnit: Record<string, Int32Array> = {};
  for (const name of SAMPLED) {
    const f = facts[name];
    if (!f) continue;
    const school = f.dims.school;
    const unitOfCode = Int32Array.from(school.dictionary, (id) => index.rowOf.get(id) ?? -1);
    const out = new Int32Array(f.length);
    let orphans = 0;
    let example: string | null = null;
    for (let i = 0; i < f.length; i++) {
      const u = unitOfCode[school.codes[i]];
      out[i] = u;
      if (u < 0) {
        orphans++;
        example ??= school.dictionary[school.codes[i]];
      }
    }
    if (orphans > 0) {
      throw new EmisInputError(
        "missing-design-value",
        `${fn}: ${orphans} ${name} row(s) belong to no school of the school file (e.g. school_id ${example}), so they have no design weight; add the schools or drop the rows`,
        { fact: name, rows: orphans, example },
      );
    }
    rowUnit[name] = out;
  }
  return { spec, units, rowUnit };
}
