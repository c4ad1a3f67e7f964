import type { Dataset } from "../dataset/create-dataset";
import type { FactTable } from "../dataset/fact-table";
import { EmisDefinitionError, EmisInputError } from "../models/errors";
import type { Flag } from "../models/flags";
import type { DistributionIndicator, FactMeasure, IndicatorDefinition, IndicatorDefinitionInput } from "../models/indicator";
import type { ResultRow, ResultTable } from "../models/result";
import { catalogue as builtIn } from "../indicators/catalogue";
import { resolveIndicators, type Catalogue } from "../indicators/resolve-indicators";
import { wilsonInterval } from "../stats/wilson-interval";
import { normalQuantile } from "../stats/quantile";
import { groupingSets, levelName, type GroupingOptions } from "./grouping-sets";
import { CellRegistry, CodeSpace } from "./internal/cells";
import type { CellSums } from "./internal/accumulate";
import { Accumulation } from "./internal/accumulation";
import { summarise } from "./internal/summaries";
import { suppress, type SuppressionOptions, type RowMeta } from "./internal/suppress";
import type { Cohort } from "./internal/suppress-equations";
import { sortedOrder } from "./internal/order";
import { pushKindRows } from "./internal/kinds";
import { applyDesign, designApplies, groupTotals, resolveSample } from "./internal/design";
import { determinedDims, projectDistribution, projectGroups, rowMaker, writeFigures, type GroupColumns, type ProjectedGroup } from "./internal/project";
import { factFor } from "./internal/kind-common";
import { Places } from "./internal/places";

/** Options of {@link disaggregate}. */
export interface DisaggregateOptions extends GroupingOptions {
  /** Indicator definitions to resolve ids in; default the built-in `catalogue`. */
  catalogue?: Catalogue;
  /** Confidence level of intervals, in (0, 1); default 0.95 (the name `wilsonInterval` and `surveyEstimate` use). */
  level?: number;
  /** Disclosure control; default on with the profile's `minCell`. `false` turns it off (internal use only). */
  suppression?: false | SuppressionOptions;
  /**
   * What to do with a grouping set an indicator cannot be broken down by (a dimension
   * its facts lack, or outside its `disaggregableBy`): `"throw"` (default) or
   * `"skip"` that set for that indicator. `"skip"` lets one call, and so one
   * consistent suppression pattern, serve indicators of different scopes.
   */
  onInapplicable?: "throw" | "skip";
  /**
   * Restricts, per indicator id, which of the call's grouping sets it is computed for
   * (an indicator not listed gets them all). Lets one call, and so one suppression
   * pattern, carry indicators that need different breakdowns.
   */
  setsFor?: Record<string, string[][]>;
}

