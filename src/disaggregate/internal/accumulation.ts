import { EmisInputError } from "../../models/errors";
import type { FactTable } from "../../dataset/fact-table";
import type { IndicatorDefinition } from "../../models/indicator";
import { accumulateJoint, accumulateSide, measureOf, newSums, type CellSums } from "./accumulate";
import { CellRegistry, type CodeSpace } from "./cells";
import { filterMask } from "./filter-mask";
import { compileKernel, type KernelMask, type KernelSlot, type KernelTask } from "./kernel";
import { DesignSums, designApplies, type Sample } from "./design";
import { checkFilter, filterSubset, inlineFilter } from "./inline-filter";

/** Largest radix product for which a cell is its mixed-radix key (no lookup). */
const IDENTITY_LIMIT = 1 << 16;

interface Side {
  fact: FactTable;
  filter: IndicatorDefinition["numerator"]["filter"];
  /** Key of the filter (fact and JSON), "" without one. */
  key: string;
  measure: Float64Array;
  /** The measure's name in its fact. */
  name: string;
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
  /** Sum the squared numerator (means' standard errors). */
  squares: boolean;
  /** An earlier job with the same registry, mode, facts, measures and filters: its sums are these sums. */
  aliasOf?: Job;
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
    // Filters are checked now (same errors as filterMask); masks are made only where needed.
    const side = (fact: FactTable, spec: IndicatorDefinition["numerator"]): Side => {
      const measure = measureOf(fact, spec, def.id);
      if (spec.filter) checkFilter(fact, spec.filter, def.id);
      return { fact, measure, name: spec.measure, filter: spec.filter, key: spec.filter ? `${fact.name}\u0000${JSON.stringify(spec.filter)}` : "" };
    };
    const num = side(facts[0], def.numerator);
    const sums = newSums(0);
    const squares = def.statistic === "mean";
    let job: Job;
    if (!def.denominator) job = { def, reg, ukey, sums, mode: "count", num, squares };
    else {
      const den = side(facts[1], def.denominator);
      // The same filter (or none on the denominator) needs no pass to know the numerator's rows are among the denominator's.
      const joint = facts[0] === facts[1] && (den.key === "" || num.key === den.key || this.subset(num, den, def.id));
      job = { def, reg, ukey, sums, mode: joint ? "joint" : "sides", num, den, squares };
    }
    const same = (a: Side | undefined, b: Side | undefined) => a === b || (!!a && !!b && a.fact === b.fact && a.measure === b.measure && a.key === b.key);
    const primary = this.jobs.find((j) => !j.aliasOf && j.ukey === ukey && j.mode === job.mode && same(j.num, job.num) && same(j.den, job.den));
    if (primary) {
      job.aliasOf = primary;
      primary.squares ||= squares;
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
    for (const job of this.jobs) Object.assign(job.sums, job.aliasOf ? job.aliasOf.sums : newSums(job.reg.keys.length));

    const kernel = this.compiled ? this.kernels(identity, cellsOf) : false;
    if (!kernel) this.interpreted(cellsOf);
    // Survey designs: weighted (cell, PSU) sums, an interpreted pass per sampled indicator.
    for (const job of this.jobs) {
      const ds = job.design;
      if (!ds) continue;
      const { num, den, def } = job;
      const s = this.sample!;
      const m = (x: Side) => this.mask(x, def.id);
      if (job.mode === "joint") ds.joint(cellsOf(job, num.fact), m(num), m(den!), num.measure, den!.measure, s.weights(num.fact), s.psuOf(num.fact));
      else {
        ds.side(cellsOf(job, num.fact), m(num), num.measure, s.weights(num.fact), s.psuOf(num.fact), "Y");
        if (den) ds.side(cellsOf(job, den.fact), m(den), den.measure, s.weights(den.fact), s.psuOf(den.fact), "X");
      }
    }
  }

