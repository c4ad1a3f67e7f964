import type { FactTable } from "../../dataset/fact-table";
import { UNKNOWN } from "../../dataset/fact-table";

/** Share of a fact's rows whose dimension `dim` is `unknown` (null when the fact has no rows or no such dimension). */
export function unknownShare(fact: FactTable, dim: string): number | null {
  const d = fact.dims[dim];
  if (!d || fact.length === 0) return null;
  const u = d.dictionary.indexOf(UNKNOWN);
  if (u < 0) return 0;
  let k = 0;
  for (let i = 0; i < fact.length; i++) if (d.codes[i] === u) k++;
  return k / fact.length;
}

/** Share of rows whose measure is known (not NaN). */
export function measureCompleteness(fact: FactTable, measure: string): number | null {
  const m = fact.measures[measure];
  if (!m || fact.length === 0) return null;
  let k = 0;
  for (let i = 0; i < fact.length; i++) if (!Number.isNaN(m[i])) k++;
  return k / fact.length;
}

/** Raw input fields that the dataset stores under another name. */
const FIELD_ALIASES: Record<string, string> = {
  school_id: "school",
  birth_date: "age",
  birth_year: "age",
  experience_years: "experience",
  level: "school_level",
};

/**
 * Completeness of one `requires` entry (`fact.field`, alternatives joined by `|`, a
 * trailing `*` for a family such as `wg_*`): the best alternative's share of rows
 * filled. `null` when the field is not kept in the dataset (then it is not checked).
 */
export function fieldCompleteness(facts: Record<string, FactTable>, entry: string): { fact: string; fields: string[]; completeness: number | null; missingFact: boolean } {
  const dot = entry.indexOf(".");
  const factName = dot < 0 ? entry : entry.slice(0, dot);
  const fields = dot < 0 ? [] : entry.slice(dot + 1).split("|");
  const fact = facts[factName];
  if (!fact) return { fact: factName, fields, completeness: null, missingFact: true };
  let best: number | null = null;
  for (const raw of fields) {
    const f = raw.endsWith("*") ? (raw.startsWith("wg_") ? "disability_functioning" : raw) : (FIELD_ALIASES[raw] ?? raw);
    let c: number | null = null;
    if (fact.dims[f]) {
      const u = unknownShare(fact, f);
      c = u === null ? null : 1 - u;
    } else if (fact.measures[f]) c = measureCompleteness(fact, f);
    else if (f === "student_id" || f === "teacher_id" || f === "section_id") c = fact.length ? 1 : null; // ids are checked by the reader (required)
    if (c !== null && (best === null || c > best)) best = c;
  }
  return { fact: factName, fields, completeness: best, missingFact: false };
}