/**
 * Disaggregation engine: computes indicators for every group of every grouping set in
 * one pass per fact table, and returns a tidy {@link ResultTable}.
 *
 * Rules: every level is a ratio of sums of the level below (groups are summed from
 * the finest cells, never averaged); an unknown dimension code is a group of its own;
 * a record whose outcome is unknown leaves both parts and is counted in `nExcluded`;
 * a zero denominator gives `value: null` with flag `zero-denominator`. Intervals:
 * Wilson for proportions, normal for means, none for ratios and counts. Disclosure
 * control (primary on the count and its complement, then complementary across levels
 * and indicators sharing a count) is applied before rows leave the engine.
 *
 * Survey designs: when the dataset has a `design` (createDataset; a sample of schools
 * with their pupils and teachers), every `ratio`-kind indicator over the sampled facts
 * is a design-based estimate: `numerator` and `denominator` are weighted totals
 * (Horvitz–Thompson, Σ w·y), `value` their ratio (a count is its weighted total), and
 * `ciLow`/`ciHigh` the normal interval value ± z·SE (as R survey's `confint`), the SE by
 * linearisation on PSU totals with the finite population correction (Lohr 2022 ch. 3
 * and 5–6; Lumley 2010 ch. 2–3), computed by `surveyEstimate`'s own routines. Each group
 * is a domain: rows outside it contribute zero while every PSU and stratum stays in the
 * design (never a subset), so a group's estimate and SE equal `surveyEstimate`'s with
 * `domain` for that group. `n` and `nExcluded` stay unweighted record counts, and
 * disclosure control tests the unweighted counts of sampled records (the people a cell
 * could identify), never weighted totals; its audit treats the weighted totals as
 * equations of their own (weighted = weight × count for a cell of one weight), and
 * withholds every design-based interval of a family with a hidden cell, except a
 * group within one PSU (`ciLow`/`ciHigh` null, flag `interval-withheld`;
 * docs/concepts.md, disclosure control, with its known gaps). The design effect of a group (its design
 * variance over that of a simple random sample of the same size) is `surveyEstimate`'s
 * `deff`. Distribution, flow and external kinds over sampled facts throw
 * `design-not-supported`.
 *
 * @param dataset from `createDataset`
 * @param indicators ids in the catalogue, or inline definitions
 * @param options grouping (`by`, `rollup`, `cube`, `groupingSets`, `setsFor`), `catalogue`, `level`, `suppression`, `onInapplicable`
 * @returns one row per indicator, level and group
 * @throws EmisDefinitionError `unknown-indicator`, `invalid-definition`, `missing-fact`,
 *   `nonconformed-dimension` (a `by` dimension absent from a fact the indicator reads),
 *   `not-disaggregable` (outside the indicator's `disaggregableBy`)
 * @example
 * disaggregate(ds, ["pupil-teacher-ratio"], { by: ["location"], rollup: true })
 * // [{ indicator: "pupil-teacher-ratio", level: "total", location: null, value: 10, ... },
 * //  { indicator: "pupil-teacher-ratio", level: "location", location: "rural", value: 8, ... }, ...]
 */
