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
 */
export function sortedOrder(profile: Profile, dims: string[], rows: ResultRow[], major: Float64Array): number[] {
  const cmp = groupComparator(profile, dims);
  const order = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) order[i] = i;
  order.sort((a, b) => major[a] - major[b] || cmp(rows[a], rows[b]));
  return order;
}
