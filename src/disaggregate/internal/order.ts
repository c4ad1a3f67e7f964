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

/**
 * The order of `rows` by `major` (indicator and grouping set, compared first), then by
 * {@link groupComparator}. The sort is stable, so ties keep their input order.
 * Each dimension's labels are ranked once (equal ranks for codes the comparator finds
 * equal) and a row's ranks folded into one number, so the sort compares two numbers
 * instead of calling the comparator per dimension; when the ranks cannot be folded
 * exactly (beyond 2^53 combinations) the comparator is used directly, same order.
 */
export function sortedOrder(profile: Profile, dims: string[], rows: ResultRow[], major: Float64Array): number[] {
  const order = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) order[i] = i;
  const key = foldedRanks(profile, dims, rows);
  if (key) order.sort((a, b) => major[a] - major[b] || key[a] - key[b]);
  else {
    const cmp = groupComparator(profile, dims);
    order.sort((a, b) => major[a] - major[b] || cmp(rows[a], rows[b]));
  }
  return order;
}

/** Every row's ranks on `dims` as one mixed-radix number (null first), or null when too many. */
function foldedRanks(profile: Profile, dims: string[], rows: ResultRow[]): Float64Array | null {
  const ranks: Array<Map<string, number>> = [];
  const radix: number[] = [];
  let product = 1;
  for (const d of dims) {
    const seen = new Set<string>();
    for (const r of rows) {
      const v = r[d];
      if (typeof v === "string") seen.add(v);
    }
    const cmp = valueComparator(profile, d);
    const sorted = [...seen].sort(cmp);
    const rank = new Map<string, number>();
    let k = 0;
    sorted.forEach((v, i) => rank.set(v, i > 0 && cmp(sorted[i - 1], v) === 0 ? k : ++k));
    ranks.push(rank);
    radix.push(k + 1);
    product *= k + 1;
  }
  if (product > Number.MAX_SAFE_INTEGER) return null;
  const key = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let x = 0;
    for (let j = 0; j < dims.length; j++) {
      const v = r[dims[j]];
      x = x * radix[j] + (typeof v === "string" ? ranks[j].get(v)! : 0);
    }
    key[i] = x;
  }
  return key;
}
