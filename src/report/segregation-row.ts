import { dissimilarityIndex } from "../equity/dissimilarity-index";
import { mutualInformationIndex } from "../equity/mutual-information-index";
import { theilH } from "../equity/theil-h";
import { segregationDecomposition } from "../equity/segregation-decomposition";
import type { Flag } from "../models/flags";
import type { ResultTable } from "../models/result";
import type { SegregationRow, SegregationSpec } from "./types";

/**
 * Segregation indices from unit × group counts of a suppressed result table:
 * dissimilarity D for a pair of groups (METHODS 4), mutual information M (nats) and
 * Theil's H over all known groups, and the between-`within` share of M (M decomposes
 * exactly: M = M_between + Σ p_w M_w). Withheld (suppressed) cells and the `unknown`
 * group are left out and counted, never read as 0: a unit with a withheld cell is
 * left out whole (`unitsLeftOut`); a group absent from a unit is a true 0.
 */
export function segregationRow(spec: SegregationSpec, rows: ResultTable): SegregationRow {
  const flags: Flag[] = [];
  const withheld = rows.filter((r) => r.suppressed || r.value === null).length;
  if (withheld > 0) flags.push("suppressed");
  // A unit with any withheld cell is left out whole: reading the hidden cell as 0
  // would distort its group mix.
  const hiddenUnits = new Set(rows.filter((r) => r.suppressed || r.value === null).map((r) => String(r[spec.unit])));
  const cells = rows
    .filter((r) => !hiddenUnits.has(String(r[spec.unit])) && r[spec.dimension] !== "unknown")
    .map((r) => ({ unit: String(r[spec.unit]), group: String(r[spec.dimension]), within: spec.within ? String(r[spec.within]) : "", count: r.value as number }));
  const units = new Set(cells.map((c) => c.unit));
  let dissimilarity: number | null = null;
  if (spec.pair) {
    const [a, b] = spec.pair;
    const list = [...units];
    const countOf = (u: string, g: string) => cells.find((c) => c.unit === u && c.group === g)?.count ?? 0;
    dissimilarity = list.length ? dissimilarityIndex(list.map((u) => countOf(u, a)), list.map((u) => countOf(u, b))) : null;
  }
  const cols = { unit: "unit", group: "group", count: "count" } as const;
  const M = cells.length ? mutualInformationIndex(cells, cols) : null;
  const H = cells.length ? theilH(cells, cols) : null;
  let betweenShare: number | null = null;
  if (spec.within && cells.length) {
    const d = segregationDecomposition(cells, { ...cols, within: "within" });
    betweenShare = d.M && d.M.total > 0 ? d.M.between / d.M.total : null;
  }
  return {
    dimension: spec.dimension,
    unit: spec.unit,
    within: spec.within ?? null,
    units: units.size,
    unitsLeftOut: hiddenUnits.size,
    cellsWithheld: withheld,
    pair: spec.pair ?? null,
    dissimilarity,
    M,
    H,
    betweenShare,
    flags,
  };
}
