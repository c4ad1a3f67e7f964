import type { Dataset } from "../dataset/create-dataset";
import { disaggregate } from "../disaggregate/disaggregate";
import type { SuppressionOptions } from "../disaggregate/internal/suppress";
import { concentrationIndex, type ConcentrationIndexResult } from "../equity/concentration-index";
import type { Catalogue } from "../indicators/resolve-indicators";
import type { InnovationAdoption } from "../models/innovation";
import type { NeedScore } from "./need-index";
import { withAdoption } from "./with-adoption";
import { withCoverageIndicators } from "./internal/catalogue-list";
import { datasetWithSchoolValues } from "./internal/school-facts";

/** Options of {@link coverageConcentration}. */
export interface CoverageConcentrationOptions {
  innovation?: string;
  year?: number;
  /** Number of need groups to rank on (grouped data); default 10. */
  groups?: number;
  catalogue?: Catalogue;
  suppression?: SuppressionOptions;
}

/** Result of {@link coverageConcentration}. */
export interface CoverageConcentrationResult extends ConcentrationIndexResult {
  /** Need groups used, and those left out because their cell is withheld. */
  groupsUsed: number;
  groupsWithheld: number;
}

/**
 * Concentration index of innovation coverage on school disadvantage: is the innovation
 * concentrated among pupils in less needy schools (positive) or needier ones
 * (negative)? Schools are ranked from neediest (lowest rank) to least needy by
 * `needIndex`, cut into `groups` pupil-weighted need groups (deciles by default), and
 * the index is computed on grouped data from the disclosure-controlled table: outcome
 * = pupil coverage of each group (share 0-1), fractional rank of the group, pupil
 * weights, Wagstaff correction for a bounded outcome in [0, 1] (Wagstaff 2005;
 * METHODS.md 3.6). Grouped data slightly understate the individual-level index.
 * Groups whose cell is withheld are left out and counted.
 * @param dataset from `createDataset`
 * @param adoptions adoption rows
 * @param need scores from `needIndex` (any number of groups: they are re-cut here)
 * @param options innovation, year, groups
 * @returns the concentration index result (`value` is the Wagstaff-corrected index)
 * @example coverageConcentration(ds, adoptions, need).value // 0.42 (reaching the better-off first)
 */
export function coverageConcentration(dataset: Dataset, adoptions: readonly InnovationAdoption[], need: readonly NeedScore[], options: CoverageConcentrationOptions = {}): CoverageConcentrationResult {
  const k = options.groups ?? 10;
  const scored = need.filter((x) => x.score !== null);
  const W = scored.reduce((a, x) => a + x.pupils, 0);
  const groupOf = new Map<string, number>();
  let cum = 0;
  // need is sorted neediest first (needIndex); rank 1 = neediest decile.
  scored.forEach((x, i) => {
    const mid = W > 0 ? (cum + x.pupils / 2) / W : (i + 0.5) / scored.length;
    cum += x.pupils;
    groupOf.set(x.school, Math.min(k, Math.floor(mid * k) + 1));
  });
  const ds0 = datasetWithSchoolValues(dataset, { dims: { need_decile: (s) => (groupOf.has(s) ? String(groupOf.get(s)) : "unknown") } });
  const { dataset: ds } = withAdoption(ds0, adoptions, { innovation: options.innovation, year: options.year });
  const rows = disaggregate(ds, ["innovation-pupil-coverage"], { groupingSets: [[], ["need_decile"]], catalogue: withCoverageIndicators(options.catalogue), suppression: options.suppression })
    .filter((r) => r.level === "need_decile" && r.need_decile !== "unknown");
  const usable = rows.filter((r) => r.value !== null && r.denominator !== null && r.denominator > 0).sort((a, b) => Number(a.need_decile) - Number(b.need_decile));
  const withheld = rows.length - usable.length;
  if (usable.length === 0) {
    return { value: null, concentration: null, generalized: null, mean: 0, n: 0, standardError: null, correction: "wagstaff", flags: ["empty-group"], groupsUsed: 0, groupsWithheld: withheld };
  }
  const result = concentrationIndex(
    usable.map((r) => (r.value as number) / 100),
    // Living standard rank: the neediest group ranks lowest.
    usable.map((r) => Number(r.need_decile)),
    { correction: "wagstaff", bounds: [0, 1], weights: usable.map((r) => r.denominator as number) },
  );
  return { ...result, groupsUsed: usable.length, groupsWithheld: withheld };
}
