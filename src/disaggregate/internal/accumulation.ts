import type { FactTable } from "../../dataset/fact-table";
import type { IndicatorDefinition } from "../../models/indicator";
import { accumulateJoint, accumulateSide, measureOf, newSums, type CellSums } from "./accumulate";
import { CellRegistry, type CodeSpace } from "./cells";
import { filterMask } from "./filter-mask";
import { compileKernel, type KernelSlot, type KernelTask } from "./kernel";
import { DesignSums, designApplies, type Sample } from "./design";

/** Largest radix product for which a cell is its mixed-radix key (no lookup). */
const IDENTITY_LIMIT = 1 << 16;

interface Side {
  fact: FactTable;
  mask: Uint8Array | null;
  measure: Float64Array;
}

interface Job {
  def: IndicatorDefinition;
  reg: CellRegistry;
  ukey: string;
  sums: CellSums;
  mode: "count" | "joint" | "sides";
  num: Side;
  den?: Side;
  /** Weighted (cell, PSU) sums when the indicator is estimated from a survey design. */
  design?: DesignSums;
}

/**
 * All the accumulation of one `disaggregate` call: indicators are registered with
 * {@link Accumulation.add} (which validates measures and filters and returns the
 * registry and the sums it will fill), then {@link Accumulation.run} fills every sum
 * in one pass per fact table. The pass is a kernel generated for that fact: per row it
 * computes each registry's cell key once and updates every indicator reading the fact
 * (no per-row closure, no intermediate cell array for small cell spaces). Where code
 * generation is unavailable (a Content-Security-Policy without `unsafe-eval`) or
 * `compiled: false`, the same sums come from the interpreted loops of `accumulate.ts`.
 *
 * Rules (same as the interpreted loops): a proportion whose numerator rows are among
 * its denominator rows (same fact, numerator mask ⊆ denominator mask) is accumulated
 * jointly, so a record with an unknown (NaN) numerator or denominator leaves both parts
 * and is counted in `nExcluded`; otherwise each side is summed on its own, unknown
 * values excluded and counted.
 */
export class Accumulation {
  private readonly registries = new Map<string, CellRegistry>();
  private readonly masks = new Map<string, Uint8Array | null>();
  private readonly jobs: Job[] = [];

  constructor(
    private readonly space: CodeSpace,
    private readonly compiled = true,
    /** The dataset's survey design (see `design.ts`): sampled indicators also get weighted (cell, PSU) sums. */
    private readonly sample: Sample | null = null,
  ) {}

  /**
   * Registers an indicator grouped on the dimensions `U`; its sums are filled by `run`.
   * `design` is returned when the indicator is estimated from the survey design.
   */
  add(def: IndicatorDefinition, U: string[], facts: FactTable[]): { reg: CellRegistry; sums: CellSums; design?: DesignSums } {
    const ukey = U.join("\u0000");
    let reg = this.registries.get(ukey);
    if (!reg) this.registries.set(ukey, (reg = new CellRegistry(U)));
    for (const f of facts) for (const d of U) this.space.remap(f, d);
    const side = (fact: FactTable, spec: IndicatorDefinition["numerator"]): Side => ({
      fact,
      measure: measureOf(fact, spec, def.id),
      mask: this.maskOf(fact, spec.filter, def.id),
    });
    const num = side(facts[0], def.numerator);
    const sums = newSums(0);
    let job: Job;
    if (!def.denominator) job = { def, reg, ukey, sums, mode: "count", num };
    else {
      const den = side(facts[1], def.denominator);
      const joint = facts[0] === facts[1] && isSubset(num.mask, den.mask, facts[0].length);
      job = { def, reg, ukey, sums, mode: joint ? "joint" : "sides", num, den };
    }
    if (designApplies(def, facts, this.sample)) job.design = new DesignSums(this.sample!.psu.psuCount);
    this.jobs.push(job);
    return { reg, sums, ...(job.design ? { design: job.design } : {}) };
  }

  /** Fills the sums of every registered indicator. */
  run(): void {
    const identity = new Set<string>();
    for (const [ukey, reg] of this.registries) {
      const radices = reg.dims.map((d) => this.space.dictionaries.get(d)?.length ?? 0);
      const product = radices.reduce((a, r) => a * Math.max(1, r), 1);
      if (this.compiled && product <= IDENTITY_LIMIT) {
        reg.useIdentity(radices);
        identity.add(ukey);
      }
    }
    // Dense registries: cell arrays first (they fix the number of cells), per fact and registry.
    const cellCache = new Map<string, Int32Array>();
    const cellsOf = (job: Job, fact: FactTable) => {
      const key = `${fact.name}\u0000${job.ukey}`;
      let c = cellCache.get(key);
      if (!c) cellCache.set(key, (c = job.reg.cellsOf(fact, this.space)));
      return c;
    };
    for (const job of this.jobs) {
      if (identity.has(job.ukey)) continue;
      cellsOf(job, job.num.fact);
      if (job.den) cellsOf(job, job.den.fact);
    }
    for (const job of this.jobs) Object.assign(job.sums, newSums(job.reg.keys.length));

    const kernel = this.compiled ? this.kernels(identity, cellsOf) : false;
    if (!kernel) this.interpreted(cellsOf);
    // Survey designs: weighted (cell, PSU) sums, an interpreted pass per sampled indicator.
    for (const job of this.jobs) {
      const ds = job.design;
      if (!ds) continue;
      const { num, den } = job;
      const s = this.sample!;
      if (job.mode === "joint") ds.joint(cellsOf(job, num.fact), num.mask, den!.mask, num.measure, den!.measure, s.weights(num.fact), s.psuOf(num.fact));
      else {
        ds.side(cellsOf(job, num.fact), num.mask, num.measure, s.weights(num.fact), s.psuOf(num.fact), "Y");
        if (den) ds.side(cellsOf(job, den.fact), den.mask, den.measure, s.weights(den.fact), s.psuOf(den.fact), "X");
      }
    }
  }

