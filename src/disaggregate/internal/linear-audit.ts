/**
 * Exact-disclosure audit: which hidden cells the published equations pin down.
 *
 * Each equation parent = sum of children is a row over the unknown cells (hidden cells
 * and unpublished common totals; published cells are constants). A hidden cell is
 * determined when its unit vector lies in the rows' span, whatever the published values:
 * then an intruder gets it by adding and subtracting published figures, however many
 * equations that takes (a hidden school = total − a dzongkhag − a location, when the
 * school is the only one in neither). Rows are kept in reduced row echelon form, where
 * that test is: the cell is a pivot and its row has no other entry.
 *
 * Arithmetic is modulo the prime 2^26 − 5, so products stay exact in doubles; the
 * coefficients of sums of counts are small integers, so a combination that vanishes
 * modulo the prime but not over the rationals would need a coefficient that is a
 * multiple of it.
 */
const P = 67108859;

function mulMod(a: number, b: number): number {
  return (a * b) % P;
}

function inverse(a: number): number {
  // Fermat: a^(P-2)
  let result = 1;
  let base = a % P;
  let e = P - 2;
  while (e > 0) {
    if (e & 1) result = mulMod(result, base);
    base = mulMod(base, base);
    e = Math.floor(e / 2);
  }
  return result;
}

/** Sparse rows over unknowns (integer ids), in reduced row echelon form modulo {@link P}. */
export class Echelon {
  /** Pivot unknown → its row (coefficient 1 at the pivot). */
  private readonly rows = new Map<number, Map<number, number>>();
  /** Non-pivot unknown → the pivots whose rows hold it. */
  private readonly holders = new Map<number, Set<number>>();

  /** Adds a row (coefficients modulo P, no zeros); reduces it and keeps the form. */
  add(row: Map<number, number>): void {
    for (const c of [...row.keys()]) {
      const pivotRow = this.rows.get(c);
      const f = row.get(c);
      if (pivotRow === undefined || f === undefined) continue;
      for (const [c2, v2] of pivotRow) {
        const next = ((row.get(c2) ?? 0) - mulMod(f, v2) + P) % P;
        if (next === 0) row.delete(c2);
        else row.set(c2, next);
      }
    }
    if (row.size === 0) return;
    // the unknown held by the fewest rows, to limit fill-in
    let pivot = -1;
    let fewest = Number.POSITIVE_INFINITY;
    for (const c of row.keys()) {
      const n = this.holders.get(c)?.size ?? 0;
      if (n < fewest || (n === fewest && c > pivot)) {
        fewest = n;
        pivot = c;
      }
    }
    const inv = inverse(row.get(pivot)!);
    for (const [c, v] of row) row.set(c, mulMod(v, inv));
    // clear the new pivot from the other rows
    const holding = this.holders.get(pivot);
    if (holding) {
      for (const q of holding) {
        const other = this.rows.get(q)!;
        const f = other.get(pivot)!;
        for (const [c, v] of row) {
          const next = ((other.get(c) ?? 0) - mulMod(f, v) + P) % P;
          if (next === 0) {
            other.delete(c);
            if (c !== pivot) this.holders.get(c)?.delete(q);
          } else {
            if (!other.has(c) && c !== q) this.holdersOf(c).add(q);
            other.set(c, next);
          }
        }
      }
      this.holders.delete(pivot);
    }
    this.rows.set(pivot, row);
    for (const c of row.keys()) if (c !== pivot) this.holdersOf(c).add(pivot);
  }

  /** Whether the rows fix the unknown `c` (its unit vector is in their span). */
  determined(c: number): boolean {
    return this.rows.get(c)?.size === 1;
  }

  private holdersOf(c: number): Set<number> {
    let s = this.holders.get(c);
    if (!s) this.holders.set(c, (s = new Set()));
    return s;
  }
}

/**
 * The hidden cells that the equations `parent = sum of children` pin down, given which
 * cells are unknown. `unknown(c)` is true for hidden and unpublished cells; `check(c)`
 * for the cells whose disclosure matters (hidden cells of published rows).
 */
export function pinnedCells(
  relations: ReadonlyArray<{ parent: number; children: number[] }>,
  unknown: (c: number) => boolean,
  check: (c: number) => boolean,
): number[] {
  const ech = new Echelon();
  const seen = new Set<number>();
  for (const { parent, children } of relations) {
    const row = new Map<number, number>();
    if (unknown(parent)) row.set(parent, 1);
    for (const c of children) if (unknown(c)) row.set(c, (row.get(c) ?? 0) + P - 1);
    if (row.size === 0) continue;
    for (const c of row.keys()) seen.add(c);
    ech.add(row);
  }
  const out: number[] = [];
  for (const c of seen) if (check(c) && ech.determined(c)) out.push(c);
  return out.sort((a, b) => a - b);
}
