import type { Dataset } from "../dataset/create-dataset";
import { disaggregate } from "../disaggregate/disaggregate";
import { catalogue as builtIn } from "../indicators/catalogue";
import { resolveIndicators, type Catalogue } from "../indicators/resolve-indicators";
import type { IndicatorDefinition } from "../models/indicator";
import type { ResultTable } from "../models/result";
import { EQUITY_DIMENSIONS, type EquityDimension } from "./equity-dimensions";
import { READINESS_THRESHOLDS, type ReadinessThresholds } from "./readiness-thresholds";
import { fieldCompleteness, unknownShare } from "./internal/completeness";

/** Readiness of one indicator for one equity dimension. */
export interface ReadinessCell {
  indicator: string;
  /** Equity dimension id (see `EQUITY_DIMENSIONS`). */
  dimension: string;
  /** The fact dimension used (e.g. `ses_quintile`), or null when none is available. */
  field: string | null;
  status: "ready" | "partial" | "not-possible";
  /** Why it is not `ready` (empty when ready). */
  reasons: string[];
  /** Input fields it needs (`fact.field`). */
  fields: string[];
  /** Lowest completeness of the outcome and required fields (0-1), null when not measured. */
  completeness: number | null;
  /** Share of records whose dimension code is `unknown` (0-1). */
  unknownShare: number | null;
  /** Known groups at this breakdown, and how many are withheld or below the minimum n. */
  groups: number;
  smallGroups: number;
  /** Population denominator: `yes`, `no` (with the reason in `reasons`), or `n/a` (not needed). */
  population: "yes" | "no" | "n/a";
}

