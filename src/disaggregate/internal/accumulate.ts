import type { FactTable } from "../../dataset/fact-table";
import type { FactMeasure } from "../../models/indicator";
import { EmisDefinitionError } from "../../models/errors";

/** Additive sums per cell: everything a group's value, interval and flags need. */
export interface CellSums {
  num: Float64Array;
  den: Float64Array;
  /** Records counted in the denominator (or numerator, for counts). */
  n: Float64Array;
  nExcluded: Float64Array;
  /** Sum of squared numerator measure (means' standard errors). */
  sumSq: Float64Array;
}

export function newSums(cells: number): CellSums {
  return {
    num: new Float64Array(cells),
    den: new Float64Array(cells),
    n: new Float64Array(cells),
    nExcluded: new Float64Array(cells),
    sumSq: new Float64Array(cells),
  };
}

export function measureOf(fact: FactTable, spec: FactMeasure, indicator: string): Float64Array {
  const m = fact.measures[spec.measure];
  if (!m) {
    throw new EmisDefinitionError(
      "unknown-measure",
      `indicator ${indicator}: fact ${fact.name} has no measure ${spec.measure} (measures: ${Object.keys(fact.measures).join(", ")})`,
      { indicator, fact: fact.name, measure: spec.measure },
    );
  }
  return m;
}

/**
 * Numerator and denominator from the same fact. A row in the denominator whose
 * numerator or denominator measure is unknown (NaN) leaves both and is counted in
 * `nExcluded` (DESIGN.md: unknown outcomes are reported, never read as 0).
 */
export function accumulateJoint(
  cells: Int32Array,
  numMask: Uint8Array,
  denMask: Uint8Array,
  numM: Float64Array,
  denM: Float64Array,
  s: CellSums,
): void {
  const { num, den, n, nExcluded, sumSq } = s;
  for (let i = 0; i < cells.length; i++) {
    if (!denMask[i]) continue;
    const c = cells[i];
    const d = denM[i];
    const x = numM[i];
    if (d !== d || x !== x) {
      nExcluded[c]++;
      continue;
    }
    den[c] += d;
    n[c]++;
    if (numMask[i]) {
      num[c] += x;
      sumSq[c] += x * x;
    }
  }
}

/** One side (numerator or denominator) from its own fact; unknown values are excluded and counted. */
export function accumulateSide(
  cells: Int32Array,
  mask: Uint8Array,
  m: Float64Array,
  target: Float64Array,
  s: CellSums,
  countRecords: boolean,
): void {
  const { n, nExcluded, sumSq } = s;
  const squares = target === s.num;
  for (let i = 0; i < cells.length; i++) {
    if (!mask[i]) continue;
    const c = cells[i];
    const v = m[i];
    if (v !== v) {
      nExcluded[c]++;
      continue;
    }
    target[c] += v;
    if (squares) sumSq[c] += v * v;
    if (countRecords) n[c]++;
  }
}