export function disaggregate(
  dataset: Dataset,
  indicators: ReadonlyArray<string | IndicatorDefinitionInput>,
  options: DisaggregateOptions = {},
): ResultTable {
  checkOptions(options);
  const defs = resolveIndicators(indicators, options.catalogue ?? builtIn);
  if (new Set(defs.map((d) => d.id)).size !== defs.length) {
    throw new EmisInputError("duplicate-indicator", `disaggregate: an indicator is listed twice (${defs.map((d) => d.id).join(", ")}); list each once`);
  }
  const sets = groupingSets(options);
  const allDims: string[] = [];
  for (const s of sets) for (const d of s) if (!allDims.includes(d)) allDims.push(d);
  const z = normalQuantile(1 - (1 - (options.level ?? 0.95)) / 2);
  const space = new CodeSpace();
  const places = new Places(dataset, sets, space);
  const sample = resolveSample(dataset);
  const acc = new Accumulation(space, true, sample);
  const emit: Array<() => void> = [];
  const rows: ResultRow[] = [];
  const metas: RowMeta[] = [];

  const factOf = (def: IndicatorDefinition, spec: FactMeasure): FactTable => factFor(dataset, def, spec);

  for (const def of defs) {
    const specs = def.denominator ? [def.numerator, def.denominator] : [def.numerator];
    const facts = specs.map((s) => factOf(def, s));
    const skip = options.onInapplicable === "skip";
    const wanted = options.setsFor?.[def.id]?.map((x) => [...x].sort().join("+"));
    if (def.kind === "flow" || def.kind === "external") {
      designApplies(def, facts, sample); // throws design-not-supported on sampled facts
      // Flow and external kinds: computed in internal/flow.ts and internal/external.ts.
      const only = (si: number) => !wanted || wanted.includes([...sets[si]].sort().join("+"));
      emit.push(() => pushKindRows(def, { dataset, sets, allDims, space, skip, only }, rows, metas));
      continue;
    }
    const applicable = sets.map(
      (set) => (!wanted || wanted.includes([...set].sort().join("+"))) && (!skip || inapplicable(def, set, facts, dataset) === null),
    );
    if (!skip) checkDimensions(def, [...new Set(sets.filter((_, si) => applicable[si]).flat())], facts, dataset);
    const defDims: string[] = [];
    sets.forEach((set, si) => applicable[si] && set.forEach((d) => !defDims.includes(d) && defDims.push(d)));
    const U = def.kind === "distribution" && !defDims.includes(def.unitOf) ? [...defDims, def.unitOf] : defDims;
    if (def.kind === "distribution") checkDimensions(def, [def.unitOf], facts, dataset, true);
    const threshold = def.kind === "distribution" ? (def.threshold ?? normValue(dataset, def.norm)) : undefined;
    const { reg, sums, design } = acc.add(def, U, facts);
    // Rows are made once every sum is filled: acc.run() makes one pass per fact for the whole call.
    emit.push(() => {
      for (let si = 0; si < sets.length; si++) {
        if (!applicable[si]) continue;
        const set = sets[si];
        let groups: GroupList = def.kind === "distribution" ? listOf(distributionGroups(def, reg, sums, U, set)) : columnsView(projectGroups(reg, sums, U, set), reg);
        // The national total is always published, even over no records: null and empty-group.
        if (set.length === 0 && groups.length === 0) groups = listOf([{ codes: U.map(() => 0), num: 0, den: 0, n: 0, nExcluded: 0, sumSq: 0, units: { num: [], den: [] } }]);
        const totals = design ? groupTotals(reg, design, U, set, def.denominator !== undefined) : null;
        const maker = rowMaker(def.id, levelName(set), allDims, set, U, space, places.dims);
        // Dimensions of other published sets that this set's codes determine (a school's
        // dzongkhag): disclosure control needs those equations too.
        const candidates = U.filter((d) => !set.includes(d) && sets.some((p, pi) => pi !== si && applicable[pi] && p.includes(d)));
        const fixed = determinedDims(reg, sums, U, set, candidates);
        // and the places its set fixes outside this indicator's cells (setsFor)
        const metaCodes = places.metaCodes(facts[0], U, set, fixed);
        for (let gi = 0; gi < groups.length; gi++) {
          const g = groups.at(gi);
          const out = maker.row(g.codes);
          const unknownGroup = maker.unknown(g.codes);
          if (def.kind === "distribution") {
            // For disclosure control a distribution's records are its units and its count
            // is the smallest positive count of any of them.
            const { units, smallest } = distributionRow(out, def, g, threshold);
            metas.push({ def, set: si, ...metaCodes(g.codes), x: smallest, n: smallest, records: units, excluded: 0, unknownGroup });
          } else {
            ratioRow(out, def, g, z);
            const t = totals ? totals(g.codes) : null;
            if (t) applyDesign(out, def, t, sample!, z);
            const meta: RowMeta = { def, set: si, ...metaCodes(g.codes), x: g.num, n: g.den, records: g.n, excluded: g.nExcluded, unknownGroup };
            if (t) meta.survey = { weight: t.weight, psus: t.psus };
            metas.push(meta);
          }
          rows.push(out);
        }
      }
    });
  }
  acc.run();
  for (const e of emit) e();
  if (options.suppression !== false) {
    const codeOf = (dim: string, value: string) => space.dictionaries.get(dim)?.indexOf(value) ?? -1;
    suppress(rows, metas, sets, options.suppression ?? {}, dataset.profile.minCell, cohortOf(dataset.profile, space), codeOf, { combos: (dims) => places.placeCombos(dims), isPlace: (d) => places.isPlace(d) }, (dims) => places.placeWeights(dims, sample));
  }
  const defIndex = new Map(defs.map((d, i) => [d.id, i]));
  // Indicator, then grouping set (one number per row, no lookups while sorting), then groups.
  const major = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) major[i] = defIndex.get(rows[i].indicator)! * (sets.length + 1) + metas[i].set;
  const order = sortedOrder(dataset.profile, allDims, space.dictionaries, sets, metas, rows, major);
  return order.map((i) => rows[i]);
}

/** The next grade (profile order) and year of a code of the call, for the flow identities. */
function cohortOf(profile: Dataset["profile"], space: CodeSpace): Cohort {
  const index = (d: string) => new Map((space.dictionaries.get(d) ?? []).map((v, i) => [v, i]));
  const grades = index("grade");
  const years = index("year");
  const gradeDict = space.dictionaries.get("grade") ?? [];
  const yearDict = space.dictionaries.get("year") ?? [];
  const order = [...profile.grades].sort((a, b) => a.order - b.order).map((g) => g.code);
  return {
    next(dim, code) {
      if (dim === "grade") {
        const at = order.indexOf(gradeDict[code]);
        return at >= 0 && at + 1 < order.length ? (grades.get(order[at + 1]) ?? -1) : -1;
      }
      const y = Number(yearDict[code]);
      return Number.isInteger(y) ? (years.get(String(y + 1)) ?? -1) : -1;
    },
  };
}

