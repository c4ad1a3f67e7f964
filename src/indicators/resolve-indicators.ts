import { EmisDefinitionError } from "../models/errors";
import { IndicatorDefinition, type IndicatorDefinitionInput } from "../models/indicator";

/** A catalogue: a list of definitions (later ids override earlier) or a record by id. */
export type Catalogue = readonly IndicatorDefinitionInput[] | Readonly<Record<string, IndicatorDefinitionInput>>;

/**
 * Validates one definition; an invalid one throws `EmisDefinitionError` (code
 * `invalid-definition`) naming the field and the rule.
 * @example parseIndicator({ id: "x", kind: "ratio", ... }) // the definition with defaults
 */
export function parseIndicator(def: unknown): IndicatorDefinition {
  const r = IndicatorDefinition.safeParse(def);
  if (r.success) {
    checkSemantics(r.data);
    return r.data;
  }
  const id = typeof def === "object" && def !== null && "id" in def ? String((def as { id: unknown }).id) : "(no id)";
  const first = r.error.issues[0];
  const path = first.path.join(".") || "(root)";
  throw new EmisDefinitionError(
    "invalid-definition",
    `indicator ${id}: field ${path} ${first.message.toLowerCase()}`,
    { id, issues: r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
  );
}

/**
 * Rules across fields that the schema cannot state without transforms: a ratio with
 * a proportion, mean or ratio statistic needs a denominator (without one the value is
 * a scaled count: 400 "%" for 4 pupils); a count has none; a share-above/below-norm
 * summary needs a threshold or a norm.
 */
function checkSemantics(d: IndicatorDefinition): void {
  const fail = (field: string, rule: string) => {
    throw new EmisDefinitionError("invalid-definition", `indicator ${d.id}: field ${field} ${rule}`, { id: d.id, issues: [{ path: field, message: rule }] });
  };
  if (d.kind === "ratio") {
    if (d.statistic !== "count" && !d.denominator) fail("denominator", `is required for statistic "${d.statistic}" (use statistic "count" for a count)`);
    if (d.statistic === "count" && d.denominator) fail("statistic", `"count" takes no denominator (use "proportion", "mean" or "ratio")`);
  }
  if (d.kind === "distribution" && (d.summary === "share-above-norm" || d.summary === "share-below-norm") && d.threshold === undefined && !d.norm) {
    fail("threshold", `or norm is required for summary "${d.summary}"`);
  }
}

/**
 * Resolves ids (or inline definitions) against a catalogue. Unknown ids throw
 * `EmisDefinitionError` (code `unknown-indicator`) listing the ids available.
 */
export function resolveIndicators(ids: ReadonlyArray<string | IndicatorDefinitionInput>, catalogue: Catalogue): IndicatorDefinition[] {
  const byId = new Map<string, IndicatorDefinitionInput>();
  const list = Array.isArray(catalogue) ? catalogue : Object.values(catalogue);
  for (const d of list as IndicatorDefinitionInput[]) byId.set(d.id, d);
  return ids.map((x) => {
    if (typeof x !== "string") return parseIndicator(x);
    const def = byId.get(x);
    if (!def) {
      throw new EmisDefinitionError(
        "unknown-indicator",
        `indicator ${x} is not in the catalogue; available: ${[...byId.keys()].join(", ")}`,
        { id: x },
      );
    }
    return parseIndicator(def);
  });
}
