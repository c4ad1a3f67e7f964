import type { CellSums } from "./accumulate";

/**
 * How a kernel finds a row's cell in one registry: either the mixed-radix key itself
 * (`columns[k]` are the fact's code columns and `tables[k]` map a local code to
 * global code × stride), or a precomputed cell array.
 */
export type KernelSlot = { index: number; columns: Uint32Array[]; tables: Int32Array[] } | { index: number; cells: Int32Array };

/** One side of a ratio (or a count) summed on its own; unknown (NaN) values are excluded and counted. */
export interface SideTask {
  kind: "side";
  slot: number;
  mask: Uint8Array | null;
  measure: Float64Array;
  target: Float64Array;
  sums: CellSums;
  squares: boolean;
  countRecords: boolean;
}

/** Numerator and denominator of one record together (a proportion or mean over records). */
export interface JointTask {
  kind: "joint";
  slot: number;
  numMask: Uint8Array | null;
  denMask: Uint8Array | null;
  num: Float64Array;
  den: Float64Array;
  sums: CellSums;
  squares: boolean;
}

export type KernelTask = SideTask | JointTask;

/**
 * Generates one loop over a fact's rows that computes each slot's cell once per row
 * and applies every task, with the arrays bound as constants (monomorphic, no closure
 * per row). The generated source contains only identifiers and operators of this
 * module, never user strings. Returns `null` when the platform forbids code generation.
 * Each task does exactly what the interpreted `accumulateSide` / `accumulateJoint` do,
 * in the same row order, so sums are identical.
 */
export function compileKernel(n: number, slots: KernelSlot[], tasks: KernelTask[]): (() => void) | null {
  const args: unknown[] = [];
  const bind = (v: unknown) => {
    args.push(v);
    return `A[${args.length - 1}]`;
  };
  const head: string[] = [];
  const body: string[] = [];
  const name = (prefix: string, v: unknown) => {
    const id = `${prefix}${args.length}`;
    head.push(`const ${id} = ${bind(v)};`);
    return id;
  };
  for (const s of slots) {
    if ("cells" in s) {
      const c = name("C", s.cells);
      body.push(`const k${s.index} = ${c}[i];`);
    } else if (s.columns.length === 0) body.push(`const k${s.index} = 0;`);
    else {
      const terms = s.columns.map((col, k) => `${name("T", s.tables[k])}[${name("D", col)}[i]]`);
      body.push(`const k${s.index} = ${terms.join(" + ")};`);
    }
  }
  for (const t of tasks) {
    const k = `k${t.slot}`;
    if (t.kind === "side") {
      const m = t.mask ? name("M", t.mask) : null;
      const v = name("V", t.measure);
      const tg = name("S", t.target);
      const x = name("X", t.sums.nExcluded);
      const sq = t.squares ? name("Q", t.sums.sumSq) : null;
      const r = t.countRecords ? name("R", t.sums.n) : null;
      body.push(
        `${m ? `if (${m}[i]) ` : ""}{ const v = ${v}[i]; if (v !== v) ${x}[${k}]++; else { ${tg}[${k}] += v;${sq ? ` ${sq}[${k}] += v * v;` : ""}${r ? ` ${r}[${k}]++;` : ""} } }`,
      );
    } else {
      const dm = t.denMask ? name("M", t.denMask) : null;
      const nm = t.numMask ? name("M", t.numMask) : null;
      const nv = name("V", t.num);
      const dv = name("V", t.den);
      const { num, den, n, nExcluded, sumSq } = t.sums;
      const N = name("S", num);
      const D = name("S", den);
      const R = name("R", n);
      const X = name("X", nExcluded);
      const Q = t.squares ? name("Q", sumSq) : null;
      body.push(
        `${dm ? `if (${dm}[i]) ` : ""}{ const d = ${dv}[i]; const x = ${nv}[i]; if (d !== d || x !== x) ${X}[${k}]++; else { ${D}[${k}] += d; ${R}[${k}]++; ${nm ? `if (${nm}[i]) ` : ""}{ ${N}[${k}] += x;${Q ? ` ${Q}[${k}] += x * x;` : ""} } } }`,
      );
    }
  }
  const source = `${head.join("\n")}\nfor (let i = 0; i < ${n}; i++) {\n${body.join("\n")}\n}`;
  let fn: (A: unknown[]) => void;
  try {
    fn = new Function("A", source) as (A: unknown[]) => void;
  } catch {
    return null;
  }
  return () => fn(args);
}
