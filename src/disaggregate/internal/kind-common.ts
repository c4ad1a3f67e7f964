import type { Dataset } from "../../dataset/create-dataset";
import type { FactTable } from "../../dataset/fact-table";
import { EmisDefinitionError, EmisInputError } from "../../models/errors";
import type { Flag } from "../../models/flags";
import type { FactMeasure, IndicatorDefinition } from "../../models/indicator";
import type { ResultRow } from "../../models/result";
import { levelName } from "../grouping-sets";
import type { CodeSpace } from "./cells";
import type { RowMeta } from "./suppress";

/** What the `flow` and `external` computations get from one `disaggregate` call. */
export interface KindContext {
  dataset: Dataset;
  sets: string[][];
  /** Every dimension of the call (the result's dimension columns). */
  allDims: string[];
  /** The call's code space, so that rows line up with other indicators for suppression. */
  space: CodeSpace;
  /** `onInapplicable: "skip"`. */
  skip: boolean;
  /** Grouping sets (by index) this indicator is computed for; default all. */
  only?: (si: number) => boolean;
}

/** Rows and suppression metadata of one indicator. */
export interface KindOutput {
  rows: ResultRow[];
  metas: RowMeta[];
}

/** One summed group: global codes of its dimensions, the sum, records and excluded records. */
export interface GroupSum {
  codes: number[];
  sum: number;
  n: number;
  nExcluded: number;
}

export function factFor(dataset: Dataset, def: IndicatorDefinition, spec: FactMeasure): FactTable {
  const f = dataset.facts[spec.fact];
  if (!f) {
    throw new EmisDefinitionError(
      "missing-fact",
      `indicator ${def.id} reads fact ${spec.fact}, which this dataset does not have (facts: ${Object.keys(dataset.facts).join(", ") || "none"})`,
      { indicator: def.id, fact: spec.fact },
    );
  }
  checkFactShape(f);
  return f;
}

/**
 * A fact's columns must hold at least `length` rows and `length` must be a whole
 * number: a hand-built fact with a short column would otherwise be read past its end
 * (undefined codes, NaN measures) or counted by its length (enrolment 10 from 5 rows).
 */
function checkFactShape(f: FactTable): void {
  const n = f.length;
  const fail = (what: string) => {
    throw new EmisInputError("invalid-fact", `fact ${f.name}: ${what}; every dimension and measure column must hold the fact's length (${n}) rows`, { fact: f.name });
  };
  if (!(Number.isInteger(n) && n >= 0)) fail(`length must be a whole number ≥ 0, got ${n}`);
  for (const [d, dim] of Object.entries(f.dims)) if (!(dim.codes.length >= n)) fail(`dimension ${d} has ${dim.codes.length} codes`);
  for (const [m, col] of Object.entries(f.measures)) if (!(col.length >= n)) fail(`measure ${m} has ${col.length} values`);
}

export function measureFor(fact: FactTable, def: IndicatorDefinition, name: string): Float64Array {
  const m = fact.measures[name];
  if (!m) {
    throw new EmisDefinitionError(
      "unknown-measure",
      `indicator ${def.id}: fact ${fact.name} has no measure ${name} (measures: ${Object.keys(fact.measures).join(", ")})`,
      { indicator: def.id, fact: fact.name, measure: name },
    );
  }
  return m;
}

/** Throws `missing-dimension` when a fact lacks a dimension the kind itself needs (year, grade). */
export function requireDims(def: IndicatorDefinition, fact: FactTable, dims: string[]): void {
  for (const d of dims) {
    if (!fact.dims[d]) {
      throw new EmisDefinitionError(
        "nonconformed-dimension",
        `indicator ${def.id} (${def.kind}) needs dimension ${d} in fact ${fact.name}, which has ${Object.keys(fact.dims).join(", ")}`,
        { indicator: def.id, dimension: d, fact: fact.name },
      );
    }
  }
}

/**
 * The reason a grouping set does not apply (a dimension missing from a fact, or outside
 * `disaggregableBy`), or null. `extraAllowed` are dimensions the kind handles itself.
 */
export function setProblem(def: IndicatorDefinition, set: string[], facts: FactTable[], dataset: Dataset, extraAllowed: string[] = []): EmisDefinitionError | null {
  for (const d of set) {
    for (const f of facts) {
      if (!f.dims[d]) {
        return new EmisDefinitionError(
          "nonconformed-dimension",
          `indicator ${def.id} cannot be disaggregated by ${d}: fact ${f.name} has no dimension ${d} (it has ${Object.keys(f.dims).join(", ")})`,
          { indicator: def.id, dimension: d, fact: f.name },
        );
      }
    }
    if (def.disaggregableBy && !extraAllowed.includes(d)) {
      const allowed = new Set(def.disaggregableBy.flatMap((x) => (x === "@school" ? ["school", ...dataset.schoolDims] : [x])));
      if (!allowed.has(d)) {
        return new EmisDefinitionError("not-disaggregable", `indicator ${def.id} is not disaggregable by ${d}; allowed: ${[...allowed].join(", ")}`, {
          indicator: def.id,
          dimension: d,
        });
      }
    }
  }
  return null;
}

