import type { Flag } from "../models/flags";
import { EmisInputError } from "../models/errors";
import { concentrationIndex } from "./concentration-index";
import { checkOptionKeys } from "./internal/options";
import type { ConcentrationIndexResult } from "./concentration-index";
import { asArrayLike, readKeys, readNumbers, requireNonEmpty, requireNonNegative } from "./internal/input";
import type { Accessor, KeyAccessor, RowInput } from "./internal/input";

/** Columns and options for {@link teacherDistribution}. */
export interface TeacherDistributionOptions<T> {
  /** Teachers of the kind studied in the school (qualified, trained, female, 5+ years...). */
  kind: Accessor<T>;
  /** All teachers in the school. */
  teachers: Accessor<T>;
  /** The school's disadvantage group (poverty quintile, remoteness band, rural/urban). */
  group: KeyAccessor<T>;
  /**
   * Groups from **most** to **least** disadvantaged. Required unless every group label
   * is a number, in which case ascending numeric order is used (quintile 1 = poorest).
   */
  order?: Array<string | number>;
  /** Correction for the concentration index of this binary outcome; default `"none"`. */
  correction?: "none" | "wagstaff" | "erreygers";
}

/** One disadvantage group's teachers. */
export interface TeacherDistributionGroup {
  group: string;
  /** Position in the order, 1 = most disadvantaged. */
  rank: number;
  schools: number;
  teachers: number;
  kind: number;
  /** kind / teachers; `null` when the group has no teachers. */
  share: number | null;
}

/** Result of {@link teacherDistribution}. */
export interface TeacherDistributionResult {
  groups: TeacherDistributionGroup[];
  total: { teachers: number; kind: number; share: number | null };
  /**
   * Concentration index of the kind over disadvantage rank, teachers as units: positive
   * = the kind is concentrated in less disadvantaged schools.
   */
  concentration: ConcentrationIndexResult | null;
  /** `zero-denominator` when there are no teachers at all. */
  flags: Flag[];
}

/**
 * Distribution of a kind of teacher (qualified, trained, experienced, female) over
 * school disadvantage: the share of teachers of that kind in each disadvantage group,
 * and the concentration index of the kind over the disadvantage ranking.
 *
 * Formula: per group, share = sum kind / sum teachers; the concentration index treats
 * each teacher as a unit with outcome 1 when of the kind, ranked by the school's group
 * (teachers in one group share the group's mean fractional rank), i.e.
 * `concentrationIndex(school shares, group rank, { weights: teachers })`. Source:
 * METHODS.md 1.4 and 3.6; O'Donnell et al. (2008) ch. 8.
 *
 * Rules: missing counts or groups throw `missing-value`; kind > teachers throws
 * `invalid-value`; schools with 0 teachers count as schools but add no teachers; a
 * group absent from `order` throws `invalid-option`; no teachers at all gives shares
 * and the index `null` with `zero-denominator`.
 *
 * @param data one row per school
 * @param options {@link TeacherDistributionOptions}
 * @returns {@link TeacherDistributionResult}
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-value`, `invalid-option`
 * @example
 * teacherDistribution(schools, { kind: "trained", teachers: "teachers", group: "quintile" });
 * // { groups: [{ group: "1", rank: 1, share: 0.5, ... }, ...], concentration: { value: 0.2, ... } }
 */
export function teacherDistribution<T>(data: RowInput<T>, options: TeacherDistributionOptions<T>): TeacherDistributionResult {
  const fn = "teacherDistribution";
  const rows = asArrayLike(data);
  requireNonEmpty(fn, rows.length, "school");
  if (!options || options.kind === undefined || options.teachers === undefined || options.group === undefined) {
    throw new EmisInputError("invalid-option", `${fn} requires options { kind, teachers, group }`, { function: fn });
  }
  checkOptionKeys(fn, options, ["kind", "teachers", "group", "order", "correction"]);
  const kind = readNumbers(fn, rows, options.kind, "count of teachers of the kind");
  const teachers = readNumbers(fn, rows, options.teachers, "teacher count");
  const groups = readKeys(fn, rows, options.group, "disadvantage group");
  requireNonNegative(fn, kind, "teacher counts");
  requireNonNegative(fn, teachers, "teacher counts");
  for (let i = 0; i < rows.length; i++) {
    if (kind[i] > teachers[i]) {
      throw new EmisInputError("invalid-value", `${fn} requires teachers of the kind <= teachers; got ${kind[i]} > ${teachers[i]} at index ${i}`, { function: fn, index: i });
    }
  }
  let order: string[];
  if (options.order) order = options.order.map(String);
  else {
    const labels = [...new Set(groups)];
    if (!labels.every((l) => l.trim() !== "" && Number.isFinite(Number(l)))) {
      throw new EmisInputError("invalid-option", `${fn} requires options.order (most to least disadvantaged) for non-numeric groups: ${labels.join(", ")}`, { function: fn });
    }
    order = labels.sort((p, q) => Number(p) - Number(q));
  }
  const rankOf = new Map(order.map((g, k) => [g, k + 1]));
  const missing = [...new Set(groups)].filter((g) => !rankOf.has(g));
  if (missing.length > 0) {
    throw new EmisInputError("invalid-option", `${fn} found groups not in options.order: ${missing.join(", ")}`, { function: fn });
  }
  const out: TeacherDistributionGroup[] = order.map((g, k) => ({ group: g, rank: k + 1, schools: 0, teachers: 0, kind: 0, share: null }));
  for (let i = 0; i < rows.length; i++) {
    const o = out[rankOf.get(groups[i])! - 1];
    o.schools += 1;
    o.teachers += teachers[i];
    o.kind += kind[i];
  }
  for (const o of out) o.share = o.teachers > 0 ? o.kind / o.teachers : null;
  const T = out.reduce((s, o) => s + o.teachers, 0);
  const K = out.reduce((s, o) => s + o.kind, 0);
  const total = { teachers: T, kind: K, share: T > 0 ? K / T : null };
  if (T === 0) return { groups: out, total, concentration: null, flags: ["zero-denominator"] };
  const shares = Array.from(teachers, (t, i) => (t > 0 ? kind[i] / t : 0));
  const ranks = groups.map((g) => rankOf.get(g)!);
  const concentration = concentrationIndex(shares, ranks, { weights: teachers, correction: options.correction ?? "none" });
  return { groups: out, total, concentration, flags: [] };
}
