import type { Dataset } from "../../dataset/create-dataset";
import type { FactTable } from "../../dataset/fact-table";
import { EmisDefinitionError } from "../../models/errors";
import type { Flag } from "../../models/flags";
import type { IndicatorDefinition } from "../../models/indicator";
import type { ResultRow } from "../../models/result";
import { linearisedVariance } from "../../sampling/internal/linearised-variance";
import { estimateFromPsuTotals, psuLevelDesign } from "../../sampling/internal/psu-estimate";
import { resolveDesign, type ResolvedDesign } from "../../sampling/internal/resolve-design";
import type { LonelyPsuRule } from "../../sampling/survey-design";
import type { CellRegistry } from "./cells";

const FN = "disaggregate";

/** A dataset's survey design resolved for one `disaggregate` call. */
export interface Sample {
  /** The design at PSU level (what the variance reads). */
  psu: ResolvedDesign;
  lonely: LonelyPsuRule;
  /** True when the fact's rows carry the design (sampled facts). */
  designed(fact: FactTable): boolean;
  /** Weight of each row of a sampled fact. */
  weights(fact: FactTable): Float64Array;
  /** PSU index of each row of a sampled fact. */
  psuOf(fact: FactTable): Uint32Array;
}

/**
 * Resolves `dataset.design` with `surveyEstimate`'s own reader (so its rules and error
 * codes apply: weights, fpc forms, labels), once per call; a stratum with one sampled
 * PSU under lonely "error" throws here, before any work. Null without a design.
 */
export function resolveSample(dataset: Dataset): Sample | null {
  const d = dataset.design;
  if (!d) return null;
  const u = d.units;
  const rows = Array.from({ length: u.length }, (_, i) => i);
  const resolved = resolveDesign(
    rows,
    {
      strata: u.strata ? (k: number) => u.strata![k] : undefined,
      psu: (k: number) => u.psu[k],
      fpc: u.fpc ? (k: number) => u.fpc![k] : undefined,
      weight: u.weight ? (k: number) => u.weight![k] : undefined,
    },
    FN,
  );
  const psu = psuLevelDesign(resolved);
  const lonely = d.spec.lonely;
  linearisedVariance(new Float64Array(psu.rows), psu, lonely, FN);
  const w = new Map<string, Float64Array>();
  const p = new Map<string, Uint32Array>();
  const unitOf = (fact: FactTable) => d.rowUnit[fact.name];
  return {
    psu,
    lonely,
    designed: (fact) => unitOf(fact) !== undefined && unitOf(fact).length === fact.length,
    weights(fact) {
      let out = w.get(fact.name);
      if (!out) w.set(fact.name, (out = Float64Array.from(unitOf(fact), (k) => resolved.weights[k])));
      return out;
    },
    psuOf(fact) {
      let out = p.get(fact.name);
      if (!out) p.set(fact.name, (out = Uint32Array.from(unitOf(fact), (k) => resolved.psuOf[k])));
      return out;
    },
  };
}

/**
 * An indicator can be estimated from the design when it is a `ratio` kind whose facts
 * are all sampled; facts none of which is sampled (a census count table beside the
 * sample) are computed as before. Throws `design-not-supported` for the distribution,
 * flow and external kinds on sampled facts (their design-based estimators are not
 * implemented: compute them from a dataset without `design`, knowing they describe the
 * sampled schools only), and `design-mismatch` when one part is sampled and the other
 * is not (a ratio of an estimate to a census figure needs its own variance).
 * @returns whether the indicator is design-weighted
 */
export function designApplies(def: IndicatorDefinition, facts: FactTable[], sample: Sample | null): boolean {
  if (!sample) return false;
  const sampled = facts.filter((f) => sample.designed(f));
  if (sampled.length === 0) return false;
  if (def.kind !== "ratio") {
    throw new EmisDefinitionError(
      "design-not-supported",
      `indicator ${def.id} (${def.kind}) has no design-based estimator yet; compute it from a dataset without design (it then describes the sampled schools only)`,
      { indicator: def.id, kind: def.kind },
    );
  }
  if (sampled.length !== facts.length) {
    throw new EmisDefinitionError(
      "design-mismatch",
      `indicator ${def.id} divides a sampled fact by an unsampled one (${facts.map((f) => f.name).join(", ")}); both parts must come from the sample`,
      { indicator: def.id, facts: facts.map((f) => f.name) },
    );
  }
  return true;
}

/**
 * Weighted sums of one indicator per (cell, PSU): Y = Σ w·y over its numerator rows, X =
 * Σ w·x over its denominator rows, kept sparse (a slot per pair seen). The unknown-value
 * rules are those of the unweighted sums (a joint record with an unknown part leaves both).
 */
export class DesignSums {
  private readonly slotOf = new Map<number, number>();
  readonly cell: number[] = [];
  readonly psu: number[] = [];
  readonly Y: number[] = [];
  readonly X: number[] = [];
  /** The one weight of the slot's rows; NaN when they carry more than one. */
  readonly W: number[] = [];

  constructor(readonly psuCount: number) {}

  private slot(c: number, p: number): number {
    const key = c * this.psuCount + p;
    let s = this.slotOf.get(key);
    if (s === undefined) {
      s = this.cell.length;
      this.slotOf.set(key, s);
      this.cell.push(c);
      this.psu.push(p);
      this.Y.push(0);
      this.X.push(0);
      this.W.push(0);
    }
    return s;
  }

