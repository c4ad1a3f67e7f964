import { EmisDefinitionError } from "../../models/errors";
import type { Flag } from "../../models/flags";
import type { FlowIndicator } from "../../models/indicator";
import type { Profile } from "../../models/profile";
import { cohortSurvival } from "../../indicators/compute/flow-rates";
import { filterMask } from "./filter-mask";
import {
  andMasks,
  codeMask,
  emit,
  factFor,
  globalCode,
  groupSums,
  measureFor,
  requireDims,
  setProblem,
  yearsOf,
  type GroupSum,
  determinedIn,
  type Determined,
  type KindContext,
  type KindOutput,
} from "./kind-common";

/** The cycle's grade codes in order: explicit `grades`, the profile's grades of `isced`, or all. */
export function cycleGrades(profile: Profile, def: Pick<FlowIndicator, "grades" | "isced" | "id">): string[] {
  if (def.grades) return [...def.grades];
  const sorted = [...profile.grades].sort((a, b) => a.order - b.order);
  const picked = def.isced === undefined ? sorted : sorted.filter((g) => g.isced === def.isced);
  if (picked.length === 0) {
    throw new EmisDefinitionError("no-grades", `indicator ${def.id}: profile ${profile.id} has no grades mapped to ISCED ${def.isced}; set isced or grades`, {
      indicator: def.id,
      isced: def.isced,
    });
  }
  return picked.map((g) => g.code);
}

/** The grade after the cycle's last one in the profile order (transition target), or null. */
export function nextGrade(profile: Profile, cycle: string[]): string | null {
  const last = profile.grades.find((g) => g.code === cycle[cycle.length - 1]);
  if (!last) return null;
  const after = profile.grades.filter((g) => g.order > last.order).sort((a, b) => a.order - b.order);
  return after.length ? after[0].code : null;
}

interface Block {
  e: number;
  rNext: number;
  eNext: number;
  nE: number;
  excluded: number;
}

const TRANSITIONS = new Set(["gross-transition-rate", "effective-transition-rate"]);

/**
 * Rows of a `flow` indicator (see `FlowIndicator`): for each grouping set, each group
 * of its non-year, non-grade dimensions, each base year t having t+1 (or all such
 * years pooled, as sums, when `year` is not grouped), and each grade of the cycle (or
 * the cycle as a whole, as sums over its grades, when `grade` is not grouped).
 * Survival and cumulative dropout have no numerator or denominator (model results).
 */
export function flowIndicatorRows(def: FlowIndicator, ctx: KindContext): KindOutput {
  const { dataset, space } = ctx;
  const out: KindOutput = { rows: [], metas: [] };
  const eFact = factFor(dataset, def, def.denominator);
  const rFact = factFor(dataset, def, def.numerator);
  requireDims(def, eFact, ["year", "grade"]);
  requireDims(def, rFact, ["year", "grade"]);
  const eMask = filterMask(eFact, def.denominator.filter, def.id);
  const rMask = filterMask(rFact, def.numerator.filter, def.id);
  const eVals = measureFor(eFact, def, def.denominator.measure);
  const rVals = measureFor(rFact, def, def.numerator.measure);
  const cycle = cycleGrades(dataset.profile, def);
  const transition = TRANSITIONS.has(def.method);
  const next = nextGrade(dataset.profile, cycle);
  if (transition && next === null) {
    throw new EmisDefinitionError("no-next-grade", `indicator ${def.id}: the profile has no grade after ${cycle[cycle.length - 1]} to transit to`, { indicator: def.id });
  }
  const grades = next ? [...cycle, next] : cycle;
  const years = yearsOf(eFact);
  const bases = years.filter((t) => years.includes(t + 1));
  const yearMask = (f: typeof eFact, y: number) => codeMask(f, "year", new Set([String(y)]));

  ctx.sets.forEach((set, si) => {
    if (ctx.only && !ctx.only(si)) return;
    let problem = setProblem(def, set, [eFact, rFact], dataset, ["year", "grade"]);
    if (!problem && transition && set.includes("grade")) {
      problem = new EmisDefinitionError("not-disaggregable", `indicator ${def.id} is a transition from the last grade of the cycle and is not disaggregable by grade`, {
        indicator: def.id,
        dimension: "grade",
      });
    }
    if (problem) {
      if (ctx.skip) return;
      throw problem;
    }
    const gdims = set.filter((d) => d !== "year" && d !== "grade");
    const determined = determinedIn(eFact, ctx, si);
    const keyDims = [...gdims, "grade"];
    const perYear = bases.map((t) => ({
      t,
      e: groupSums(eFact, andMasks(eMask, yearMask(eFact, t)), eVals, keyDims, space),
      eNext: groupSums(eFact, andMasks(eMask, yearMask(eFact, t + 1)), eVals, keyDims, space),
      rNext: groupSums(rFact, andMasks(rMask, yearMask(rFact, t + 1)), rVals, keyDims, space),
    }));
    // Groups: every combination of the grouping dimensions seen in the base-year enrolment
    // (or in any year when no base year exists, so the row says why it is empty).
    const seen = new Map<string, number[]>();
    const collect = (m: Map<string, GroupSum>) => {
      for (const g of m.values()) {
        const codes = g.codes.slice(0, gdims.length);
        seen.set(codes.join(","), codes);
      }
    };
    if (perYear.length) perYear.forEach((p) => collect(p.e));
    else collect(groupSums(eFact, eMask, eVals, keyDims, space));
    const gradeCodes = grades.map((g) => globalCode(space, eFact, "grade", g));
    const slots: Array<{ label: number | null; parts: typeof perYear }> = set.includes("year")
      ? perYear.map((p) => ({ label: p.t, parts: [p] }))
      : [{ label: null, parts: perYear }];
    for (const [gkey, codes] of seen) {
      for (const slot of slots) {
        const blocks: Block[] = grades.map((_, k) => {
          const b: Block = { e: 0, rNext: 0, eNext: 0, nE: 0, excluded: 0 };
          const gc = gradeCodes[k];
          const rgc = globalCode(space, rFact, "grade", grades[k]);
          const key = (c: number) => (gkey === "" ? String(c) : `${gkey},${c}`);
          for (const p of slot.parts) {
            const e = gc < 0 ? undefined : p.e.get(key(gc));
            const en = gc < 0 ? undefined : p.eNext.get(key(gc));
            const rn = rgc < 0 ? undefined : p.rNext.get(key(rgc));
            if (e) {
              b.e += e.sum;
              b.nE += e.n;
              b.excluded += e.nExcluded;
            }
            if (en) b.eNext += en.sum;
            if (rn) {
              b.rNext += rn.sum;
              b.excluded += rn.nExcluded;
            }
          }
          return b;
        });
        const dimValues: Record<string, { code: number; value: string }> = {};
        gdims.forEach((d, j) => (dimValues[d] = { code: codes[j], value: space.dictionaries.get(d)![codes[j]] }));
        if (slot.label !== null) {
          const v = String(slot.label);
          dimValues.year = { code: globalCode(space, eFact, "year", v), value: v };
        }
        const empty = slot.parts.length === 0;
        if (set.includes("grade")) {
          cycle.forEach((g, k) => {
            dimValues.grade = { code: gradeCodes[k] >= 0 ? gradeCodes[k] : globalCode(space, eFact, "grade", g), value: g };
            if (dimValues.grade.code < 0) return;
            emitValue(out, def, ctx, si, { ...dimValues }, blocks, cycle.length, [k], empty, determined);
          });
        } else {
          emitValue(out, def, ctx, si, dimValues, blocks, cycle.length, cycle.map((_, k) => k), empty, determined);
        }
      }
    }
  });
  return out;
}

