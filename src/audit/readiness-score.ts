import type { ReadinessCell } from "./readiness-matrix";

/**
 * Overall readiness score, 0-100: the mean over the matrix cells of ready = 1,
 * partial = 0.5, not-possible = 0, times 100. `null` for an empty matrix.
 * @example readinessScore([{ status: "ready" }, { status: "partial" }, { status: "not-possible" }] as ReadinessCell[]) // 50
 */
export function readinessScore(cells: ReadonlyArray<Pick<ReadinessCell, "status">>): number | null {
  if (cells.length === 0) return null;
  let s = 0;
  for (const c of cells) s += c.status === "ready" ? 1 : c.status === "partial" ? 0.5 : 0;
  return (100 * s) / cells.length;
}
