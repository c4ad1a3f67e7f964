import type { Profile } from "../models/profile";
import { EmisDefinitionError } from "../models/errors";
import { validateProfile } from "./internal/validate";

/** A partial profile (typically a user's JSON file) to lay over a base profile. */
export type ProfileOverrides = { [K in keyof Profile]?: unknown } & Record<string, unknown>;

/** Key of a coded entry, or undefined for arrays that are replaced whole. */
const KEYS: Record<string, (e: Record<string, unknown>) => string> = {
  hierarchies: (e) => String(e.id),
  units: (e) => `${e.level}\u0000${e.code}`,
  grades: (e) => String(e.code),
  schoolLevels: (e) => String(e.code),
  schoolTypes: (e) => String(e.code),
  ownership: (e) => String(e.code),
  norms: (e) => String(e.id),
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function mergeObjects(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    out[k] = isPlainObject(v) && isPlainObject(base[k]) ? mergeObjects(base[k] as Record<string, unknown>, v) : v;
  }
  return out;
}

function mergeCoded(field: string, base: unknown, over: unknown[], key: (e: Record<string, unknown>) => string): unknown[] {
  const out = Array.isArray(base) ? [...base] : [];
  const index = new Map<string, number>();
  out.forEach((e, i) => isPlainObject(e) && index.set(key(e), i));
  over.forEach((e, i) => {
    if (!isPlainObject(e)) {
      throw new EmisDefinitionError("invalid-profile", `extendProfile: profile field ${field}.${i} must be an object`, { field: `${field}.${i}` });
    }
    const k = key(e);
    const at = index.get(k);
    if (e.remove === true) {
      if (at !== undefined) out[at] = undefined;
      return;
    }
    if (at === undefined) {
      index.set(k, out.length);
      out.push(e);
    } else out[at] = mergeObjects(out[at] as Record<string, unknown>, e);
  });
  return out.filter((e) => e !== undefined);
}

/**
 * Extends (or overrides) a base profile with a partial one, such as a user's JSON file,
 * and validates the result with `Profile.parse`.
 *
 * Merge rules:
 * - Scalars (`name`, `minCell`, `teacherBasis`...) override.
 * - Plain objects (`referenceDate`, `labels`, `aliases`) merge key by key; inside them
 *   the override's value wins (an alias list replaces that field's list).
 * - Arrays of coded entries merge by key: `hierarchies` by `id`, `units` by
 *   (`level`, `code`), `grades`, `schoolLevels`, `schoolTypes`, `ownership` by `code`,
 *   `norms` by `id`. A matching entry is deep-merged (give only the fields that change); a
 *   new key is appended; an entry with `remove: true` deletes the base entry.
 * - `sources` are appended (duplicates by title and url dropped); every other array
 *   (`entryAge`, `locationClasses`) replaces the base array whole.
 * - `extends`, when given, must equal the base's `id`; the result's `extends` is the base
 *   id and its `id` is the override's `id` (default: the base's).
 * The base is not mutated.
 * @param base the profile to extend (e.g. `profiles.bhutan`)
 * @param overrides partial profile (parsed JSON)
 * @returns a new, validated profile
 * @throws EmisDefinitionError `invalid-profile` naming the first invalid field (e.g.
 *   `norms.21.value`), or `profile-extends-mismatch`
 * @example
 * const p = extendProfile(bhutanProfile, { norms: [{ id: "pupil-teacher-ratio", value: 20 }] });
 * normFor(p, "pupil-teacher-ratio")?.value // 20 (source and bound kept from the base)
 */
export function extendProfile(base: Profile, overrides: ProfileOverrides): Profile {
  if (!isPlainObject(overrides)) {
    throw new EmisDefinitionError("invalid-profile", "extendProfile requires the overrides to be an object (a parsed JSON profile)", { field: "(root)" });
  }
  if (typeof overrides.extends === "string" && overrides.extends !== base.id) {
    throw new EmisDefinitionError(
      "profile-extends-mismatch",
      `extendProfile: the overrides extend "${overrides.extends}" but the base profile is "${base.id}"; pass that profile as the base`,
      { field: "extends", expected: base.id, received: overrides.extends },
    );
  }
  const out: Record<string, unknown> = { ...base };
  for (const [field, value] of Object.entries(overrides)) {
    if (value === undefined || field === "extends") continue;
    const current = (base as Record<string, unknown>)[field];
    const key = KEYS[field];
    if (key && Array.isArray(value)) out[field] = mergeCoded(field, current, value, key);
    else if (field === "sources" && Array.isArray(value) && Array.isArray(current)) {
      const seen = new Set(current.map((s) => `${(s as { title?: string }).title}\u0000${(s as { url?: string }).url}`));
      out[field] = [...current, ...value.filter((s) => isPlainObject(s) && !seen.has(`${s.title}\u0000${s.url}`))];
    } else if (isPlainObject(value) && isPlainObject(current)) out[field] = mergeObjects(current, value);
    else out[field] = value;
  }
  out.extends = base.id;
  return validateProfile(out, "extendProfile");
}
