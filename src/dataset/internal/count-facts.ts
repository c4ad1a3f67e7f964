import type { ColumnTable } from "../../models/columns";
import { EmisInputError, type EmisIssue } from "../../models/errors";
import type { CountTableSpec } from "../../models/count-table";
import { DimBuilder, type FactTable } from "../fact-table";
import type { InputAccount } from "../create-dataset";
import { numberGetter, stringGetter } from "./column-access";

/** A published margin compared with the sum of its parts. */
export interface MarginCheck {
  table: string;
  /** The margin row's dimension codes. */
  group: Record<string, string>;
  measure: string;
  published: number;
  /** Sum of the part rows it covers; null when a part is missing. */
  sumOfParts: number | null;
  parts: number;
  difference: number | null;
  reconciles: boolean;
}

/**
 * Splits an aggregate table into part rows (facts) and margin rows (reconciled, never
 * summed). A margin covers, on each dimension where it holds a margin code, the part
 * codes that margin names (or all non-margin codes), and on the others the same code.
 */
export function buildCountFacts(t: ColumnTable, spec: CountTableSpec, issues: EmisIssue[]) {
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

  const margins: MarginCheck[] = [];
  for (const i of marginRows) {
    const codes = dimGet.map((g) => g(i) ?? "unknown");
    const accept = codes.map((code, k) => {
      if (!marginOf[k].has(code)) return (c: string) => c === code;
      const parts = marginOf[k].get(code);
      if (parts) {
        const set = new Set(parts);
        return (c: string) => set.has(c);
      }
      return (c: string) => !marginOf[k].has(c);
    });
    const group = Object.fromEntries(spec.dimensions.map((d, k) => [d, codes[k]]));
    spec.measures.forEach((m, mk) => {
      const published = measGet[mk](i);
      if (Number.isNaN(published)) return;
      let sum = 0;
      let count = 0;
      for (const p of partRows) {
        let ok = true;
        for (let k = 0; k < codes.length && ok; k++) ok = accept[k](dimGet[k](p) ?? "unknown");
        if (!ok) continue;
        sum += measGet[mk](p);
        count++;
      }
      const sumOfParts = count === 0 || Number.isNaN(sum) ? null : sum;
      const difference = sumOfParts === null ? null : published - sumOfParts;
      const reconciles = difference !== null && Math.abs(difference) <= 1e-9 * Math.max(1, Math.abs(published));
      margins.push({ table: spec.name, group, measure: m, published, sumOfParts, parts: count, difference, reconciles });
      if (!reconciles && sumOfParts !== null) {
        issues.push({
          code: "margin-mismatch",
          file: spec.name,
          row: i + 1,
          column: m,
          rule: "a margin equals the sum of its parts",
          value: published,
          message: `${spec.name} row ${i + 1}: published ${m} ${published} differs from the sum of its ${count} parts (${sumOfParts}) by ${difference}`,
        });
      }
    });
  }
  const account: InputAccount = { read: t.length, kept: n + marginRows.length, duplicates: 0, orphans: 0 };
  return { facts, margins, account };
}