/** Numerator and denominator of a ratio method for grade k, or null where undefined (last grade). */
function parts(method: FlowIndicator["method"], b: Block[], k: number, last: number): { num: number; den: number } | null {
  const promoted = k < last ? b[k + 1].eNext - b[k + 1].rNext : null;
  switch (method) {
    case "repetition-rate-uis":
      return { num: b[k].rNext, den: b[k].e };
    case "promotion-rate-uis":
      return promoted === null ? null : { num: promoted, den: b[k].e };
    case "dropout-rate-uis":
      return promoted === null ? null : { num: b[k].e - promoted - b[k].rNext, den: b[k].e };
    case "effective-promotion-rate":
      return promoted === null ? null : { num: promoted, den: b[k].e - b[k].rNext };
    default:
      return null;
  }
}

function emitValue(
  out: KindOutput,
  def: FlowIndicator,
  ctx: KindContext,
  si: number,
  dimValues: Record<string, { code: number; value: string }>,
  b: Block[],
  cycleLength: number,
  ks: number[],
  empty: boolean,
  determined: Determined,
): void {
  const last = cycleLength - 1;
  const flags: Flag[] = [];
  const nE = ks.reduce((a, k) => a + b[k].nE, 0);
  const excluded = ks.reduce((a, k) => a + b[k].excluded, 0);
  if (excluded > 0) flags.push("unknown-excluded");
  const finish = (value: number | null, num: number | null, den: number | null, records: number) => {
    if (value !== null && value < 0) flags.push("negative-rate");
    emit(out, def, ctx, si, dimValues, { numerator: num, denominator: den, value, n: records, nExcluded: excluded, flags }, { x: num ?? 0, n: den ?? 0, records }, determined);
  };
  if (empty) {
    flags.push("not-computable");
    return finish(null, null, null, nE);
  }
  if (def.method === "survival-rate" || def.method === "cumulative-dropout-rate") {
    const rates = b.slice(0, cycleLength).map((x, k) => ({
      promotion: x.e > 0 && k < last ? (b[k + 1].eNext - b[k + 1].rNext) / x.e : null,
      repetition: x.e > 0 ? x.rNext / x.e : null,
    }));
    const target = ks.length === 1 ? ks[0] : last;
    const s = cohortSurvival(rates, { maxRepetitions: def.maxRepetitions })[target];
    if (s === null || s === undefined) {
      flags.push(b.slice(0, target).some((x) => x.e === 0) ? "zero-denominator" : "undefined-measure");
      return finish(null, null, null, nE);
    }
    return finish(def.scale * (def.method === "survival-rate" ? s : 1 - s), null, null, b[0].nE);
  }
  if (def.method === "gross-transition-rate" || def.method === "effective-transition-rate") {
    const to = b[cycleLength];
    const num = to.eNext - to.rNext;
    const den = def.method === "gross-transition-rate" ? b[last].e : b[last].e - b[last].rNext;
    if (den === 0) {
      flags.push("zero-denominator");
      return finish(null, num, den, b[last].nE);
    }
    return finish((def.scale * num) / den, num, den, b[last].nE);
  }
  let num = 0;
  let den = 0;
  let any = false;
  for (const k of ks) {
    const p = parts(def.method, b, k, last);
    if (!p) continue;
    any = true;
    num += p.num;
    den += p.den;
  }
  if (!any) {
    flags.push("not-computable");
    return finish(null, null, null, nE);
  }
  if (den === 0) {
    flags.push("zero-denominator");
    return finish(null, num, den, nE);
  }
  return finish((def.scale * num) / den, num, den, nE);
}