  private weigh(s: number, w: number): void {
    if (this.W[s] === 0) this.W[s] = w;
    else if (this.W[s] !== w) this.W[s] = Number.NaN;
  }

  /** Numerator and denominator of the same rows (proportions, means over records). */
  joint(cells: Int32Array, numMask: Uint8Array | null, denMask: Uint8Array | null, num: Float64Array, den: Float64Array, w: Float64Array, psu: Uint32Array): void {
    for (let i = 0; i < cells.length; i++) {
      if (denMask && !denMask[i]) continue;
      const d = den[i];
      const x = num[i];
      if (d !== d || x !== x) continue;
      const s = this.slot(cells[i], psu[i]);
      this.X[s] += w[i] * d;
      if (!numMask || numMask[i]) this.Y[s] += w[i] * x;
      this.weigh(s, w[i]);
    }
  }

  /** One side on its own fact (`target` "Y" numerator, "X" denominator). */
  side(cells: Int32Array, mask: Uint8Array | null, m: Float64Array, w: Float64Array, psu: Uint32Array, target: "Y" | "X"): void {
    const t = this[target];
    for (let i = 0; i < cells.length; i++) {
      if (mask && !mask[i]) continue;
      const v = m[i];
      if (v !== v) continue;
      const s = this.slot(cells[i], psu[i]);
      t[s] += w[i] * v;
      this.weigh(s, w[i]);
    }
  }
}

/** PSU totals of one group: Y_p and X_p (null for a count, which is a total). */
export interface GroupTotals {
  Y: Float64Array;
  X: Float64Array | null;
  /** The one design weight of the group's rows: NaN when they carry more, 0 with no rows. */
  weight: number;
  /** PSUs holding rows of the group. */
  psus: number;
}

/**
 * PSU totals of every group of a grouping set: the cells' (cell, PSU) sums added into
 * their group (domain estimation by zeroing: a PSU without rows of the group has 0, and
 * every PSU of the design stays in the variance). Returns a lookup by the group's codes
 * (codes of the registry's dimensions `U`; only those of `set` are read).
 */
export function groupTotals(reg: CellRegistry, ds: DesignSums, U: string[], set: string[], ratio: boolean): (codes: number[]) => GroupTotals {
  const positions = set.map((d) => U.indexOf(d));
  const keyOf = (codes: number[]) => {
    let k = 0;
    let stride = 1;
    for (const p of positions) {
      k += codes[p] * stride;
      stride *= Math.max(1, reg.radices[p]);
    }
    return k;
  };
  const P = ds.psuCount;
  const groups = new Map<number, GroupTotals & { seen: Uint8Array }>();
  const keyOfCell = new Map<number, number>();
  for (let s = 0; s < ds.cell.length; s++) {
    const c = ds.cell[s];
    let k = keyOfCell.get(c);
    if (k === undefined) keyOfCell.set(c, (k = keyOf(reg.decode(reg.keys[c]))));
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { Y: new Float64Array(P), X: ratio ? new Float64Array(P) : null, weight: 0, psus: 0, seen: new Uint8Array(P) }));
    const p = ds.psu[s];
    g.Y[p] += ds.Y[s];
    if (g.X) g.X[p] += ds.X[s];
    if (!g.seen[p]) {
      g.seen[p] = 1;
      g.psus++;
    }
    const w = ds.W[s];
    if (g.weight === 0) g.weight = w;
    else if (g.weight !== w) g.weight = Number.NaN;
  }
  return (codes) => groups.get(keyOf(codes)) ?? { Y: new Float64Array(P), X: ratio ? new Float64Array(P) : null, weight: 0, psus: 0 };
}

type Computed = Pick<ResultRow, "numerator" | "denominator" | "value" | "ciLow" | "ciHigh" | "flags">;

/**
 * Replaces a row's figures by their design-based estimates: numerator Ŷ and denominator
 * X̂ are weighted totals (estimated population totals), value = scale·Ŷ/X̂ (scale·Ŷ for
 * a count), and the interval is value ± z·scale·SE with the linearised SE (normal
 * quantile, as R survey's `confint`; not clipped to [0, 100]: a rate near 0 can have a
 * negative lower bound, as in R). `n` and `nExcluded` stay unweighted record counts.
 */
export function applyDesign(row: Computed, def: IndicatorDefinition, totals: GroupTotals, sample: Sample, z: number): void {
  const e = estimateFromPsuTotals(totals.Y, totals.X, sample.psu, sample.lonely, FN);
  row.numerator = e.numerator;
  row.denominator = e.denominator;
  if (e.estimate === null) {
    row.value = null;
    row.ciLow = null;
    row.ciHigh = null;
    if (!row.flags.includes("zero-denominator")) row.flags.push("zero-denominator");
    return;
  }
  const se = Math.sqrt(Math.max(0, e.variance ?? 0));
  row.value = def.scale * e.estimate;
  row.ciLow = def.scale * (e.estimate - z * se);
  row.ciHigh = def.scale * (e.estimate + z * se);
  if (e.lonelyStrata.length > 0 && !row.flags.includes("single-unit" as Flag)) row.flags.push("single-unit");
}
