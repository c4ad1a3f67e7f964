import type { CellSums } from "./accumulate";
import type { ResultRow } from "../../models/result";
import type { Flag } from "../../models/flags";
import { UNKNOWN } from "../../dataset/fact-table";
import type { CellRegistry, CodeSpace } from "./cells";

/** One group of a grouping set: codes of the registry's dimensions (of its first cell) and summed cell sums. */
export interface ProjectedGroup {
  codes: number[];
  num: number;
  den: number;
  n: number;
  nExcluded: number;
  sumSq: number;
  /** Units of a distribution (filled by the caller). */
  units?: { num: number[]; den: number[] };
}

/** Largest number of groups looked up in a direct array rather than a Map. */
const DIRECT_LIMIT = 1 << 20;

/**
 * Assigns each non-empty cell of the registry to a group of `dims` (a subset of the
 * registry's dimensions), numbering groups in order of their first cell; the group's
 * mixed-radix key is computed from the cell key by arithmetic (no array per cell).
 * Returns the group of every cell (-1 when the cell is empty) and each group's first
 * cell key. Shared by the ratio and the distribution projections.
 */
function assignCells(reg: CellRegistry, s: CellSums, U: string[], dims: string[]): { groupOf: Int32Array; firstKey: number[] } {
  const positions = dims.map((d) => U.indexOf(d));
  const strides = positions.map((p) => reg.strides[p]);
  const radices = positions.map((p) => Math.max(1, reg.radices[p]));
  const product = radices.reduce((a, r) => a * r, 1);
  const direct = product <= DIRECT_LIMIT ? new Int32Array(product).fill(-1) : null;
  const map = direct ? null : new Map<number, number>();
  const { num, den, n, nExcluded } = s;
  const keys = reg.keys;
  const P = positions.length;
  const groupOf = new Int32Array(keys.length).fill(-1);
  const firstKey: number[] = [];
  for (let c = 0; c < keys.length; c++) {
    if (n[c] === 0 && nExcluded[c] === 0 && num[c] === 0 && den[c] === 0) continue;
    const key = keys[c];
    let k = 0;
    let stride = 1;
    for (let j = 0; j < P; j++) {
      k += (Math.floor(key / strides[j]) % radices[j]) * stride;
      stride *= radices[j];
    }
    let gi = direct ? direct[k] : (map!.get(k) ?? -1);
    if (gi < 0) {
      gi = firstKey.length;
      if (direct) direct[k] = gi;
      else map!.set(k, gi);
      firstKey.push(key);
    }
    groupOf[c] = gi;
  }
  return { groupOf, firstKey };
}

/** The groups of a grouping set as columns: group g's first cell key and its summed cell sums. */
export interface GroupColumns {
  firstKey: number[];
  num: Float64Array;
  den: Float64Array;
  n: Float64Array;
  nExcluded: Float64Array;
  sumSq: Float64Array;
}

/**
 * Sums the registry's cells into the groups of `set`, in order of their first cell, as
 * columns (no object per group: a 10M-row call's 25,000 school groups were 25,000
 * short-lived objects for the garbage collector to copy).
 */
export function projectGroups(reg: CellRegistry, s: CellSums, U: string[], set: string[]): GroupColumns {
  const { groupOf, firstKey } = assignCells(reg, s, U, set);
  const G = firstKey.length;
  const out: GroupColumns = { firstKey, num: new Float64Array(G), den: new Float64Array(G), n: new Float64Array(G), nExcluded: new Float64Array(G), sumSq: new Float64Array(G) };
  const { num, den, n, nExcluded, sumSq } = s;
  for (let c = 0; c < groupOf.length; c++) {
    const gi = groupOf[c];
    if (gi < 0) continue;
    out.num[gi] += num[c];
    out.den[gi] += den[c];
    out.n[gi] += n[c];
    out.nExcluded[gi] += nExcluded[c];
    out.sumSq[gi] += sumSq[c];
  }
  return out;
}

/**
 * The groups of `set` of a distribution over units `withUnit` (`set` plus the unit
 * dimension): the units are the groups of `withUnit` exactly as {@link projectGroups}
 * makes them (same order, same sums in the same order), but kept as plain numbers
 * (no codes array or object per unit); each group, in order of its first unit, gets
 * that unit's codes, the sums of its units' `num` and `den` (n, nExcluded and sumSq
 * stay 0) and its units' `num` and `den` as two lists.
 */
