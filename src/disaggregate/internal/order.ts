import type { Profile } from "../../models/profile";
import type { ResultRow } from "../../models/result";

/**
 * Row order within a level: grades in profile order, other codes alphabetically,
 * `unknown` last, so tables read the way a ministry publishes them.
 */
export function groupComparator(profile: Profile, dims: string[]): (a: ResultRow, b: ResultRow) => number {
  const gradeOrder = new Map(profile.grades.map((g) => [g.code, g.order]));
  const rank = (d: string, v: string | null): [number, number, string] => {
    if (v === null) return [0, 0, ""];
    if (v === "unknown") return [2, 0, ""];
    if (d === "grade" && gradeOrder.has(v)) return [1, gradeOrder.get(v)!, ""];
    return [1, Number.MAX_SAFE_INTEGER, v];
  };
  return (a, b) => {
    for (const d of dims) {
      const ra = rank(d, a[d] as string | null);
      const rb = rank(d, b[d] as string | null);
      const c = ra[0] - rb[0] || ra[1] - rb[1] || (ra[2] < rb[2] ? -1 : ra[2] > rb[2] ? 1 : 0);
      if (c !== 0) return c;
    }
    return 0;
  };
}