type Group = ProjectedGroup;

/** Groups read one at a time: `at(i)` may reuse one object, so read it before the next call. */
interface GroupList {
  length: number;
  at(i: number): Group;
}

function listOf(groups: Group[]): GroupList {
  return { length: groups.length, at: (i) => groups[i] };
}

/**
 * The groups of projected columns through one reused object (only `codes` is new per
 * group, as the row's suppression metadata keeps it).
 */
function columnsView(cols: GroupColumns, reg: CellRegistry): GroupList {
  const g: Group = { codes: [], num: 0, den: 0, n: 0, nExcluded: 0, sumSq: 0 };
  return {
    length: cols.firstKey.length,
    at(i) {
      g.codes = reg.decode(cols.firstKey[i]);
      g.num = cols.num[i];
      g.den = cols.den[i];
      g.n = cols.n[i];
      g.nExcluded = cols.nExcluded[i];
      g.sumSq = cols.sumSq[i];
      return g;
    },
  };
}

function distributionGroups(def: DistributionIndicator, reg: CellRegistry, s: CellSums, U: string[], set: string[]): Group[] {
  const withUnit = set.includes(def.unitOf) ? set : [...set, def.unitOf];
  return projectDistribution(reg, s, U, withUnit, set);
}

type Computed = Pick<ResultRow, "numerator" | "denominator" | "value" | "n" | "nExcluded" | "ciLow" | "ciHigh" | "suppressed" | "flags">;

/** Writes a ratio-kind group's figures into its row. */
function ratioRow(out: Computed, def: IndicatorDefinition, g: Group, z: number): void {
  const flags: Flag[] = g.n === 0 && g.nExcluded === 0 && g.num === 0 && g.den === 0 ? ["empty-group"] : [];
  const scale = def.scale;
  let value: number | null;
  let ciLow: number | null = null;
  let ciHigh: number | null = null;
  if (!def.denominator) value = scale * g.num;
  else if (g.den === 0) {
    value = null;
    flags.push("zero-denominator");
  } else {
    value = (scale * g.num) / g.den;
    if (def.statistic === "proportion" && g.num <= g.den && g.num >= 0) {
      const w = wilsonInterval(g.num, g.den, { z });
      ciLow = w.low === null ? null : scale * w.low;
      ciHigh = w.high === null ? null : scale * w.high;
    } else if (def.statistic === "mean" && g.n >= 2) {
      const mean = g.num / g.den;
      const variance = Math.max(0, (g.sumSq - g.den * mean * mean) / (g.den - 1));
      const half = (z * Math.sqrt(variance)) / Math.sqrt(g.den);
      ciLow = scale * (mean - half);
      ciHigh = scale * (mean + half);
    }
  }
  if (g.nExcluded > 0) flags.push("unknown-excluded");
  if (def.minN > 0 && g.n < def.minN) flags.push("below-min-n");
  writeFigures(out, g.num, def.denominator ? g.den : null, value, g.n, g.nExcluded, ciLow, ciHigh, false, flags);
}

/** The profile norm named by an indicator (by norm id, or by the indicator it applies to). */
function normValue(dataset: Dataset, norm: string | undefined): number | undefined {
  if (!norm) return undefined;
  const n = dataset.profile.norms.find((x) => x.id === norm) ?? dataset.profile.norms.find((x) => x.indicator === norm);
  return n?.value;
}

/**
 * A distribution row: the summary of unit ratios. Units with a numerator but a zero
 * denominator (a school with pupils and no teacher) have an infinite ratio: they count
 * as above any norm in `share-above-norm`, and are left out of the other summaries
 * with flag `zero-denominator` (counted in `nExcluded`) — never dropped silently.
 * Numerator and denominator are null: the row's value is not their ratio; `n` is the
 * number of units summarised.
 */
