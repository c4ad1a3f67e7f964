import type { AdminUnit, Profile } from "../models/profile";
import { EmisInputError } from "../models/errors";
import { normaliseName } from "./internal/normalise-name";

/**
 * Finds the administrative unit a name refers to, joining on (name or variant, parent),
 * never on the name alone.
 *
 * Rule: names and variants match after lower-casing and dropping diacritics and
 * punctuation ("Wangdue_Phodrang" = "wangdue phodrang"); `parent` is the parent unit's
 * code, name or variant. The parent may be omitted only when every unit of that level
 * has the same parent (e.g. Bhutan's dzongkhags, all under `BT`). Bhutan has two
 * Gakiling gewogs (Haa, Sarpang) and two Norbugang (Pemagatshel, Samtse).
 * @returns the unit, or `undefined` when no unit matches
 * @throws EmisInputError `missing-parent` when the level needs a parent and none is given,
 *   `ambiguous-unit` when several units still match
 * @example resolveUnit(bhutanProfile, "gewog", "Gakiling", "Haa")?.code // "haa/gakiling"
 * @example resolveUnit(bhutanProfile, "dzongkhag", "Wangdi")?.code // "wangdue-phodrang"
 */
export function resolveUnit(profile: Profile, level: string, name: string, parent?: string): AdminUnit | undefined {
  const atLevel = profile.units.filter((u) => u.level === level);
  if (parent === undefined && new Set(atLevel.map((u) => u.parent)).size > 1) {
    throw new EmisInputError(
      "missing-parent",
      `resolveUnit: ${level} units are named within their parent; pass the parent unit for "${name}"`,
      { level, name },
    );
  }
  const key = normaliseName(name);
  const matches = (u: AdminUnit, k: string) =>
    normaliseName(u.code) === k || normaliseName(u.name) === k || (u.variants ?? []).some((v) => normaliseName(v) === k);
  let parentCodes: Set<string> | undefined;
  if (parent !== undefined) {
    const pk = normaliseName(parent);
    parentCodes = new Set(profile.units.filter((u) => matches(u, pk)).map((u) => u.code));
  }
  const hits = atLevel.filter((u) => matches(u, key) && (!parentCodes || (u.parent !== undefined && parentCodes.has(u.parent))));
  if (hits.length > 1) {
    throw new EmisInputError("ambiguous-unit", `resolveUnit: "${name}" matches ${hits.length} ${level} units (${hits.map((u) => u.code).join(", ")}); pass a more specific parent`, {
      level,
      name,
      parent,
      codes: hits.map((u) => u.code),
    });
  }
  return hits[0];
}
