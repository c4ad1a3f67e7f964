import { EmisDefinitionError } from "../../models/errors";
import type { Flag } from "../../models/flags";
import type { ExternalIndicator } from "../../models/indicator";
import type { Grade, Profile } from "../../models/profile";
import { entryAgeFor, officialAge } from "../../profiles";
import type { FactTable } from "../../dataset/fact-table";
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
  type KindContext,
  type KindOutput,
} from "./kind-common";

/** Grades of an ISCED level in profile order. */
function levelGrades(profile: Profile, def: ExternalIndicator): Grade[] {
  const sorted = [...profile.grades].sort((a, b) => a.order - b.order);
  if (def.isced === undefined) {
    if (def.gradeScope === "all" && typeof def.ages === "object") return sorted;
    throw new EmisDefinitionError("invalid-definition", `indicator ${def.id}: field isced is required unless gradeScope is "all" and ages is an explicit range`, {
      indicator: def.id,
      field: "isced",
    });
  }
  const level = sorted.filter((g) => g.isced === def.isced);
  if (!level.length) {
    throw new EmisDefinitionError("no-grades", `indicator ${def.id}: profile ${profile.id} has no grades mapped to ISCED ${def.isced}`, { indicator: def.id, isced: def.isced });
  }
  return level;
}

/**
 * Population ages of an external indicator in year t, as [from, to] (inclusive):
 * `official` = entrance age of year t + the orders of the level's first and last grades
 * (the structure in force in year t, as UIS uses); `official-cohort` = the range of
 * `officialAge` over the level's grades (the cohort rule, which spans one more year
 * while an entrance-age change passes through the level); `entrance` = the official
 * age of the level's first grade; `last-grade` = the intended age of its last grade.
 * @example externalAgeRange(bhutanProfile, { ages: "official", isced: "1", ... }, 2024) // [5, 11]
 */
export function externalAgeRange(profile: Profile, def: ExternalIndicator, t: number): [number, number] {
  if (typeof def.ages === "object") return [def.ages.from, def.ages.to];
  const level = levelGrades(profile, def);
  const first = level[0];
  const last = level[level.length - 1];
  const e = entryAgeFor(profile, t);
  switch (def.ages) {
    case "official":
      return [e + first.order, e + last.order];
    case "official-cohort": {
      const ages = level.map((g) => officialAge(profile, g.code, t)!);
      return [Math.min(...ages), Math.max(...ages)];
    }
    case "entrance":
      return [e + first.order, e + first.order];
    case "last-grade":
      return [e + last.order, e + last.order];
  }
}

function scopeGrades(profile: Profile, def: ExternalIndicator): Set<string> {
  const sorted = [...profile.grades].sort((a, b) => a.order - b.order);
  if (def.gradeScope === "all") return new Set(sorted.map((g) => g.code));
  const level = levelGrades(profile, def);
  switch (def.gradeScope) {
    case "level":
      return new Set(level.map((g) => g.code));
    case "level-and-higher":
      return new Set(sorted.filter((g) => g.order >= level[0].order).map((g) => g.code));
    case "first-grade":
      return new Set([level[0].code]);
    case "last-grade":
      return new Set([level[level.length - 1].code]);
  }
}

function ageMask(fact: FactTable, ages: Float64Array, [from, to]: [number, number]): Uint8Array {
  const out = new Uint8Array(fact.length);
  for (let i = 0; i < fact.length; i++) out[i] = ages[i] >= from && ages[i] <= to ? 1 : 0;
  return out;
}

/** The population year used for enrolment year t, or null. */
function populationYear(def: ExternalIndicator, popYears: number[], t: number): number | null {
  if (popYears.includes(t)) return t;
  if (def.yearRule === "same-year" || popYears.length === 0) return null;
  return popYears.reduce((best, y) => (Math.abs(y - t) < Math.abs(best - t) ? y : best), popYears[0]);
}

/**
 * Rows of an `external` indicator (see `ExternalIndicator`): enrolment over population
 * for each group of the grouping set and each enrolment year (pooled as sums when
 * `year` is not grouped). Pupils in scope whose grade is not a profile grade, or whose
 * age is unknown when ages matter, are left out and counted in `nExcluded`.
 */
