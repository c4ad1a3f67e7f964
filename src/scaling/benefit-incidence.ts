import type { Dataset } from "../dataset/create-dataset";
import { disaggregate } from "../disaggregate/disaggregate";
import type { SuppressionOptions } from "../disaggregate/internal/suppress";
import type { Catalogue } from "../indicators/resolve-indicators";
import type { InnovationAdoption } from "../models/innovation";
import type { NeedScore } from "./need-index";
import { withAdoption } from "./with-adoption";
import { withCoverageIndicators } from "./internal/catalogue-list";
import { datasetWithSchoolValues } from "./internal/school-facts";

/** Options of {@link benefitIncidence}. */
export interface BenefitIncidenceOptions {
  innovation?: string;
  year?: number;
  catalogue?: Catalogue;
  suppression?: SuppressionOptions;
}

/** Incidence of an innovation in one need group. */
export interface BenefitIncidenceRow {
  /** Need group (`Q1` neediest ... `Q5`, or `unknown` for schools without a score). */
  group: string;
  schools: number | null;
  adoptingSchools: number | null;
  pupils: number | null;
  pupilsReached: number | null;
  /** Pupils reached ÷ pupils in the group, percent. */
  coverage: number | null;
  /** Pupils reached in the group ÷ all pupils reached, percent: the benefit incidence. */
  shareOfReached: number | null;
  /** The group's share of all pupils, percent (the even-incidence benchmark). */
  shareOfPupils: number | null;
  withheld: boolean;
}

/**
 * Benefit incidence by need group: who the innovation reaches, by the need groups of
 * `needIndex` (pupil-weighted quintiles, Q1 = neediest). For each group: schools and
 * pupils, how many were reached, coverage, and the group's share of all pupils
 * reached beside its share of all pupils (equal shares = neutral incidence; a
 * pro-need innovation gives Q1 more than its share). Counts come from one
 * disclosure-controlled `disaggregate` call (the need group as a school dimension);
 * withheld cells are `null` and shares are computed over the groups shown.
 * Source: benefit incidence analysis, Demery (2000), World Bank.
 * @param dataset from `createDataset`
 * @param adoptions adoption rows
 * @param need scores from `needIndex`
 * @param options innovation, year
 * @returns one row per need group, Q1 first
 * @example benefitIncidence(ds, adoptions, needIndex(ds, spec))[0] // { group: "Q1", coverage: 8.5, shareOfReached: 9.1, shareOfPupils: 20.0, ... }
 */
export function benefitIncidence(dataset: Dataset, adoptions: readonly InnovationAdoption[], need: readonly NeedScore[], options: BenefitIncidenceOptions = {}): BenefitIncidenceRow[] {
  const groupOf = new Map(need.map((x) => [x.school, x.group]));
  const ds0 = datasetWithSchoolValues(dataset, { dims: { need_group: (s) => groupOf.get(s) ?? "unknown" } });
  const { dataset: ds } = withAdoption(ds0, adoptions, { innovation: options.innovation, year: options.year });
  const rows = disaggregate(ds, ["innovation-school-coverage", "innovation-pupil-coverage"], {
    groupingSets: [[], ["need_group"]],
    catalogue: withCoverageIndicators(options.catalogue),
    suppression: options.suppression,
  });
  const groups = [...new Set(rows.filter((r) => r.level === "need_group").map((r) => r.need_group as string))].sort((a, b) =>
    a === "unknown" ? 1 : b === "unknown" ? -1 : Number(a.slice(1)) - Number(b.slice(1)),
  );
  const pick = (id: string, g: string) => rows.find((r) => r.indicator === id && r.level === "need_group" && r.need_group === g);
  const pupilRows = groups.map((g) => pick("innovation-pupil-coverage", g));
  const reachedTotal = pupilRows.reduce((a, r) => a + (r?.numerator ?? 0), 0);
  const pupilTotal = pupilRows.reduce((a, r) => a + (r?.denominator ?? 0), 0);
  return groups.map((g, k) => {
    const s = pick("innovation-school-coverage", g);
    const p = pupilRows[k];
    const reached = p?.numerator ?? null;
    return {
      group: g,
      schools: s?.denominator ?? null,
      adoptingSchools: s?.numerator ?? null,
      pupils: p?.denominator ?? null,
      pupilsReached: reached,
      coverage: p?.value ?? null,
      shareOfReached: reached === null || reachedTotal === 0 ? null : (100 * reached) / reachedTotal,
      shareOfPupils: p?.denominator == null || pupilTotal === 0 ? null : (100 * p.denominator) / pupilTotal,
      withheld: Boolean(s?.suppressed || p?.suppressed),
    };
  });
}