/** Options of {@link readinessMatrix}. */
export interface ReadinessMatrixOptions {
  /** Indicator definitions; default the built-in `catalogue` (every indicator in it is audited). */
  catalogue?: Catalogue;
  /** Indicator ids to audit; default all of the catalogue. */
  indicators?: string[];
  /** Equity dimensions; default `EQUITY_DIMENSIONS`. */
  dimensions?: readonly EquityDimension[];
  thresholds?: Partial<ReadinessThresholds>;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * Readiness matrix: for each indicator of the catalogue and each equity dimension,
 * can this EMIS compute and disaggregate it? Status `ready`, `partial` or
 * `not-possible`, each with its reasons, the fields it needs, their completeness, the
 * share of unknown codes, the groups withheld or below the minimum n, and whether a
 * matching population denominator exists (for `external` indicators such as GER and the
 * out-of-school rate). Thresholds: {@link READINESS_THRESHOLDS}.
 *
 * A pair is listed when the dimension describes the records the indicator reads (pupil
 * dimensions for indicators over pupils only, teacher dimensions for indicators over
 * teachers only, school location for all); `smallGroups` counts groups withheld by
 * the primary disclosure rule or below the minimum n (complementary suppression
 * depends on what else is published, so it is not counted); `out-of-school` pairs with out-of-school rates (`external` with
 * `complement`) only (a single not-possible cell when the catalogue has none). The
 * figures come from one disclosure-controlled `disaggregate` call per indicator, over
 * the national total and each dimension: what publishing that indicator by those
 * breakdowns would show.
 * @param dataset from `createDataset`
 * @param options catalogue, indicators, dimensions, thresholds
 * @returns cells, indicator order then dimension order
 * @example
 * readinessMatrix(ds, { indicators: ["pass-rate"] }).find((c) => c.dimension === "sex")
 * // { indicator: "pass-rate", dimension: "sex", status: "ready", reasons: [], completeness: 0.99, ... }
 */
export function readinessMatrix(dataset: Dataset, options: ReadinessMatrixOptions = {}): ReadinessCell[] {
  const cat = options.catalogue ?? builtIn;
  const list = (Array.isArray(cat) ? cat : Object.values(cat)) as { id: string }[];
  const ids = options.indicators ?? [...new Set(list.map((d) => d.id))];
  const defs = resolveIndicators(ids, cat);
  const dims = options.dimensions ?? EQUITY_DIMENSIONS;
  const th = { ...READINESS_THRESHOLDS, ...options.thresholds };
  const plans: Array<{ def: IndicatorDefinition; dim: EquityDimension; field: string | null; reasons: string[]; population: ReadinessCell["population"] }> = [];
  for (const def of defs) {
    const facts = [def.numerator.fact, ...(def.denominator ? [def.denominator.fact] : [])];
    for (const dim of dims) {
      if (dim.population) {
        if (def.kind === "external" && def.complement) plans.push({ def, dim, field: null, ...populationCheck(dataset, null) });
        continue;
      }
      // A pupil (teacher) dimension pairs with indicators that read only pupils (teachers).
      if (dim.subject !== "any" && !facts.every((f) => f === dim.subject)) continue;
      plans.push({ def, dim, ...structure(dataset, def, facts, dim) });
    }
  }
  if (dims.some((d) => d.population) && !defs.some((d) => d.kind === "external" && d.complement)) {
    const dim = dims.find((d) => d.population)!;
    const reasons = [dataset.facts.population ? "" : "no population table (population by age and sex)", "no out-of-school (external) indicator in the catalogue"].filter(Boolean);
    plans.push({ def: { id: "out-of-school-rate" } as IndicatorDefinition, dim, field: null, reasons, population: dataset.facts.population ? "yes" : "no" });
  }
  const table = computeTable(dataset, cat, plans.filter((p) => p.reasons.length === 0 && p.def.numerator));
  return plans.map((p) => cell(dataset, p, table, th));
}

function structure(dataset: Dataset, def: IndicatorDefinition, facts: string[], dim: EquityDimension) {
  const reasons: string[] = [];
  const missing = facts.filter((f) => !dataset.facts[f] && !(def.kind === "external" && f === "population"));
  if (missing.length) return { field: null, reasons: missing.map((f) => `no ${f} table`), population: "n/a" as const };
  // For an external indicator the population side is checked apart (populationCheck).
  const own = def.kind === "external" ? facts.filter((f) => f !== "population") : facts;
  facts = own.length ? own : facts;
  const present = dim.dims.filter((d) => facts.every((f) => dataset.facts[f].dims[d]));
  let field: string | null = null;
  if (present.length === 0) {
    reasons.push(`no field ${dim.dims.join(" or ")} in ${facts.filter((f) => !dim.dims.some((d) => dataset.facts[f].dims[d])).join(" and ")}`);
  } else {
    // The best-filled candidate (ethnicity or language).
    field = present.reduce((a, b) => ((unknownShare(dataset.facts[facts[0]], b) ?? 1) < (unknownShare(dataset.facts[facts[0]], a) ?? 1) ? b : a));
    if (def.disaggregableBy) {
      const allowed = def.disaggregableBy.flatMap((x) => (x === "@school" ? ["school", ...dataset.schoolDims] : [x]));
      if (!allowed.includes(field)) reasons.push(`not disaggregable by ${field} by definition (allowed: ${def.disaggregableBy.join(", ")})`);
    }
  }
  if (def.kind === "external") {
    const pop = populationCheck(dataset, field);
    return { field, reasons: [...reasons, ...pop.reasons], population: pop.population };
  }
  return { field, reasons, population: "n/a" as const };
}

function populationCheck(dataset: Dataset, field: string | null): { reasons: string[]; population: ReadinessCell["population"] } {
  const pop = dataset.facts.population;
  if (!pop) return { reasons: ["no population table (population by age and sex)"], population: "no" };
  if (field !== null && !pop.dims[field]) return { reasons: [`population table has no ${field}`], population: "no" };
  return { reasons: [], population: "yes" };
}

function computeTable(dataset: Dataset, cat: Catalogue, plans: Array<{ def: IndicatorDefinition; field: string | null }>): ResultTable {
  if (plans.length === 0) return [];
  const setsFor: Record<string, string[][]> = {};
  for (const p of plans) {
    const s = (setsFor[p.def.id] ??= [[]]);
    if (p.field !== null && !s.some((x) => x[0] === p.field)) s.push([p.field]);
  }
  // One call per indicator: cells shared with other indicators would otherwise be
  // hidden for all of them (the engine's family rule), which says nothing about this one.
  return Object.keys(setsFor).flatMap((id) => disaggregate(dataset, [id], { groupingSets: setsFor[id], catalogue: cat, onInapplicable: "skip" }));
}

function cell(
  dataset: Dataset,
  p: { def: IndicatorDefinition; dim: EquityDimension; field: string | null; reasons: string[]; population: ReadinessCell["population"] },
  table: ResultTable,
  th: ReadinessThresholds,
): ReadinessCell {
  const { def, dim, field } = p;
  const fields = [...(def.requires ?? []), ...(field ? [`${def.numerator?.fact ?? "population"}.${field}`] : [])];
  const base: ReadinessCell = { indicator: def.id, dimension: dim.id, field, status: "not-possible", reasons: [...p.reasons], fields, completeness: null, unknownShare: null, groups: 0, smallGroups: 0, population: p.population };
  if (base.reasons.length || field === null) return base;
  const total = table.find((r) => r.indicator === def.id && r.level === "total");
  const rows = table.filter((r) => r.indicator === def.id && r.level === field);
  const known = rows.filter((r) => r[field] !== "unknown");
  base.groups = known.length;
  // Small = withheld by the primary rule (a count or complement under the minimum cell)
  // or below the indicator's minimum n. Complementary suppression is left out: it
  // depends on which other figures are published with this one.
  base.smallGroups = known.filter((r) => r.flags.includes("suppressed") || r.flags.includes("below-min-n")).length;
  const parts: number[] = [];
  if (total && total.n !== null && total.n + (total.nExcluded ?? 0) > 0) parts.push(total.n / (total.n + (total.nExcluded ?? 0)));
  for (const req of def.requires ?? []) {
    const c = fieldCompleteness(dataset.facts, req).completeness;
    if (c !== null) parts.push(c);
  }
  base.completeness = parts.length ? Math.min(...parts) : null;
  base.unknownShare = unknownShare(dataset.facts[def.numerator.fact], field);
  const c = Math.min(base.completeness ?? 1, 1 - (base.unknownShare ?? 0));
  const reasons = base.reasons;
  if (!total || rows.length === 0) reasons.push(`the engine returned no rows by ${field}`);
  else if (total.value === null && !total.suppressed) reasons.push(`no national value (${total.flags.join(", ") || "undefined"})${def.kind === "flow" ? ": flow rates need two consecutive years of records" : ""}`);
  if (known.length > 0 && base.smallGroups === known.length) reasons.push(`all ${known.length} groups withheld or below the minimum n`);
  if (known.length === 0 && rows.length > 0) reasons.push(`every record has ${field} unknown`);
  if (c < th.partial) reasons.push(`completeness ${pct(c)} is under ${pct(th.partial)}`);
  if (reasons.length) return { ...base, status: "not-possible" };
  if (c < th.ready) reasons.push(`completeness ${pct(c)} is under ${pct(th.ready)}`);
  if (known.length && base.smallGroups / known.length > th.maxSmallShare) reasons.push(`${base.smallGroups} of ${known.length} groups withheld or below the minimum n`);
  return { ...base, status: reasons.length ? "partial" : "ready" };
}