export function projectDistribution(reg: CellRegistry, s: CellSums, U: string[], withUnit: string[], set: string[]): ProjectedGroup[] {
  const { groupOf, firstKey } = assignCells(reg, s, U, withUnit);
  const unitNum = new Array<number>(firstKey.length).fill(0);
  const unitDen = new Array<number>(firstKey.length).fill(0);
  const { num, den } = s;
  for (let c = 0; c < groupOf.length; c++) {
    const ui = groupOf[c];
    if (ui < 0) continue;
    unitNum[ui] += num[c];
    unitDen[ui] += den[c];
  }
  // Group key of a unit: its codes on `set`, mixed radix (as the codes decoded from its first cell).
  const setStrides = set.map((d) => reg.strides[U.indexOf(d)]);
  const setRadices = set.map((d) => Math.max(1, reg.radices[U.indexOf(d)]));
  const byKey = new Map<number, ProjectedGroup>();
  for (let u = 0; u < firstKey.length; u++) {
    const key = firstKey[u];
    let k = 0;
    let stride = 1;
    for (let j = 0; j < set.length; j++) {
      k += (Math.floor(key / setStrides[j]) % setRadices[j]) * stride;
      stride *= setRadices[j];
    }
    let g = byKey.get(k);
    if (!g) byKey.set(k, (g = { codes: reg.decode(key), num: 0, den: 0, n: 0, nExcluded: 0, sumSq: 0, units: { num: [], den: [] } }));
    g.num += unitNum[u];
    g.den += unitDen[u];
    g.units!.num.push(unitNum[u]);
    g.units!.den.push(unitDen[u]);
  }
  return [...byKey.values()];
}

/**
 * The dimensions among `candidates` (of `U`, outside `set`) whose code is the same in
 * every non-empty cell of each group of `set`: functions of the set's codes in this
 * data, as a school's dzongkhag, gewog or location. A published `[dzongkhag]` row is then
 * the sum of its schools' `[school]` rows, an equation disclosure control must see
 * though neither set's dimensions contain the other's.
 */
export function determinedDims(reg: CellRegistry, s: CellSums, U: string[], set: string[], candidates: string[]): string[] {
  if (candidates.length === 0) return [];
  const { groupOf, firstKey } = assignCells(reg, s, U, set);
  const keys = reg.keys;
  const out: string[] = [];
  for (const d of candidates) {
    const p = U.indexOf(d);
    const stride = reg.strides[p];
    const radix = Math.max(1, reg.radices[p]);
    let same = true;
    for (let c = 0; c < groupOf.length && same; c++) {
      const gi = groupOf[c];
      if (gi >= 0 && Math.floor(keys[c] / stride) % radix !== Math.floor(firstKey[gi] / stride) % radix) same = false;
    }
    if (same) out.push(d);
  }
  return out;
}

/** Builds the result rows of one indicator and grouping set. */
export interface RowMaker {
  /** A new row: indicator, level and the set's dimension labels filled in, the figures still null. */
  row(codes: number[]): ResultRow;
  /**
   * Whether the group is a headcount of unrecorded attributes only: a person attribute
   * (sex, disability...) with the code `unknown`, and every other grouped dimension a
   * place or unit (`units`: the hierarchy, the school's attributes, grade, year). Such a
   * group states no attribute of anyone; "disability yes, sex unknown" does, and so
   * does "location unknown" (a school-level code names the schools that lack it).
   */
  unknown(codes: number[]): boolean;
}

/**
 * Rows of a grouping set are copies of one template that already holds every key in
 * the published order (indicator, level, every dimension of the call, then the
 * figures): one allocation of the right size per row and no shape change afterwards
 * (adding keys one at a time reallocated each row's property store several times,
 * measured at about 0.7 kB of garbage per row). A dimension not grouped in the set
 * stays null. Positions, dictionaries and the `unknown` codes are looked up once per set.
 */
export function rowMaker(indicator: string, level: string, allDims: string[], set: string[], U: string[], space: CodeSpace, units: ReadonlySet<string> = new Set()): RowMaker {
  const keys: Record<string, unknown> = { indicator: null, level: null };
  for (const d of allDims) keys[d] = null;
  for (const k of FIGURES) keys[k] = null;
  // JSON.parse lays every key out inside the object, so the copies are one block each.
  const template = JSON.parse(JSON.stringify(keys)) as ResultRow;
  template.indicator = indicator;
  template.level = level;
  const grouped = allDims.filter((d) => set.includes(d));
  const at = grouped.map((d) => U.indexOf(d));
  const dicts = grouped.map((d) => space.dictionaries.get(d)!);
  const unknownCode = dicts.map((dict) => dict.indexOf(UNKNOWN));
  return {
    row(codes) {
      const out = { ...template };
      for (let j = 0; j < grouped.length; j++) out[grouped[j]] = dicts[j][codes[at[j]]];
      return out;
    },
    unknown(codes) {
      let any = false;
      for (let j = 0; j < at.length; j++) {
        const isUnit = units.has(grouped[j]);
        if (codes[at[j]] === unknownCode[j]) {
          if (isUnit) return false;
          any = true;
        } else if (!isUnit) return false;
      }
      return any;
    },
  };
}

/** The figures of a row, written in place (in the template's key order, so no shape change). */
export function writeFigures(
  out: Pick<ResultRow, (typeof FIGURES)[number]>,
  numerator: number | null,
  denominator: number | null,
  value: number | null,
  n: number | null,
  nExcluded: number | null,
  ciLow: number | null,
  ciHigh: number | null,
  suppressed: boolean,
  flags: Flag[],
): void {
  out.numerator = numerator;
  out.denominator = denominator;
  out.value = value;
  out.n = n;
  out.nExcluded = nExcluded;
  out.ciLow = ciLow;
  out.ciHigh = ciHigh;
  out.suppressed = suppressed;
  out.flags = flags;
}

const FIGURES = ["numerator", "denominator", "value", "n", "nExcluded", "ciLow", "ciHigh", "suppressed", "flags"] as const;