/** Local code of a value in a fact's dimension, or -1 when absent. */
export function localCode(fact: FactTable, dim: string, value: string): number {
  return fact.dims[dim].dictionary.indexOf(value);
}

/** Global code of a value (after `space.remap` of a fact holding it). */
export function globalCode(space: CodeSpace, fact: FactTable, dim: string, value: string): number {
  const remap = space.remap(fact, dim);
  const local = localCode(fact, dim, value);
  return local < 0 ? -1 : remap[local];
}

/** Numeric years present in a fact's `year` dimension, ascending. */
export function yearsOf(fact: FactTable): number[] {
  return fact.dims.year.dictionary
    .map(Number)
    .filter((y) => Number.isInteger(y))
    .sort((a, b) => a - b);
}

/**
 * Sums `values` over the rows with `mask[i]`, grouped by `dims` (global codes). A NaN
 * value (unknown outcome) is left out and counted in `nExcluded`.
 * @returns groups keyed by their codes joined with ","
 */
export function groupSums(fact: FactTable, mask: Uint8Array, values: Float64Array, dims: string[], space: CodeSpace): Map<string, GroupSum> {
  const cols = dims.map((d) => fact.dims[d]);
  const remaps = dims.map((d) => space.remap(fact, d));
  const strides: number[] = [];
  let product = 1;
  for (const c of cols) {
    strides.push(product);
    product *= Math.max(1, c.dictionary.length);
  }
  const local = new Map<number, { first: number; sum: number; n: number; nExcluded: number }>();
  for (let i = 0; i < fact.length; i++) {
    if (!mask[i]) continue;
    let k = 0;
    for (let j = 0; j < cols.length; j++) k += cols[j].codes[i] * strides[j];
    let g = local.get(k);
    if (!g) local.set(k, (g = { first: i, sum: 0, n: 0, nExcluded: 0 }));
    const v = values[i];
    if (v !== v) g.nExcluded++;
    else {
      g.sum += v;
      g.n++;
    }
  }
  const out = new Map<string, GroupSum>();
  for (const g of local.values()) {
    const codes = cols.map((c, j) => remaps[j][c.codes[g.first]]);
    out.set(codes.join(","), { codes, sum: g.sum, n: g.n, nExcluded: g.nExcluded });
  }
  return out;
}

/** Rows of `fact` whose dimension `dim` holds one of `values`. */
export function codeMask(fact: FactTable, dim: string, values: ReadonlySet<string>): Uint8Array {
  const col = fact.dims[dim];
  const hit = col.dictionary.map((c) => (values.has(c) ? 1 : 0));
  const out = new Uint8Array(fact.length);
  for (let i = 0; i < fact.length; i++) out[i] = hit[col.codes[i]];
  return out;
}

/** Element-wise AND of masks into a new mask. */
export function andMasks(...masks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(masks[0]);
  for (let m = 1; m < masks.length; m++) for (let i = 0; i < out.length; i++) out[i] &= masks[m][i];
  return out;
}

/** Dimensions a set's codes determine in a fact, and their global codes per group. */
export interface Determined {
  dims: string[];
  /** Global codes of `dims` for the group with these global codes on the set. */
  codesOf(setCodes: number[]): number[];
}

export const NONE: Determined = { dims: [], codesOf: () => [] };

/**
 * The dimensions of other grouping sets of the call (not in `set`) that `set`'s codes
 * determine in `fact` (a school's dzongkhag), so disclosure control sees that a
 * `[dzongkhag]` row of a flow rate is the sum of its `[school]` rows; see RowMeta.fixed.
 */
export function determinedIn(fact: FactTable, ctx: KindContext, si: number): Determined {
  const set = ctx.sets[si].filter((d) => d !== "year" && d !== "grade");
  const candidates = [...new Set(ctx.sets.flatMap((p, pi) => (pi === si ? [] : p)))].filter((d) => !ctx.sets[si].includes(d) && d !== "year" && d !== "grade");
  return determinedInFact(fact, ctx.space, set, candidates);
}

/**
 * The `candidates` (dimensions outside `set`) that `set`'s codes determine in `fact`,
 * read from the fact's rows: for flow rates, and for an indicator whose own grouping
 * sets (`setsFor`) leave out a dimension other sets of the call use.
 */