  /** The sums from the interpreted loops of `accumulate.ts` (no code generation). */
  private interpreted(cellsOf: (job: Job, fact: FactTable) => Int32Array): void {
    for (const job of this.jobs) {
      if (job.aliasOf) continue;
      const { num, den, sums } = job;
      const ones = (s: Side) => this.mask(s, job.def.id) ?? new Uint8Array(s.fact.length).fill(1);
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
    // A filter is evaluated inside the kernel unless its mask was already made (subset check).
    const maskFor = (s: Side): KernelMask => {
      if (!s.filter) return null;
      const made = this.masks.get(s.key);
      if (made) return made;
      return inlineFilter(s.fact, s.filter) ?? this.mask(s, "")!;
    };
    // A measure that is 1 on every row (enrolled, schools) is never read by the kernel:
    // declared by the fact (createDataset), else checked once per call.
    const onesCache = new Map<Float64Array, boolean>();
    const ones = (s: Side) => {
      if (declaredOnes(s.fact, s.name)) return true;
      const m = s.measure;
      let o = onesCache.get(m);
      if (o === undefined) {
        o = true;
        for (let i = 0; i < m.length; i++) {
          if (m[i] !== 1) {
            o = false;
            break;
          }
        }
        onesCache.set(m, o);
      }
      return o;
    };
    // Or 1 on every row the side selects: its filter is { eq: [its own measure, 1] } (sat = 1).
    const onesOn = (s: Side) => {
      const f = s.filter as { eq?: [string, string | number] } | undefined;
      const own = !!f?.eq && !s.fact.dims[f.eq[0]] && s.fact.measures[f.eq[0]] === s.measure && Number(f.eq[1]) === 1;
      return own || ones(s);
    };
    for (const job of this.jobs) {
      if (job.aliasOf) continue;
      const { num, den, sums, squares } = job;
      if (job.mode === "count" || job.mode === "sides") {
        const { p, slot } = plan(num.fact, job);
        p.tasks.push({ kind: "side", slot, mask: maskFor(num), measure: num.measure, ones: onesOn(num), target: sums.num, sums, squares, countRecords: job.mode === "count" });
        if (job.mode === "sides") {
          const q = plan(den!.fact, job);
          q.p.tasks.push({ kind: "side", slot: q.slot, mask: maskFor(den!), measure: den!.measure, ones: onesOn(den!), target: sums.den, sums, squares: false, countRecords: true });
        }
      } else {
        const { p, slot } = plan(num.fact, job);
        p.tasks.push({ kind: "joint", slot, numMask: maskFor(num), denMask: maskFor(den!), num: num.measure, den: den!.measure, denOnes: onesOn(den!), sums, squares });
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

  /** Whether the numerator's rows are among the denominator's: an early-exit generated loop, else masks. */
  private subset(num: Side, den: Side, indicator: string): boolean {
    if (this.compiled && !this.masks.has(num.key) && !this.masks.has(den.key)) {
      const a = num.filter ? inlineFilter(num.fact, num.filter) : null;
      const b = inlineFilter(den.fact, den.filter!);
      const r = b && (a || !num.filter) ? filterSubset(num.fact.length, a, b) : null;
      if (r !== null) return r;
    }
    return isSubset(this.mask(num, indicator), this.mask(den, indicator), num.fact.length);
  }

  /** The side's 0/1 mask (made once per fact and filter), or null without a filter. */
  private mask(s: Side, indicator: string): Uint8Array | null {
    if (!s.filter) return null;
    let m = this.masks.get(s.key);
    if (m === undefined) this.masks.set(s.key, (m = filterMask(s.fact, s.filter, indicator)));
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

/**
 * Whether the fact declares `name` all ones (FactTable.ones). The declaration is
 * trusted, so it is checked for its form and spot-checked on 64 evenly spaced rows from
 * the first to the last (a wrong list fails there unless it is wrong only elsewhere).
 */
function declaredOnes(fact: FactTable, name: string): boolean {
  const list = fact.ones;
  if (list === undefined) return false;
  if (!Array.isArray(list) || !list.every((x) => typeof x === "string" && Object.prototype.hasOwnProperty.call(fact.measures, x))) {
    throw new EmisInputError("invalid-fact", `fact ${fact.name}: ones must list measure names of the fact (measures: ${Object.keys(fact.measures).join(", ")}), got ${JSON.stringify(list)}`, { fact: fact.name });
  }
  if (!list.includes(name)) return false;
  const m = fact.measures[name];
  const n = fact.length;
  for (let k = 0; k < 64 && n > 0; k++) {
    const i = Math.min(n - 1, Math.floor((k * (n - 1)) / 63));
    if (m[i] !== 1) {
      throw new EmisInputError("invalid-fact", `fact ${fact.name}: measure ${name} is listed in ones but row ${i + 1} holds ${m[i]}; list only measures that are 1 on every row`, { fact: fact.name, measure: name, row: i + 1 });
    }
  }
  return true;
}
