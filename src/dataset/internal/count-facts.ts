import type { ColumnTable } from "../../models/columns";
import { EmisDefinitionError, EmisInputError, type EmisIssue } from "../../models/errors";
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
/** Fields of every result row: a dimension may not take one of these names. */
export const RESERVED_DIMENSIONS = ["indicator", "level", "numerator", "denominator", "value", "n", "nExcluded", "ciLow", "ciHigh", "suppressed", "flags"];

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
 * Margin rows grouped by pattern (which dimensions hold which margin code): for each
 * pattern the parts it covers are summed in one pass keyed on the other dimensions,
 * so the cost is patterns × parts, not margins × parts.
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
  const accepts = (k: number, margin: string, c: string) => {
    const parts = marginOf[k].get(margin);
    return parts ? parts.includes(c) : !marginOf[k].has(c);
  };
  const patterns = new Map<string, number[]>();
  for (const i of marginRows) {
    const pat = spec.dimensions.map((_, k) => (marginOf[k].has(code(k, i)) ? code(k, i) : "\u0000")).join("\u0001");
    if (!patterns.has(pat)) patterns.set(pat, []);
    patterns.get(pat)!.push(i);
  }
  const out: MarginCheck[] = [];
  for (const [pat, rows] of patterns) {
    const marginCode = pat.split("\u0001").map((c) => (c === "\u0000" ? null : c));
    const free = spec.dimensions.map((_, k) => k).filter((k) => marginCode[k] === null);
    const sums = new Map<string, { sums: number[]; count: number }>();
    for (const p of partRows) {
      let ok = true;
      for (let k = 0; k < marginCode.length && ok; k++) if (marginCode[k] !== null) ok = accepts(k, marginCode[k]!, code(k, p));
      if (!ok) continue;
      const key = free.map((k) => code(k, p)).join("\u0001");
      let acc = sums.get(key);
      if (!acc) sums.set(key, (acc = { sums: spec.measures.map(() => 0), count: 0 }));
      spec.measures.forEach((_, mk) => (acc!.sums[mk] += measGet[mk](p)));
      acc.count++;
    }
    for (const i of rows) {
      const acc = sums.get(free.map((k) => code(k, i)).join("\u0001"));
      const group = Object.fromEntries(spec.dimensions.map((d, k) => [d, code(k, i)]));
      spec.measures.forEach((m, mk) => {
        const published = measGet[mk](i);
        if (Number.isNaN(published)) return;
        const raw = acc ? acc.sums[mk] : Number.NaN;
        const sumOfParts = !acc || Number.isNaN(raw) ? null : raw;
        const difference = sumOfParts === null ? null : published - sumOfParts;
        const reconciles = difference !== null && Math.abs(difference) <= 1e-9 * Math.max(1, Math.abs(published));
        out.push({ table: spec.name, group, measure: m, published, sumOfParts, parts: acc?.count ?? 0, difference, reconciles });
        if (!reconciles && sumOfParts !== null && issues.length < 100_000) {
          issues.push({
            code: "margin-mismatch",
            file: spec.name,
            row: i + 1,
            column: m,
            rule: "a margin equals the sum of its parts",
            value: published,
            message: `${spec.name} row ${i + 1}: published ${m} ${published} differs from the sum of its ${acc!.count} parts (${sumOfParts}) by ${difference}`,
          });
        }
      });
    }
  }
  return out;
}
