import type { ColumnTable } from "../../models/columns";
import { EmisDefinitionError, EmisInputError, type EmisIssue } from "../../models/errors";
import type { CountTableSpec } from "../../models/count-table";
import { RESERVED_DIMENSIONS } from "../../models/result";
import { DimBuilder, type FactTable } from "../fact-table";
import type { InputAccount } from "../create-dataset";
import { numberGetter, stringGetter } from "./column-access";

/** A published margin compared with the sum of its parts. */
export interface MarginCheck {
  table: string;
  /** The margin row's dimension codes. */
  group: Record<string, string>;
  /** The dimension summed over (the others are held equal). */
  along: string;
  measure: string;
  published: number;
  /** Sum of the part rows it covers; null when a part is missing. */
  sumOfParts: number | null;
  parts: number;
  difference: number | null;
  /** Whether published = sum of parts; `null` when no part is published (nothing to check). */
  reconciles: boolean | null;
}

/**
 * Splits an aggregate table into part rows (facts) and margin rows (reconciled, never
 * summed). A margin covers, on each dimension where it holds a margin code, the part
 * codes that margin names (or all non-margin codes), and on the others the same code.
 */
export function buildCountFacts(t: ColumnTable, spec: CountTableSpec, issues: EmisIssue[]) {
  for (const d of spec.dimensions) {
    if (RESERVED_DIMENSIONS.includes(d)) {
      throw new EmisDefinitionError(
        "reserved-dimension",
        `createDataset: count table ${spec.name} names a dimension "${d}", which is a field of every result row; rename the column (e.g. education_${d})`,
        { table: spec.name, dimension: d },
      );
    }
  }
  for (const c of [...spec.dimensions, ...spec.measures]) {
    if (!t.columns[c]) {
      throw new EmisInputError(
        "missing-column",
        `createDataset: count table ${spec.name} has no column ${c}; columns are ${Object.keys(t.columns).join(", ")}`,
      );
    }
  }
  const dimGet = spec.dimensions.map((d) => stringGetter(t, d));
  const measGet = spec.measures.map((m) => numberGetter(t, m));
  const marginOf = spec.dimensions.map((d) => {
    const m = spec.marginCodes[d];
    if (!m) return new Map<string, string[] | null>();
    if (Array.isArray(m)) return new Map(m.map((code) => [code, null] as const));
    return new Map(Object.entries(m));
  });
  const isMargin = (i: number) => dimGet.some((g, k) => marginOf[k].has(g(i) ?? ""));
  const partRows: number[] = [];
  const marginRows: number[] = [];
  for (let i = 0; i < t.length; i++) (isMargin(i) ? marginRows : partRows).push(i);

  const n = partRows.length;
  const dims = spec.dimensions.map(() => new DimBuilder(n));
  const measures: Record<string, Float64Array> = {};
  spec.measures.forEach((m) => (measures[m] = new Float64Array(n)));
  partRows.forEach((i, j) => {
    dims.forEach((b, k) => b.set(j, dimGet[k](i)));
    spec.measures.forEach((m, k) => (measures[m][j] = measGet[k](i)));
  });
  const facts: FactTable = {
    name: spec.name,
    length: n,
    dims: Object.fromEntries(spec.dimensions.map((d, k) => [d, dims[k].build()])),
    measures,
  };

  const margins = reconcileMargins(spec, marginRows, partRows, dimGet, measGet, marginOf, issues);
  const account: InputAccount = { read: t.length, kept: n + marginRows.length, duplicates: 0, orphans: 0 };
  return { facts, margins, account };
}

/**
 * Each margin is checked along each dimension on which it holds a margin code: the
 * rows equal to it on every other dimension whose code on that dimension is one of
 * the margin's parts must add up to it. Checking one dimension at a time handles
 * nested margins (a state total by management, itself a row of the national total)
 * and points at the row that breaks. Cost: dimensions × rows, via one grouping per
 * dimension.
 */
function reconcileMargins(
  spec: CountTableSpec,
  marginRows: number[],
  partRows: number[],
  dimGet: Array<(i: number) => string | null>,
  measGet: Array<(i: number) => number>,
  marginOf: Array<Map<string, string[] | null>>,
  issues: EmisIssue[],
): MarginCheck[] {
  const code = (k: number, i: number) => dimGet[k](i) ?? "unknown";
  const all = [...partRows, ...marginRows].sort((a, b) => a - b);
  const out: MarginCheck[] = [];
  spec.dimensions.forEach((dim, d) => {
    if (marginOf[d].size === 0) return;
    const others = spec.dimensions.map((_, k) => k).filter((k) => k !== d);
    const keyOf = (i: number) => others.map((k) => code(k, i)).join("\u0001");
    const groups = new Map<string, number[]>();
    for (const i of all) {
      const key = keyOf(i);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(i);
    }
    for (const i of marginRows) {
      const margin = code(d, i);
      if (!marginOf[d].has(margin)) continue;
      const named = marginOf[d].get(margin);
      const accepts = named ? (c: string) => named.includes(c) : (c: string) => !marginOf[d].has(c);
      const parts = (groups.get(keyOf(i)) ?? []).filter((p) => accepts(code(d, p)));
      const group = Object.fromEntries(spec.dimensions.map((name, k) => [name, code(k, i)]));
      spec.measures.forEach((m, mk) => {
        const published = measGet[mk](i);
        if (Number.isNaN(published)) return;
        let sum = 0;
        for (const p of parts) sum += measGet[mk](p);
        const sumOfParts = parts.length === 0 || Number.isNaN(sum) ? null : sum;
        const difference = sumOfParts === null ? null : published - sumOfParts;
        const reconciles = difference === null ? null : Math.abs(difference) <= 1e-9 * Math.max(1, Math.abs(published));
        out.push({ table: spec.name, group, along: dim, measure: m, published, sumOfParts, parts: parts.length, difference, reconciles });
        if (reconciles === false && issues.length < 100_000) {
          issues.push({
            code: "margin-mismatch",
            file: spec.name,
            row: i + 1,
            column: m,
            rule: `a margin equals the sum of its parts along ${dim}`,
            value: published,
            message: `${spec.name} row ${i + 1}: published ${m} ${published} differs from the sum of its ${parts.length} parts along ${dim} (${sumOfParts}) by ${difference}`,
          });
        }
      });
    }
  });
  return out;
}