  /** The sums from the interpreted loops of `accumulate.ts` (no code generation). */
  private interpreted(cellsOf: (job: Job, fact: FactTable) => Int32Array): void {
    for (const job of this.jobs) {
      const { num, den, sums } = job;
      const ones = (s: Side) => s.mask ?? new Uint8Array(s.fact.length).fill(1);
      if (job.mode === "count") accumulateSide(cellsOf(job, num.fact), ones(num), num.measure, sums.num, sums, true);
      else if (job.mode === "joint") accumulateJoint(cellsOf(job, num.fact), ones(num), ones(den!), num.measure, den!.measure, sums);
      else {
        accumulateSide(cellsOf(job, num.fact), ones(num), num.measure, sums.num, sums, false);
        accumulateSide(cellsOf(job, den!.fact), ones(den!), den!.measure, sums.den, sums, true);
      }
    }
  }

  /** One generated kernel per fact; false when code generation is not available. */
  private kernels(identity: Set<string>, cellsOf: (job: Job, fact: FactTable) => Int32Array): boolean {
    const byFact = new Map<FactTable, { slots: Map<string, KernelSlot>; tasks: KernelTask[] }>();
    const plan = (fact: FactTable, job: Job) => {
      let p = byFact.get(fact);
      if (!p) byFact.set(fact, (p = { slots: new Map(), tasks: [] }));
      let slot = p.slots.get(job.ukey);
      if (!slot) {
        if (identity.has(job.ukey)) {
          const reg = job.reg;
          const tables = reg.dims.map((d, k) => {
            const remap = this.space.remap(fact, d);
            const t = new Int32Array(remap.length);
            for (let c = 0; c < t.length; c++) t[c] = remap[c] * reg.strides[k];
            return t;
          });
          slot = { index: p.slots.size, columns: reg.dims.map((d) => fact.dims[d].codes), tables };
        } else slot = { index: p.slots.size, cells: cellsOf(job, fact) };
        p.slots.set(job.ukey, slot);
      }
      return { p, slot: slot.index };
    };
    for (const job of this.jobs) {
      const { num, den, sums, def } = job;
      const squares = def.statistic === "mean";
      if (job.mode === "count" || job.mode === "sides") {
        const { p, slot } = plan(num.fact, job);
        p.tasks.push({ kind: "side", slot, mask: num.mask, measure: num.measure, target: sums.num, sums, squares, countRecords: job.mode === "count" });
        if (job.mode === "sides") {
          const q = plan(den!.fact, job);
          q.p.tasks.push({ kind: "side", slot: q.slot, mask: den!.mask, measure: den!.measure, target: sums.den, sums, squares: false, countRecords: true });
        }
      } else {
        const { p, slot } = plan(num.fact, job);
        p.tasks.push({ kind: "joint", slot, numMask: num.mask, denMask: den!.mask, num: num.measure, den: den!.measure, sums, squares });
      }
    }
    const compiled: Array<() => void> = [];
    for (const [fact, { slots, tasks }] of byFact) {
      const k = compileKernel(fact.length, [...slots.values()], tasks);
      if (!k) return false;
      compiled.push(k);
    }
    for (const k of compiled) k();
    return true;
  }

  private maskOf(fact: FactTable, filter: IndicatorDefinition["numerator"]["filter"], indicator: string): Uint8Array | null {
    if (!filter) return null;
    const key = `${fact.name}\u0000${JSON.stringify(filter)}`;
    let m = this.masks.get(key);
    if (m === undefined) this.masks.set(key, (m = filterMask(fact, filter, indicator)));
    return m;
  }
}

/** True when every row selected by `a` is selected by `b` (`null` = every row). */
function isSubset(a: Uint8Array | null, b: Uint8Array | null, n: number): boolean {
  if (b === null) return true;
  if (a === null) {
    for (let i = 0; i < n; i++) if (!b[i]) return false;
    return true;
  }
  for (let i = 0; i < n; i++) if (a[i] > b[i]) return false;
  return true;
}
