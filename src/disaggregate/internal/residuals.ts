import type { RowMeta } from "./suppress";

/**
 * Counts a cell publishes by difference, though no row states them. Repetition 10/40
 * and promotion 28/40 give 2 dropouts; so do repetition 10/40 beside a count of 28
 * promoted pupils; and a count of 38 girls beside a rate over the same 40 pupils gives
 * 2 who are not girls. For each cell and fact, each proportion denominator (a whole:
 * its value, whatever its filter or measure, since equal values are all an intruder
 * needs) is compared with its parts: the numerators of the proportions over that same
 * value and the counts of the fact under it. When there are two parts or more, or a
 * count among them, the whole minus the parts, and the whole minus each count, are
 * counts too. Where parts overlap (girls, and pupils with a disability) a difference
 * counts nobody and may hide a cell for nothing: the safe side.
 */
export class Residuals {
  private readonly byCell = new Map<string, { cell: number; wholes: Map<number, number[]>; counts: number[] }>();

  add(cell: number, m: RowMeta): void {
    const def = m.def;
    const den = def.denominator;
    const proportion = def.statistic === "proportion" && den !== undefined && den.fact === def.numerator.fact;
    const count = def.statistic === "count" && den === undefined;
    if (!proportion && !count) return;
    const key = `${cell}\u0000${def.numerator.fact}`;
    let e = this.byCell.get(key);
    if (!e) this.byCell.set(key, (e = { cell, wholes: new Map(), counts: [] }));
    if (count) e.counts.push(m.x);
    else {
      const parts = e.wholes.get(m.n);
      if (parts) parts.push(m.x);
      else e.wholes.set(m.n, [m.x]);
    }
  }

  /** Calls `f` with every count left over (at least 0) and its cell. */
  each(f: (cell: number, left: number) => void): void {
    for (const { cell, wholes, counts } of this.byCell.values()) {
      for (const [whole, numerators] of wholes) {
        const under = counts.filter((x) => x < whole);
        if (numerators.length + under.length < 2 && under.length === 0) continue;
        let left = whole;
        for (const x of numerators) left -= x;
        for (const x of under) {
          left -= x;
          f(cell, whole - x);
        }
        if (left >= 0) f(cell, left);
      }
    }
  }
}
