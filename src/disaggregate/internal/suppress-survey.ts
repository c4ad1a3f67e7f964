import type { ResultRow } from "../../models/result";
import { modOf, type SecondUnknowns } from "./linear-audit";
import type { RowMeta } from "./suppress";

/**
 * Disclosure control of survey-design rows (see `design.ts`): what a weighted total and
 * a design-based interval add to the equations of `suppress`.
 *
 * Weighted totals. A design-weighted row publishes its weighted numerator and
 * denominator beside the unweighted `n`. Weighted totals add up over nested and
 * cross-cutting sets exactly as counts do, and a cell whose rows all carry one weight w
 * (a school; any group of one stratum when weights are N_h/n_h) has weighted = w ·
 * unweighted. With unequal weights the two sums are independent equations: national
 * 49 pupils and 177 weighted, schools of weight 5 and 3 hidden, give
 * 5·a + 3·(rest) = 177 − published and a + rest = 49 − published, so a. Each cell of a
 * family with design-weighted rows therefore gets a second unknown (its weighted total)
 * with a copy of the family's equations and the tie, and the audit gives a hidden cell
 * that either unknown pins a partner.
 */
export interface SurveyAudit {
  /** Second unknowns for `pinnedCells`; undefined when they add nothing (one weight throughout). */
  second: SecondUnknowns | undefined;
  /** The one design weight of each cell's rows; NaN when several or unknown, 0 with none. */
  weightOf: Float64Array;
}

/**
 * The weighted unknowns of the cells of design-weighted families (cells numbered by
 * `suppress`; `cellCount` includes its unpublished and part cells).
 */
export function surveyAudit(metas: RowMeta[], cellOfRow: Int32Array, cellFamily: number[], cellCount: number, atomTies: ReadonlyArray<readonly [number, number]> = []): SurveyAudit {
  const weightOf = new Float64Array(cellCount).fill(Number.NaN);
  const designed = new Set<number>();
  const seen = new Uint8Array(cellCount);
  const weights = new Set<number>();
  for (let i = 0; i < metas.length; i++) {
    const s = metas[i].survey;
    if (!s) continue;
    const c = cellOfRow[i];
    designed.add(cellFamily[c]);
    // a row over no records (an empty national total) says nothing of weights
    if (s.weight === 0) continue;
    weights.add(s.weight);
    // every row of the cell (each indicator of the family) must carry the same weight
    if (!seen[c]) weightOf[c] = s.weight;
    else if (weightOf[c] !== s.weight) weightOf[c] = Number.NaN;
    seen[c] = 1;
  }
  // One weight w for every row: weighted = w · unweighted everywhere, nothing new.
  if (weights.size <= 1 && !weights.has(Number.NaN)) return { second: undefined, weightOf };
  const ties: Array<readonly [number, number]> = [];
  for (let c = 0; c < cellCount; c++) if (seen[c] && weightOf[c] > 0) ties.push([c, modOf(weightOf[c])]);
  // intersections of places of one weight (suppress-equations.ts, PlaceAtoms)
  for (const [c, w] of atomTies) if (designed.has(cellFamily[c])) ties.push([c, modOf(w)]);
  return { second: { offset: cellCount, copied: (c) => designed.has(cellFamily[c]), ties }, weightOf };
}

/**
 * Design-based intervals: the SE of a group is a quadratic in the PSU totals of its rows
 * (Woodruff linearisation), so beside the linear equations it narrows the hidden cells
 * whose rows it reads (with equal weights a national interval left two candidates for
 * two hidden schools, and another equation told them apart), and also cells it does not
 * read: a published region of one urban and one rural school, in one stratum, gives
 * |urban − rural| from its SE; with the urban total published, that pinned the urban
 * part and, by difference, a hidden region of 3 pupils (a hostile trial). Any PSU total
 * a published equation shares with a hidden cell can carry that, so the interval of every
 * published design-weighted row of a family with a hidden cell is withheld (`ciLow`/
 * `ciHigh` null, flag `interval-withheld`). A group within one PSU is exempt: its SE reads
 * only that PSU's totals, which are its own published numerator and denominator.
 */
export function withholdIntervals(rows: ResultRow[], metas: RowMeta[], hiddenRow: (i: number) => boolean, cellOfRow: Int32Array, cellFamily: number[], hiddenCells: number[]): void {
  const families = new Set(hiddenCells.map((c) => cellFamily[c]));
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const r = rows[i];
    if (!m.survey || m.survey.psus <= 1 || hiddenRow(i) || (r.ciLow === null && r.ciHigh === null)) continue;
    if (!families.has(cellFamily[cellOfRow[i]])) continue;
    r.ciLow = null;
    r.ciHigh = null;
    if (!r.flags.includes("interval-withheld")) r.flags.push("interval-withheld");
  }
}
