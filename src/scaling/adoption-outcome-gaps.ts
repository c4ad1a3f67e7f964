import type { Dataset } from "../dataset/create-dataset";
import { disaggregate } from "../disaggregate/disaggregate";
import type { SuppressionOptions } from "../disaggregate/internal/suppress";
import { catalogue as builtIn } from "../indicators/catalogue";
import type { Catalogue } from "../indicators/resolve-indicators";
import type { InnovationAdoption } from "../models/innovation";
import { withAdoption } from "./with-adoption";

/** Options of {@link adoptionOutcomeGaps}. */
export interface AdoptionOutcomeGapsOptions {
  /** Outcome indicator, e.g. `pass-rate`. */
  indicator: string;
  /** Dimension whose groups are compared, e.g. `sex` or `location`. */
  by: string;
  innovation?: string;
  year?: number;
  catalogue?: Catalogue;
  suppression?: SuppressionOptions;
}

/** Outcome of adopting vs other schools' pupils in one group (`group` null = everyone). */
export interface AdoptionOutcomeGapRow {
  group: string | null;
  adopting: number | null;
  notAdopting: number | null;
  /** adopting − not adopting, in the indicator's unit (percentage points for percents). */
  gap: number | null;
  adoptingN: number | null;
  notAdoptingN: number | null;
}

/** Result of {@link adoptionOutcomeGaps}. */
export interface AdoptionOutcomeGapsResult {
  indicator: string;
  by: string;
  overall: AdoptionOutcomeGapRow;
  groups: AdoptionOutcomeGapRow[];
  /** Largest minus smallest group gap (known groups with both values): how much the gap differs by group. */
  spread: number | null;
  /** Group with the smallest and the largest gap. */
  smallest: string | null;
  largest: string | null;
}

/**
 * Does the innovation's outcome gap (adopting vs other schools) differ by group? For an
 * outcome indicator, the value among pupils of adopting schools minus the value among
 * the others, overall and within each group of `by`, and the spread of the group gaps.
 * A descriptive comparison (schools were not assigned at random): read it as where the
 * innovation goes with better or worse outcomes, not as its effect. Figures come from
 * one disclosure-controlled `disaggregate` call over `adopted` × `by`.
 * @param dataset from `createDataset`
 * @param adoptions adoption rows
 * @param options indicator, by, innovation, year
 * @returns overall and per-group gaps and their spread
 * @example adoptionOutcomeGaps(ds, adoptions, { indicator: "pass-rate", by: "sex" }).groups
 * // [{ group: "female", adopting: 97.1, notAdopting: 95.2, gap: 1.9, ... }, { group: "male", ... }]
 */
export function adoptionOutcomeGaps(dataset: Dataset, adoptions: readonly InnovationAdoption[], options: AdoptionOutcomeGapsOptions): AdoptionOutcomeGapsResult {
  const { dataset: ds } = withAdoption(dataset, adoptions, { innovation: options.innovation, year: options.year });
  const rows = disaggregate(ds, [options.indicator], {
    groupingSets: [["adopted"], ["adopted", options.by]],
    catalogue: options.catalogue ?? builtIn,
    suppression: options.suppression,
  });
  const row = (group: string | null): AdoptionOutcomeGapRow => {
    const pick = (a: string) => rows.find((r) => r.adopted === a && (group === null ? r[options.by] === null || r[options.by] === undefined : r[options.by] === group));
    const y = pick("yes");
    const n = pick("no");
    const yv = y?.value ?? null;
    const nv = n?.value ?? null;
    return { group, adopting: yv, notAdopting: nv, gap: yv === null || nv === null ? null : yv - nv, adoptingN: y?.n ?? null, notAdoptingN: n?.n ?? null };
  };
  const codes = [...new Set(rows.filter((r) => r[options.by] !== null && r[options.by] !== undefined).map((r) => r[options.by] as string))].sort();
  const groups = codes.map(row);
  const known = groups.filter((g) => g.gap !== null && g.group !== "unknown");
  const lo = known.length ? known.reduce((a, b) => ((b.gap as number) < (a.gap as number) ? b : a)) : null;
  const hi = known.length ? known.reduce((a, b) => ((b.gap as number) > (a.gap as number) ? b : a)) : null;
  return {
    indicator: options.indicator,
    by: options.by,
    overall: row(null),
    groups,
    spread: lo && hi ? (hi.gap as number) - (lo.gap as number) : null,
    smallest: lo?.group ?? null,
    largest: hi?.group ?? null,
  };
}
