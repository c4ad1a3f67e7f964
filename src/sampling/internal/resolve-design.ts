import { EmisInputError } from "../../models/errors";
import type { SurveyDesign } from "../survey-design";
import { isMissing, readColumn, toLabel, toNumber } from "./accessor";

/** A design read into integer indices and typed arrays, ready for estimation. */
export interface ResolvedDesign {
  /** Number of rows. */
  rows: number;
  /** Design weight per row. */
  weights: Float64Array;
  /** Stratum index per row. */
  stratumOf: Uint32Array;
  /** Stratum labels, in order of first appearance. */
  strataIds: string[];
  /** PSU index per row (0..psuCount-1, unique across strata). */
  psuOf: Uint32Array;
  /** Stratum index per PSU. */
  psuStratum: Uint32Array;
  /** Number of sampled PSUs. */
  psuCount: number;
  /** Sampled PSUs per stratum (n_h). */
  sampledPsu: Uint32Array;
  /** First-stage sampling fraction per stratum (0 when no fpc is given). */
  fraction: Float64Array;
}

/**
 * Read strata, PSUs, fpc and weights. Rules (see {@link SurveyDesign}): labels must be
 * present; fpc constant within a stratum, all counts (≥ 1, at least one > 1) or all
 * fractions (≤ 1); a count below the number of sampled PSUs is an error; weights are
 * positive and finite, or derived from fpc.
 */
export function resolveDesign<T>(rows: readonly T[], design: SurveyDesign<T>, fn: string): ResolvedDesign {
  if (design === null || typeof design !== "object") {
    throw new EmisInputError("missing-design", `${fn} requires options.design ({ strata, psu, fpc, weight })`, {});
  }
  const n = rows.length;
  const stratumOf = new Uint32Array(n);
  const strataIds: string[] = [];
  const strataIndex = new Map<string, number>();
  const strataRaw = design.strata === undefined ? null : readColumn(rows, design.strata, fn, "design.strata");
  for (let i = 0; i < n; i++) {
    const key = strataRaw === null ? "" : toLabel(strataRaw[i], fn, "design.strata", i);
    let s = strataIndex.get(key);
    if (s === undefined) {
      s = strataIds.length;
      strataIndex.set(key, s);
      strataIds.push(key);
    }
    stratumOf[i] = s;
  }

  const psuOf = new Uint32Array(n);
  const psuIndex = new Map<string, number>();
  const psuStratumList: number[] = [];
  const psuRaw = design.psu === undefined ? null : readColumn(rows, design.psu, fn, "design.psu");
  for (let i = 0; i < n; i++) {
    if (psuRaw === null) {
      psuOf[i] = i;
      psuStratumList.push(stratumOf[i]);
      continue;
    }
    const key = `${stratumOf[i]}\u0000${toLabel(psuRaw[i], fn, "design.psu", i)}`;
    let p = psuIndex.get(key);
    if (p === undefined) {
      p = psuStratumList.length;
      psuIndex.set(key, p);
      psuStratumList.push(stratumOf[i]);
    }
    psuOf[i] = p;
  }
  const psuStratum = Uint32Array.from(psuStratumList);
  const H = strataIds.length;
  const sampledPsu = new Uint32Array(H);
  for (let p = 0; p < psuStratum.length; p++) sampledPsu[psuStratum[p]]++;

  // fpc: one value per stratum, all counts or all fractions (R survey's rule).
  const fraction = new Float64Array(H);
  const populationPsu = new Float64Array(H).fill(Number.NaN);
  let fpcForm: "count" | "fraction" | null = null;
  if (design.fpc !== undefined) {
    const raw = readColumn(rows, design.fpc, fn, "design.fpc");
    const perStratum = new Float64Array(H).fill(Number.NaN);
    let anyAboveOne = false;
    for (let i = 0; i < n; i++) {
      const v = toNumber(raw[i], fn, "design.fpc", i);
      if (Number.isNaN(v) || !(v > 0)) {
        throw new EmisInputError(
          "invalid-fpc",
          `${fn} requires design.fpc to be a positive PSU count or a sampling fraction on every row; row ${i} holds ${JSON.stringify(raw[i])}`,
          { row: i, value: raw[i] },
        );
      }
      const s = stratumOf[i];
      if (Number.isNaN(perStratum[s])) perStratum[s] = v;
      else if (perStratum[s] !== v) {
        throw new EmisInputError(
          "fpc-varies-within-stratum",
          `${fn} requires design.fpc to be constant within a stratum; stratum ${JSON.stringify(strataIds[s])} has ${perStratum[s]} and ${v}`,
          { stratum: strataIds[s], values: [perStratum[s], v] },
        );
      }
      if (v > 1) anyAboveOne = true;
    }
    fpcForm = anyAboveOne ? "count" : "fraction";
    for (let s = 0; s < H; s++) {
      const v = perStratum[s];
      if (fpcForm === "count") {
        if (v < 1) {
          throw new EmisInputError(
            "mixed-fpc-forms",
            `${fn} requires design.fpc to be all PSU counts (≥ 1) or all sampling fractions (≤ 1); stratum ${JSON.stringify(strataIds[s])} holds ${v} beside counts`,
            { stratum: strataIds[s], value: v },
          );
        }
        if (v < sampledPsu[s]) {
          throw new EmisInputError(
            "fpc-below-sample",
            `${fn}: stratum ${JSON.stringify(strataIds[s])} has ${sampledPsu[s]} sampled PSUs but design.fpc says the population has ${v}; fpc must count population PSUs`,
            { stratum: strataIds[s], sampled: sampledPsu[s], fpc: v },
          );
        }
        populationPsu[s] = v;
        fraction[s] = v === Infinity ? 0 : sampledPsu[s] / v;
      } else {
        fraction[s] = v;
        populationPsu[s] = sampledPsu[s] / v;
      }
    }
  }

  const weights = new Float64Array(n);
  if (design.weight !== undefined) {
    const raw = readColumn(rows, design.weight, fn, "design.weight");
    for (let i = 0; i < n; i++) {
      const w = isMissing(raw[i]) ? Number.NaN : toNumber(raw[i], fn, "design.weight", i);
      if (!(w > 0) || !Number.isFinite(w)) {
        throw new EmisInputError(
          "invalid-weight",
          `${fn} requires design.weight to be positive and finite on every row; row ${i} holds ${JSON.stringify(raw[i])}`,
          { row: i, value: raw[i] },
        );
      }
      weights[i] = w;
    }
  } else if (fpcForm !== null && populationPsu.every((v) => Number.isFinite(v))) {
    for (let i = 0; i < n; i++) weights[i] = populationPsu[stratumOf[i]] / sampledPsu[stratumOf[i]];
  } else {
    throw new EmisInputError(
      "missing-weight",
      `${fn} requires design.weight, or a finite design.fpc from which weights N_h/n_h are derived`,
      {},
    );
  }

  return { rows: n, weights, stratumOf, strataIds, psuOf, psuStratum, psuCount: psuStratum.length, sampledPsu, fraction };
}
