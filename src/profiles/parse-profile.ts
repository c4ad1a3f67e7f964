import type { Profile } from "../models/profile";
import { EmisDefinitionError } from "../models/errors";
import { validateProfile } from "./internal/validate";
import { extendProfile, type ProfileOverrides } from "./extend-profile";

/** Options of {@link parseProfile}. */
export interface ParseProfileOptions {
  /** Profiles an `extends` id may name, e.g. the `profiles` object. */
  bases?: Record<string, Profile>;
}

/**
 * Parses a profile from JSON text or an already-parsed object.
 *
 * Rule: a profile with `extends` is laid over the named base from `options.bases` by
 * {@link extendProfile}; otherwise it must be a complete profile and is validated with
 * `Profile.parse`.
 * @param json JSON text or an object
 * @param options `{ bases }`, the profiles `extends` may name
 * @returns a validated profile
 * @throws EmisDefinitionError `invalid-json` (text that is not JSON), `unknown-profile`
 *   (`extends` names no base) or `invalid-profile` naming the field
 * @example
 * parseProfile('{"extends":"bhutan","minCell":10}', { bases: profiles }).minCell // 10
 */
export function parseProfile(json: string | unknown, options: ParseProfileOptions = {}): Profile {
  let value: unknown = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (e) {
      throw new EmisDefinitionError("invalid-json", `parseProfile: the profile is not valid JSON (${(e as Error).message})`, {});
    }
  }
  const ext = typeof value === "object" && value !== null ? (value as { extends?: unknown }).extends : undefined;
  if (typeof ext === "string") {
    const base = options.bases?.[ext];
    if (!base) {
      throw new EmisDefinitionError(
        "unknown-profile",
        `parseProfile: the profile extends "${ext}", which is not among options.bases (${Object.keys(options.bases ?? {}).join(", ") || "none given"})`,
        { field: "extends", value: ext },
      );
    }
    return extendProfile(base, value as ProfileOverrides);
  }
  return validateProfile(value, "parseProfile");
}