export function determinedInFact(fact: FactTable, space: CodeSpace, set: string[], wanted: string[]): Determined {
  if (set.some((d) => !fact.dims[d])) return NONE;
  const candidates = wanted.filter((d) => fact.dims[d]);
  if (candidates.length === 0) return NONE;
  const scan = scanned(fact, set, candidates);
  const dims = scan.dims;
  if (dims.length === 0) return NONE;
  const setCols = set.map((d) => fact.dims[d].codes);
  // global set codes → the first row of that group → its global codes on `dims`
  const setRemaps = set.map((d) => space.remap(fact, d));
  // a one-dimension set (a school): a direct array by global code; else a map of the
  // codes joined (this runs on every call, over every group: 25,000 schools at 10M rows)
  let rowOf: (codes: number[]) => number | undefined;
  if (set.length === 1) {
    const remap = setRemaps[0];
    const col = setCols[0];
    let size = 0;
    for (let i = 0; i < remap.length; i++) size = Math.max(size, remap[i] + 1);
    const direct = new Int32Array(size).fill(-1);
    for (const r of scan.firstRows) direct[remap[col[r]]] = r;
    rowOf = (codes) => (codes[0] >= 0 && codes[0] < size && direct[codes[0]] >= 0 ? direct[codes[0]] : undefined);
  } else {
    const byGlobal = new Map<string, number>();
    for (const r of scan.firstRows) byGlobal.set(set.map((_, j) => setRemaps[j][setCols[j][r]]).join(","), r);
    rowOf = (codes) => byGlobal.get(codes.join(","));
  }
  const dimCols = dims.map((d) => fact.dims[d].codes);
  const dimRemaps = dims.map((d) => space.remap(fact, d));
  return {
    dims,
    codesOf(setCodes) {
      const r = rowOf(setCodes);
      const out = new Array<number>(dims.length);
      for (let j = 0; j < dims.length; j++) out[j] = r === undefined ? -1 : dimRemaps[j][dimCols[j][r]];
      return out;
    },
  };
}

/**
 * Scans of a fact for {@link determinedInFact}, kept with the fact (facts are not
 * changed after createDataset): a pass over 1M pupils cost 2-5 ms on every call of a
 * 30 ms workload. Weakly held, so a dropped dataset takes its scans with it.
 */
const scans = new WeakMap<FactTable, Map<string, { dims: string[]; firstRows: number[] }>>();

function scanned(fact: FactTable, set: string[], candidates: string[]): { dims: string[]; firstRows: number[] } {
  let byKey = scans.get(fact);
  if (!byKey) scans.set(fact, (byKey = new Map()));
  const key = `${set.join("+")}\u0000${candidates.join("+")}\u0000${fact.length}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const setCols = set.map((d) => fact.dims[d].codes);
  const radices = set.map((d) => fact.dims[d].dictionary.length);
  const candCols = candidates.map((d) => fact.dims[d].codes);
  const same = candidates.map(() => true);
  // first row of each group: a direct array when the key space is small, else a map
  const space0 = radices.reduce((a, r) => a * Math.max(1, r), 1);
  const direct = space0 <= 1 << 22 ? new Int32Array(space0).fill(-1) : null;
  const firstRow = new Map<number, number>();
  for (let r = 0; r < fact.length; r++) {
    let key = 0;
    for (let j = 0; j < setCols.length; j++) key = key * radices[j] + setCols[j][r];
    let f = direct ? direct[key] : (firstRow.get(key) ?? -1);
    if (f < 0) {
      if (direct) direct[key] = r;
      firstRow.set(key, r);
      f = r;
    } else for (let j = 0; j < candCols.length; j++) if (same[j] && candCols[j][r] !== candCols[j][f]) same[j] = false;
  }
  const out = { dims: candidates.filter((_, j) => same[j]), firstRows: [...firstRow.values()] };
  byKey.set(key, out);
  return out;
}

/** A finished row and its suppression metadata. */
export function emit(
  out: KindOutput,
  def: IndicatorDefinition,
  ctx: KindContext,
  si: number,
  dimValues: Record<string, { code: number; value: string }>,
  row: { numerator: number | null; denominator: number | null; value: number | null; n: number; nExcluded: number; flags: Flag[] },
  meta: { x: number; n: number; records: number },
  determined: Determined = NONE,
): void {
  const set = ctx.sets[si];
  const cols: Record<string, string | null> = {};
  for (const d of ctx.allDims) cols[d] = set.includes(d) ? dimValues[d].value : null;
  if (def.minN > 0 && row.n < def.minN) row.flags.push("below-min-n");
  out.rows.push({ indicator: def.id, level: levelName(set), ...cols, ...row, ciLow: null, ciHigh: null, suppressed: false });
  const codes = set.map((d) => dimValues[d].code);
  if (determined.dims.length === 0) {
    out.metas.push({ def, set: si, codes, U: set, excluded: row.nExcluded, ...meta });
    return;
  }
  const extra = determined.codesOf(set.filter((d) => d !== "year" && d !== "grade").map((d) => dimValues[d].code));
  const known = determined.dims.filter((_, j) => extra[j] >= 0);
  out.metas.push({
    def, set: si, codes: [...codes, ...extra.filter((c) => c >= 0)], U: [...set, ...known], excluded: row.nExcluded, ...meta, fixed: known,
  });
}
