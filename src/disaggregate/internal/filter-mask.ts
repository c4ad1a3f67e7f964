import { EmisDefinitionError } from "../../models/errors";
import type { Filter } from "../../models/filter";
import type { FactTable } from "../../dataset/fact-table";

const GT = 0;
const GE = 1;
const LT = 2;
const LE = 3;

/**
 * Evaluates a JSON filter over a fact table into a 0/1 mask, one tight loop per leaf
 * (no closure call per row). A field is a dimension (compared as a code) or a measure
 * (compared as a number; NaN fails every comparison). `null` filter = all rows.
 */
export function filterMask(fact: FactTable, filter: Filter | undefined, indicator: string): Uint8Array {
  const n = fact.length;
  if (!filter) return new Uint8Array(n).fill(1);
  const leafDim = (field: string) => fact.dims[field];
  const fail = (field: string): never => {
    throw new EmisDefinitionError(
      "unknown-field",
      `indicator ${indicator}: filter field ${field} is not a dimension or measure of fact ${fact.name} (dimensions: ${Object.keys(fact.dims).join(", ")}; measures: ${Object.keys(fact.measures).join(", ")})`,
      { indicator, field, fact: fact.name },
    );
  };
  const codeSet = (field: string, values: Array<string | number>) => {
    const dim = leafDim(field);
    const wanted = new Set(values.map(String));
    const closed = fact.codeLists?.[field];
    const unknownCode = closed ? [...wanted].find((c) => !closed.includes(c)) : undefined;
    if (unknownCode !== undefined) {
      throw new EmisDefinitionError(
        "unknown-code",
        `indicator ${indicator}: filter value "${unknownCode}" is not a code of ${field} (${closed!.join(", ")})`,
        { indicator, field, value: unknownCode },
      );
    }
    const hit = new Uint8Array(dim.dictionary.length);
    dim.dictionary.forEach((c, k) => (hit[k] = wanted.has(c) ? 1 : 0));
    const out = new Uint8Array(n);
    const codes = dim.codes;
    for (let i = 0; i < n; i++) out[i] = hit[codes[i]];
    return out;
  };
  const numeric = (field: string, test: (v: number) => boolean) => {
    const values = fact.measures[field];
    if (!values) fail(field);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = test(values[i]) ? 1 : 0;
    return out;
  };
  // Comparisons as plain loops (no closure call per row); NaN fails every comparison.
  const compare = (field: string, x: number, op: number) => {
    const v = fact.measures[field];
    if (!v) fail(field);
    const out = new Uint8Array(n);
    if (op === GT) for (let i = 0; i < n; i++) out[i] = v[i] > x ? 1 : 0;
    else if (op === GE) for (let i = 0; i < n; i++) out[i] = v[i] >= x ? 1 : 0;
    else if (op === LT) for (let i = 0; i < n; i++) out[i] = v[i] < x ? 1 : 0;
    else for (let i = 0; i < n; i++) out[i] = v[i] <= x ? 1 : 0;
    return out;
  };
  const inSet = (field: string, values: Array<string | number>) => {
    if (leafDim(field)) return codeSet(field, values);
    const nums = new Set(values.map(Number));
    return numeric(field, (v) => nums.has(v));
  };
  const walk = (f: Filter): Uint8Array => {
    if ("eq" in f) return inSet(f.eq[0], [f.eq[1]]);
    if ("ne" in f) return invert(inSet(f.ne[0], [f.ne[1]]));
    if ("in" in f) return inSet(f.in[0], f.in[1]);
    if ("gt" in f) return compare(f.gt[0], f.gt[1], GT);
    if ("ge" in f) return compare(f.ge[0], f.ge[1], GE);
    if ("lt" in f) return compare(f.lt[0], f.lt[1], LT);
    if ("le" in f) return compare(f.le[0], f.le[1], LE);
    if ("and" in f) {
      const out = new Uint8Array(n).fill(1);
      for (const g of f.and) {
        const m = walk(g);
        for (let i = 0; i < n; i++) out[i] &= m[i];
      }
      return out;
    }
    if ("or" in f) {
      const out = new Uint8Array(n);
      for (const g of f.or) {
        const m = walk(g);
        for (let i = 0; i < n; i++) out[i] |= m[i];
      }
      return out;
    }
    if ("not" in f) return invert(walk(f.not));
    throw new EmisDefinitionError("invalid-filter", `indicator ${indicator}: unrecognised filter ${JSON.stringify(f)}`);
  };
  const invert = (m: Uint8Array) => {
    for (let i = 0; i < n; i++) m[i] ^= 1;
    return m;
  };
  // Fields used in eq/in on dimensions must exist; check measures lazily in numeric().
  const check = (f: Filter): void => {
    for (const [k, v] of Object.entries(f)) {
      if (k === "and" || k === "or") (v as Filter[]).forEach(check);
      else if (k === "not") check(v as Filter);
      else {
        const field = (v as [string, unknown])[0];
        if (!fact.dims[field] && !fact.measures[field]) fail(field);
      }
    }
  };
  check(filter);
  return walk(filter);
}
