import type { Dataset } from "../dataset/create-dataset";
import { EmisInputError } from "../models/errors";
import type { InnovationAdoption } from "../models/innovation";
import { datasetWithSchoolValues, schoolIds } from "./internal/school-facts";

/** Options of {@link withAdoption}. */
export interface WithAdoptionOptions {
  /** Innovation code; required when the adoption rows hold more than one innovation. */
  innovation?: string;
  /** Count only adoptions in this school year or earlier; default all. */
  year?: number;
}

/** Result of {@link withAdoption}. */
export interface WithAdoptionResult {
  dataset: Dataset;
  /** Schools that have adopted by `year`. */
  adopting: string[];
  /** Adoption rows whose school is not in the school file (left out, reported). */
  unmatched: string[];
}

/**
 * Joins innovation adoption to a dataset: every school-linked fact (schools, pupils,
 * teachers, sections) gets the measures `adopted` (1 when its school adopted the
 * innovation by `year`, else 0) and `intensity` (the adoption's intensity, NaN when
 * not given or not adopted), and the dimension `adopted` (`yes`/`no`), so the engine
 * can compute coverage and compare outcomes of adopting and other schools. A school
 * listed twice counts once (earliest year, highest intensity). The input dataset is
 * not modified.
 * @param dataset from `createDataset` (with schools)
 * @param adoptions adoption rows (`InnovationAdoption`)
 * @param options innovation and year
 * @returns the extended dataset, the adopting schools and the unmatched ids
 * @throws EmisInputError `missing-fact` without schools; `ambiguous-innovation` when several innovations and none chosen
 * @example withAdoption(ds, [{ school_id: "S1", innovation: "tablets", year_adopted: 2023 }], { year: 2024 }).adopting // ["S1"]
 */
export function withAdoption(dataset: Dataset, adoptions: readonly InnovationAdoption[], options: WithAdoptionOptions = {}): WithAdoptionResult {
  const ids = schoolIds(dataset, "withAdoption");
  const innovations = [...new Set(adoptions.map((a) => a.innovation))].sort();
  if (options.innovation === undefined && innovations.length > 1) {
    throw new EmisInputError("ambiguous-innovation", `withAdoption: the adoption rows hold ${innovations.length} innovations (${innovations.join(", ")}); choose one with options.innovation`);
  }
  const known = new Set(ids);
  const by = new Map<string, { year: number; intensity: number }>();
  const unmatched = new Set<string>();
  for (const a of adoptions) {
    if (options.innovation !== undefined && a.innovation !== options.innovation) continue;
    if (options.year !== undefined && a.year_adopted > options.year) continue;
    if (!known.has(a.school_id)) {
      unmatched.add(a.school_id);
      continue;
    }
    const prev = by.get(a.school_id);
    const intensity = a.intensity ?? Number.NaN;
    if (!prev) by.set(a.school_id, { year: a.year_adopted, intensity });
    else by.set(a.school_id, { year: Math.min(prev.year, a.year_adopted), intensity: Number.isNaN(prev.intensity) ? intensity : Number.isNaN(intensity) ? prev.intensity : Math.max(prev.intensity, intensity) });
  }
  const ds = datasetWithSchoolValues(dataset, {
    measures: { adopted: (s) => (by.has(s) ? 1 : 0), intensity: (s) => by.get(s)?.intensity ?? Number.NaN },
    dims: { adopted: (s) => (by.has(s) ? "yes" : "no") },
  });
  return { dataset: ds, adopting: [...by.keys()].sort(), unmatched: [...unmatched].sort() };
}