function distributionRow(out: Computed, def: DistributionIndicator, g: Group, threshold: number | undefined): { units: number; smallest: number } {
  const uNum = g.units?.num ?? [];
  const uDen = g.units?.den ?? [];
  const values: number[] = [];
  const weights: number[] | undefined = def.weight === "none" ? undefined : [];
  const infiniteWeights: number[] = [];
  let units = 0;
  // The smallest positive count of any unit summarised (disclosure control: a summary of
  // a few units can be solved back to their counts).
  let smallest = Number.POSITIVE_INFINITY;
  for (let u = 0; u < uNum.length; u++) {
    const num = uNum[u];
    const den = uDen[u];
    // A unit with neither numerator nor denominator (a school with no pupils and no teacher) is not a unit of the distribution.
    if (!(den > 0 || num > 0)) continue;
    units++;
    if (num > 0 && num < smallest) smallest = num;
    if (den > 0 && den < smallest) smallest = den;
    const w = def.weight === "numerator" ? num : den;
    if (den > 0) {
      values.push(num / den);
      weights?.push(w);
    } else infiniteWeights.push(def.weight === "none" ? 1 : w);
  }
  const { value, flags } = summarise(def, values, weights, threshold, infiniteWeights);
  const counted = def.summary === "share-above-norm" || def.summary === "share-below-norm";
  const excluded = counted ? 0 : infiniteWeights.length;
  if (excluded > 0) flags.push("zero-denominator");
  const n = counted ? units : values.length;
  if (def.minN > 0 && n < def.minN) flags.push("below-min-n");
  writeFigures(out, null, null, value === null ? null : def.scale * value, n, excluded, null, null, false, flags);
  return { units, smallest };
}

const OPTION_KEYS = ["by", "rollup", "cube", "groupingSets", "setsFor", "catalogue", "level", "suppression", "onInapplicable"];

/** A mistyped option must not be ignored (a misspelt `suppresion` would publish small cells). */
function checkOptions(o: DisaggregateOptions): void {
  for (const k of Object.keys(o)) {
    if (!OPTION_KEYS.includes(k)) throw new EmisInputError("invalid-option", `disaggregate: unknown option ${k}; use ${OPTION_KEYS.join(", ")}`);
  }
  if (o.level !== undefined && !(o.level > 0 && o.level < 1)) throw new EmisInputError("invalid-option", `disaggregate: level must be in (0, 1), got ${o.level}; use e.g. 0.95`);
  if (o.rollup && o.cube) throw new EmisInputError("invalid-option", "disaggregate: rollup and cube together are ambiguous; choose one (cube includes every rollup level)");
  if (o.onInapplicable !== undefined && o.onInapplicable !== "throw" && o.onInapplicable !== "skip") {
    throw new EmisInputError("invalid-option", `disaggregate: onInapplicable must be "throw" or "skip", got ${String(o.onInapplicable)}`);
  }
}

/** The reason a grouping set cannot apply to an indicator, or null when it can. */
function inapplicable(def: IndicatorDefinition, set: string[], facts: FactTable[], dataset: Dataset): string | null {
  try {
    checkDimensions(def, set, facts, dataset);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * A `by` dimension must exist in every fact the indicator reads (conformed), and be
 * allowed by its `disaggregableBy` (`@school` stands for the school dimensions).
 */
function checkDimensions(def: IndicatorDefinition, dims: string[], facts: FactTable[], dataset: Dataset, isUnit = false): void {
  for (const d of dims) {
    for (const f of facts) {
      if (!f.dims[d]) {
        throw new EmisDefinitionError(
          "nonconformed-dimension",
          `indicator ${def.id} cannot be disaggregated by ${d}: fact ${f.name} has no dimension ${d} (it has ${Object.keys(f.dims).join(", ")})`,
          { indicator: def.id, dimension: d, fact: f.name },
        );
      }
    }
    if (def.disaggregableBy && !isUnit) {
      const allowed = new Set(def.disaggregableBy.flatMap((x) => (x === "@school" ? ["school", ...dataset.schoolDims] : [x])));
      if (!allowed.has(d)) {
        throw new EmisDefinitionError(
          "not-disaggregable",
          `indicator ${def.id} is not disaggregable by ${d}; allowed: ${[...allowed].join(", ")}`,
          { indicator: def.id, dimension: d },
        );
      }
    }
  }
}
