import { EmisDefinitionError } from "../models/errors";
import type { IndicatorDefinition, IndicatorDefinitionInput } from "../models/indicator";
import { parseIndicator, type Catalogue } from "./resolve-indicators";

/** Options of {@link loadCatalogue}. */
export interface LoadCatalogueOptions {
  /** Definitions the JSON adds to or overrides (default none: the JSON alone). */
  base?: Catalogue;
}

/**
 * Loads indicator definitions from JSON (text or parsed): an array of definitions, or
 * `{ "indicators": [...] }`. An entry with a new id is added; an entry with an id of
 * `base` replaces it; an entry with `"extends": "<id>"` starts from that definition
 * (in `base` or earlier in the file) and overrides the fields it gives (objects such as
 * `numerator` are replaced whole, not merged). Every result is validated; an invalid
 * entry throws `EmisDefinitionError` (code `invalid-definition`) naming the entry, its
 * id and the field.
 * @returns the merged catalogue: base definitions (overridden in place) then new ones
 * @throws EmisDefinitionError `invalid-json`, `invalid-definition`, `unknown-indicator` (extends an id not found)
 * @example loadCatalogue('[{ "extends": "pupil-teacher-ratio", "id": "ptr-fte", "denominator": { "fact": "teachers", "measure": "fte" } }]', { base: catalogue })
 * // [...catalogue, { id: "ptr-fte", kind: "ratio", ... }]
 */
export function loadCatalogue(json: string | unknown, options: LoadCatalogueOptions = {}): IndicatorDefinition[] {
  let data = json;
  if (typeof json === "string") {
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw new EmisDefinitionError("invalid-json", `loadCatalogue: the catalogue is not valid JSON (${(e as Error).message})`);
    }
  }
  const entries = Array.isArray(data) ? data : data && typeof data === "object" && Array.isArray((data as { indicators?: unknown }).indicators) ? (data as { indicators: unknown[] }).indicators : null;
  if (!entries) throw new EmisDefinitionError("invalid-definition", 'loadCatalogue: expected an array of definitions or { "indicators": [...] }');
  const base = options.base ? (Array.isArray(options.base) ? options.base : Object.values(options.base)) : [];
  const out = new Map<string, IndicatorDefinitionInput | IndicatorDefinition>();
  for (const d of base as IndicatorDefinitionInput[]) out.set(d.id, d);
  entries.forEach((entry, i) => {
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) {
      throw new EmisDefinitionError("invalid-definition", `loadCatalogue: entry ${i} is not an object`, { entry: i });
    }
    const { extends: parent, ...fields } = entry as Record<string, unknown>;
    let merged: Record<string, unknown> = fields;
    if (parent !== undefined) {
      const from = out.get(String(parent));
      if (!from) {
        throw new EmisDefinitionError("unknown-indicator", `loadCatalogue: entry ${i} extends ${String(parent)}, which is not in the base catalogue or earlier in the file`, {
          entry: i,
          id: String(parent),
        });
      }
      merged = { ...(from as Record<string, unknown>), ...fields };
    }
    try {
      const def = parseIndicator(merged);
      out.set(def.id, def);
    } catch (e) {
      const err = e as EmisDefinitionError;
      throw new EmisDefinitionError(err.code, `loadCatalogue: entry ${i}: ${err.message}`, { entry: i, ...(err.details as object) });
    }
  });
  return [...out.values()].map((d) => parseIndicator(d));
}