export function externalIndicatorRows(def: ExternalIndicator, ctx: KindContext): KindOutput {
  const { dataset, space } = ctx;
  const { profile } = dataset;
  const out: KindOutput = { rows: [], metas: [] };
  const numFact = factFor(dataset, def, def.numerator);
  const popFact = factFor(dataset, def, def.denominator);
  requireDims(def, numFact, ["year", "grade"]);
  requireDims(def, popFact, ["year"]);
  const numVals = measureFor(numFact, def, def.numerator.measure);
  const popVals = measureFor(popFact, def, def.denominator.measure);
  const popAges = measureFor(popFact, def, def.ageField);
  const pupilAges = def.numeratorAges === "same" ? measureFor(numFact, def, def.ageField) : null;
  const numMask = filterMask(numFact, def.numerator.filter, def.id);
  const popMask = filterMask(popFact, def.denominator.filter, def.id);
  const inScope = codeMask(numFact, "grade", scopeGrades(profile, def));
  const knownGrade = codeMask(numFact, "grade", new Set(profile.grades.map((g) => g.code)));
  const popYears = yearsOf(popFact);
  const years = yearsOf(numFact).map((t) => {
    const range = externalAgeRange(profile, def, t);
    const inYear = andMasks(numMask, codeMask(numFact, "year", new Set([String(t)])));
    let take = andMasks(inYear, inScope);
    // Unknown grade (not a profile grade) or, when ages matter, unknown age: excluded and counted.
    const excluded = new Uint8Array(numFact.length);
    for (let i = 0; i < numFact.length; i++) excluded[i] = inYear[i] && !knownGrade[i] ? 1 : 0;
    if (pupilAges) {
      for (let i = 0; i < numFact.length; i++) if (take[i] && Number.isNaN(pupilAges[i])) excluded[i] = 1;
      take = andMasks(take, ageMask(numFact, pupilAges, range));
    }
    const py = populationYear(def, popYears, t);
    const pop = py === null ? new Uint8Array(popFact.length) : andMasks(popMask, codeMask(popFact, "year", new Set([String(py)])), ageMask(popFact, popAges, range));
    return { t, take, excluded, pop, missingPopulation: py === null };
  });

  ctx.sets.forEach((set, si) => {
    if (ctx.only && !ctx.only(si)) return;
    const problem = setProblem(def, set, [numFact, popFact], dataset, ["year"]);
    if (problem) {
      if (ctx.skip) return;
      throw problem;
    }
    const gdims = set.filter((d) => d !== "year");
    const perYear = years.map((y) => ({
      ...y,
      num: groupSums(numFact, y.take, numVals, gdims, space),
      den: groupSums(popFact, y.pop, popVals, gdims, space),
      exc: groupSums(numFact, y.excluded, numVals, gdims, space),
    }));
    const slots = set.includes("year") ? perYear.map((p) => ({ label: p.t as number | null, parts: [p] })) : [{ label: null as number | null, parts: perYear }];
    for (const slot of slots) {
      const groups = new Map<string, number[]>();
      const collect = (m: Map<string, GroupSum>) => m.forEach((g, k) => groups.set(k, g.codes));
      slot.parts.forEach((p) => (collect(p.num), collect(p.den)));
      for (const [key, codes] of groups) {
        let num = 0;
        let den = 0;
        let records = 0;
        let excluded = 0;
        for (const p of slot.parts) {
          const a = p.num.get(key);
          const b = p.den.get(key);
          const x = p.exc.get(key);
          if (a) (num += a.sum), (records += a.n), (excluded += a.nExcluded);
          if (b) den += b.sum;
          if (x) excluded += x.n + x.nExcluded;
        }
        const flags: Flag[] = [];
        if (excluded > 0) flags.push("unknown-excluded");
        const dimValues: Record<string, { code: number; value: string }> = {};
        gdims.forEach((d, j) => (dimValues[d] = { code: codes[j], value: space.dictionaries.get(d)![codes[j]] }));
        if (slot.label !== null) {
          const v = String(slot.label);
          dimValues.year = { code: globalCode(space, numFact, "year", v), value: v };
        }
        const shown = def.complement ? den - num : num;
        let value: number | null = null;
        if (den === 0) {
          flags.push("zero-denominator");
          if (slot.parts.some((p) => p.missingPopulation)) flags.push("not-computable");
        } else {
          value = (def.scale * shown) / den;
          if (value < 0) flags.push("negative-rate");
          if (def.flagAbove !== undefined && value > def.flagAbove) flags.push("exceeds-100");
        }
        emit(out, def, ctx, si, dimValues, { numerator: shown, denominator: den, value, n: records, nExcluded: excluded, flags }, { x: shown, n: den, records });
      }
    }
  });
  return out;
}
