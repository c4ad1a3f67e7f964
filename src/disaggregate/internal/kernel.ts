import type { CellSums } from "./accumulate";
import { compileCached } from "./compile-cached";
import type { InlineFilter } from "./inline-filter";

/**
 * How a kernel finds a row's cell in one registry: either the mixed-radix key itself
 * (`columns[k]` are the fact's code columns and `tables[k]` map a local code to
 * global code × stride), or a precomputed cell array.
 */
export type KernelSlot = { index: number; columns: Uint32Array[]; tables: Int32Array[] } | { index: number; cells: Int32Array };

/**
 * Which rows a task reads: every row (`null`), a precomputed 0/1 mask, or a filter the
 * kernel evaluates per row (once per row however many tasks share it).
 */
export type KernelMask = Uint8Array | InlineFilter | null;

/** One side of a ratio (or a count) summed on its own; unknown (NaN) values are excluded and counted. */
export interface SideTask {
  kind: "side";
  slot: number;
  mask: KernelMask;
  measure: Float64Array;
  /** The measure is 1 on every row (so never unknown): its sum over a cell is the cell's record count. */
  ones?: boolean;
  target: Float64Array;
  sums: CellSums;
  squares: boolean;
  countRecords: boolean;
}

/** Numerator and denominator of one record together (a proportion or mean over records). */
export interface JointTask {
  kind: "joint";
  slot: number;
  numMask: KernelMask;
  denMask: KernelMask;
  num: Float64Array;
  den: Float64Array;
  /** The denominator measure is 1 on every row. */
  denOnes?: boolean;
  sums: CellSums;
  squares: boolean;
}

export type KernelTask = SideTask | JointTask;

/**
 * Generates one loop over a fact's rows that computes each slot's cell once per row,
 * evaluates each inline filter once per row, and applies every task, with the arrays
 * bound as constants (monomorphic, no closure per row; an array bound twice is one
 * identifier). The generated source contains only identifiers and operators of this
 * module, never user strings (filter values are bound constants). Returns `null` when
 * the platform forbids code generation.
 * Each task does exactly what the interpreted `accumulateSide` / `accumulateJoint` do,
 * in the same row order, so sums are identical. A measure that is 1 on every row is not
 * read: its per-cell sum is the record count, kept once and copied after the loop (the
 * same integers the additions of 1 would give).
 */
export function compileKernel(n: number, slots: KernelSlot[], tasks: KernelTask[]): (() => void) | null {
  const args: unknown[] = [];
  const ids = new Map<unknown, string>();
  const head: string[] = [];
  const body: string[] = [];
  const tail: string[] = [];
  const name = (prefix: string, v: unknown) => {
    const known = ids.get(v);
    if (known !== undefined) return known;
    const id = `${prefix}${args.length}`;
    head.push(`const ${id} = A[${args.length}];`);
    args.push(v);
    ids.set(v, id);
    return id;
  };
  for (const s of slots) {
    if ("cells" in s) {
      const c = name("C", s.cells);
      body.push(`const k${s.index} = ${c}[i];`);
    } else if (s.columns.length === 0) body.push(`const k${s.index} = 0;`);
    else {
      // A table that is code × stride (the fact's dictionary is the call's) is a multiply, not a load.
      const terms = s.columns.map((col, k) => {
        const stride = linearStride(s.tables[k]);
        const d = `${name("D", col)}[i]`;
        return stride === null ? `${name("T", s.tables[k])}[${d}]` : stride === 1 ? d : `${d} * ${stride}`;
      });
      body.push(`const k${s.index} = ${terms.join(" + ")};`);
    }
  }
  const filters = new Map<string, string>();
  const cond = (m: KernelMask): string => {
    if (m === null) return "";
    if (m instanceof Uint8Array) return `if (${name("M", m)}[i]) `;
    let f = filters.get(m.key);
    if (f === undefined) {
      f = `f${filters.size}`;
      filters.set(m.key, f);
      body.push(`const ${f} = ${m.expr(name)};`);
    }
    return `if (${f}) `;
  };
  for (const t of tasks) {
    const k = `k${t.slot}`;
    if (t.kind === "side") {
      const m = cond(t.mask);
      const tg = name("S", t.target);
      const sq = t.squares ? name("Q", t.sums.sumSq) : null;
      const r = t.countRecords ? name("R", t.sums.n) : null;
      if (t.ones && r) {
        body.push(`${m}{ ${r}[${k}]++; }`);
        tail.push(`${tg}.set(${r});`);
        if (sq) tail.push(`${sq}.set(${r});`);
      } else if (t.ones) body.push(`${m}{ ${tg}[${k}] += 1;${sq ? ` ${sq}[${k}] += 1;` : ""} }`);
      else {
        const v = name("V", t.measure);
        const x = name("X", t.sums.nExcluded);
        body.push(`${m}{ const v = ${v}[i]; if (v !== v) ${x}[${k}]++; else { ${tg}[${k}] += v;${sq ? ` ${sq}[${k}] += v * v;` : ""}${r ? ` ${r}[${k}]++;` : ""} } }`);
      }
    } else {
      const dm = cond(t.denMask);
      // The numerator's rows are among the denominator's: the same filter needs no second test.
      const same = t.numMask === t.denMask || (t.numMask !== null && t.denMask !== null && !(t.numMask instanceof Uint8Array) && !(t.denMask instanceof Uint8Array) && t.numMask.key === t.denMask.key);
      const nm = same ? "" : cond(t.numMask);
      const nv = name("V", t.num);
      const { num, den, n, nExcluded, sumSq } = t.sums;
      const N = name("S", num);
      const D = name("S", den);
      const R = name("R", n);
      const X = name("X", nExcluded);
      const Q = t.squares ? name("Q", sumSq) : null;
      const add = `${nm}{ ${N}[${k}] += x;${Q ? ` ${Q}[${k}] += x * x;` : ""} }`;
      if (t.denOnes) {
        body.push(`${dm}{ const x = ${nv}[i]; if (x !== x) ${X}[${k}]++; else { ${R}[${k}]++; ${add} } }`);
        tail.push(`${D}.set(${R});`);
      } else {
        const dv = name("V", t.den);
        body.push(`${dm}{ const d = ${dv}[i]; const x = ${nv}[i]; if (d !== d || x !== x) ${X}[${k}]++; else { ${D}[${k}] += d; ${R}[${k}]++; ${add} } }`);
      }
    }
  }
  const nId = name("n", n);
  const source = `${head.join("\n")}\nfor (let i = 0; i < ${nId}; i++) {\n${body.join("\n")}\n}\n${tail.join("\n")}`;
  const f = compileCached<void>(source);
  return f && (() => f(args));
}

/** The integer s when `table[c] = c × s` for every code c (s is then written into the source as a number), else null. */
function linearStride(table: Int32Array): number | null {
  const s = table.length > 1 ? table[1] : 1;
  if (!Number.isSafeInteger(s)) return null;
  for (let c = 0; c < table.length; c++) if (table[c] !== c * s) return null;
  return s;
}
