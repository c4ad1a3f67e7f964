import type { Profile } from "../../models/profile";
import type { ResultRow } from "../../models/result";

/**
 * Row order within a level: grades in profile order, other codes alphabetically,
 * `unknown` last, so tables read the way a ministry publishes them.
 */
export function groupComparator(profile: Profile, dims: string[]): (a: ResultRow, b: ResultRow) => number {
  const byDim = dims.map((d) => valueComparator(profile, d));
  return (a, b) => {
    for (let j = 0; j < dims.length; j++) {
      const c = byDim[j](a[dims[j]] as string | null, b[dims[j]] as string | null);
      if (c !== 0) return c;
    }
    return 0;
  };
}

/**
 * The order of one dimension's codes: null (not grouped) first, then grades in profile
 * order, then other codes alphabetically, `unknown` last. Equal for equal codes only
 * (and for two grades of the same profile order).
 */
function valueComparator(profile: Profile, d: string): (a: string | null, b: string | null) => number {
  const gradeOrder = new Map(profile.grades.map((g) => [g.code, g.order]));
  // The rank (class, order, text) of a code, compared in that order without building tuples.
  const cls = (v: string | null) => (v === null ? 0 : v === "unknown" ? 2 : 1);
  const grade = (v: string | null) => v !== null && v !== "unknown" && d === "grade" && gradeOrder.has(v);
  const ord = (v: string | null) => (v === null || v === "unknown" ? 0 : grade(v) ? gradeOrder.get(v!)! : Number.MAX_SAFE_INTEGER);
  const text = (v: string | null) => (v === null || v === "unknown" || grade(v) ? "" : v);
  return (a, b) => {
    const c = cls(a) - cls(b) || ord(a) - ord(b);
    if (c) return c;
    const ta = text(a);
    const tb = text(b);
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  };
}

/** A row's group as the engine knows it: its grouping set and its global codes on the dimensions `U`. */
export interface RowGroup {
  set: number;
  codes: number[];
  U: string[];
}

/**
 * The order of the rows by `major` (indicator and grouping set, compared first), then
 * by {@link groupComparator} on their labels. The sort is stable, so ties keep their
 * input order. Rather than calling the comparator per dimension per comparison, each
 * dimension's dictionary is ranked once (codes the comparator finds equal share a
 * rank; a dimension not grouped ranks 0) and a row's ranks are folded into one number
 * from its codes; when the folded number could pass 2^53 the comparator is used on the
 * labels directly (same order).
 */
export function sortedOrder(
  profile: Profile,
  dims: string[],
  dictionaries: ReadonlyMap<string, readonly string[]>,
  sets: string[][],
  groups: RowGroup[],
  rows: ResultRow[],
  major: Float64Array,
): number[] {
  const order = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) order[i] = i;
  const key = foldedRanks(profile, dims, dictionaries, sets, groups);
  if (key) order.sort((a, b) => major[a] - major[b] || key[a] - key[b]);
  else {
    const cmp = groupComparator(profile, dims);
    order.sort((a, b) => major[a] - major[b] || cmp(rows[a], rows[b]));
  }
  return order;
}

/** Every row's ranks on `dims` as one mixed-radix number (not grouped first), or null when too many. */
function foldedRanks(profile: Profile, dims: string[], dictionaries: ReadonlyMap<string, readonly string[]>, sets: string[][], groups: RowGroup[]): Float64Array | null {
  const ranks = dims.map((d) => dictionaryRanks(profile, d, dictionaries.get(d) ?? []));
  const radix = ranks.map((r) => r.count + 1);
  if (radix.reduce((a, r) => a * r, 1) > Number.MAX_SAFE_INTEGER) return null;
  // Where each dimension sits in a row's codes (-1 when its set does not group it), per U and set.
  const positions = new Map<string[], Array<Int32Array | undefined>>();
  const key = new Float64Array(groups.length);
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    let byU = positions.get(g.U);
    if (!byU) positions.set(g.U, (byU = []));
    let at = byU[g.set];
    if (!at) at = byU[g.set] = Int32Array.from(dims, (d) => (sets[g.set].includes(d) ? g.U.indexOf(d) : -1));
    let x = 0;
    for (let j = 0; j < dims.length; j++) x = x * radix[j] + (at[j] < 0 ? 0 : ranks[j].rank[g.codes[at[j]]]);
    key[i] = x;
  }
  return key;
}

/**
 * Ranks 1.. of a dimension's codes in {@link groupComparator}'s order (grades in profile
 * order, other codes alphabetically, `unknown` last), equal codes sharing a rank. Each
 * label's class, order and text are worked out once, so the sort compares plain values.
 */
function dictionaryRanks(profile: Profile, d: string, dict: readonly string[]): { rank: Int32Array; count: number } {
  const gradeOrder = new Map(profile.grades.map((g) => [g.code, g.order]));
  const n = dict.length;
  const cls = new Int8Array(n);
  const ord = new Float64Array(n);
  const text: string[] = new Array(n);
  for (let c = 0; c < n; c++) {
    const v = dict[c];
    const grade = v !== "unknown" && d === "grade" && gradeOrder.has(v);
    cls[c] = v === "unknown" ? 2 : 1;
    ord[c] = v === "unknown" ? 0 : grade ? gradeOrder.get(v)! : Number.MAX_SAFE_INTEGER;
    text[c] = v === "unknown" || grade ? "" : v;
  }
  const cmp = (a: number, b: number) => cls[a] - cls[b] || ord[a] - ord[b] || (text[a] < text[b] ? -1 : text[a] > text[b] ? 1 : 0);
  const byOrder = Array.from({ length: n }, (_, c) => c).sort(cmp);
  const rank = new Int32Array(n);
  let count = 0;
  byOrder.forEach((c, k) => (rank[c] = k > 0 && cmp(byOrder[k - 1], c) === 0 ? count : ++count));
  return { rank, count };
}
