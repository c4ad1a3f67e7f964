import { EmisDefinitionError } from "../models/errors";
import type { FieldSpec, NumberRule, TextRule } from "./internal/field-spec";
import { describeNumberRules, textRulesFor } from "./internal/field-rules";

export type { FieldSpec, FieldKind, NumberRule, TextRule } from "./internal/field-spec";

/** The checks of a whole object schema, one {@link FieldSpec} per field, in schema order. */
export interface CompiledChecks {
  fields: FieldSpec[];
}

/* Minimal view of zod v4 internals: `schema._zod.def`. */
interface ZodDef {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef; check: (p: { value: unknown; issues: unknown[] }) => void } }>;
  innerType?: ZodLike;
  options?: ZodLike[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  defaultValue?: unknown;
  coerce?: boolean;
  shape?: Record<string, ZodLike>;
  check?: string;
  format?: string;
}
interface CheckDef {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
  format?: string;
  pattern?: RegExp;
}
interface ZodLike {
  _zod: { def: ZodDef };
}

const FORMAT_RANGES: Record<string, [number, number, boolean]> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, true],
  int32: [-2147483648, 2147483647, true],
  uint32: [0, 4294967295, true],
  float32: [-3.4028234663852886e38, 3.4028234663852886e38, false],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE, false],
};

function fail(field: string, what: string): never {
  throw new EmisDefinitionError(
    "unsupported-schema",
    `compileChecks cannot read field "${field}": ${what}. Use z.string, z.number, z.boolean, z.enum, z.literal or a union of enums/literals, optionally wrapped in optional, nullable or default`,
    { field },
  );
}

function literalValues(field: string, node: ZodLike): unknown[] {
  const def = node._zod.def;
  if (def.type === "enum") return Object.values(def.entries ?? {});
  if (def.type === "literal") return [...(def.values ?? [])];
  if (def.type === "union") return (def.options ?? []).flatMap((o) => literalValues(field, o));
  return fail(field, `a union may only hold enums and literals, found z.${def.type}`);
}

function numberRules(field: string, def: ZodDef): NumberRule[] {
  const rules: NumberRule[] = [];
  const checks = [...(def.check ? [{ _zod: { def: def as unknown as CheckDef } }] : []), ...(def.checks ?? [])];
  for (const c of checks) {
    const d = c._zod.def;
    if (d.check === "greater_than") rules.push({ op: d.inclusive ? "min" : "gt", value: d.value as number });
    else if (d.check === "less_than") rules.push({ op: d.inclusive ? "max" : "lt", value: d.value as number });
    else if (d.check === "multiple_of") rules.push({ op: "multipleOf", value: d.value as number });
    else if (d.check === "number_format") {
      const r = FORMAT_RANGES[d.format ?? "float64"];
      if (!r) fail(field, `number format "${d.format}" is not supported`);
      if (r[2]) rules.push({ op: "int", value: 0 });
      rules.push({ op: "min", value: r[0] }, { op: "max", value: r[1] });
    } else fail(field, `the number check "${d.check}" is not supported (no refinements or transforms)`);
  }
  return rules;
}

/**
 * Compile the checks of a zod v4 object schema into column checkers for the readers.
 *
 * Introspects `schema.shape` (never calls `parse`): each field becomes a `code` column
 * (z.string, z.enum, string literals and unions of them), a `number` column (z.number,
 * z.int, z.coerce.number, number literals) or a `boolean` column (z.boolean, boolean
 * literals; stored as a code column with dictionary `["false", "true"]`). Supported
 * checks: string min/max/exact length (in code points, as zod counts) and string
 * formats (regex, email, uuid, ...: zod's own format check is run once per distinct
 * value); number min/max (inclusive or exclusive), int/safeint/int32/uint32/float32,
 * multipleOf; numbers are always finite (zod v4 rejects Infinity). Wrappers:
 * `optional` and `default` make the column optional and an empty cell acceptable;
 * `nullable` makes an empty cell acceptable (the column must still be present).
 *
 * @param schema a `z.object({...})` (anything with a `shape` of zod v4 schemas)
 * @returns one {@link FieldSpec} per field, in schema order
 * @throws EmisDefinitionError (`unsupported-schema`) naming the field, for any other
 *   zod type, a refinement or transform, or a union mixing text and number literals
 * @example
 * compileChecks(z.object({ sex: z.enum(["f", "m"]), age: z.int().min(3).optional() })).fields
 *   .map((f) => [f.name, f.kind, f.required]);
 * // [["sex", "code", true], ["age", "number", false]]
 */
export function compileChecks(schema: { shape: Record<string, unknown> }): CompiledChecks {
  if (!schema || typeof schema !== "object" || !schema.shape || typeof schema.shape !== "object") {
    throw new EmisDefinitionError("unsupported-schema", "compileChecks requires a z.object schema; pass z.object({...})");
  }
  const fields: FieldSpec[] = [];
  for (const [name, raw] of Object.entries(schema.shape)) {
    let node = raw as ZodLike;
    if (!node || !node._zod || !node._zod.def) fail(name, "not a zod v4 schema");
    let optional = false;
    let nullable = false;
    let hasDefault = false;
    let defaultValue: unknown = undefined;
    for (;;) {
      const t = node._zod.def.type;
      if (t === "optional") optional = true;
      else if (t === "nullable") nullable = true;
      else if (t === "default") {
        if (!hasDefault) {
          hasDefault = true;
          defaultValue = node._zod.def.defaultValue;
        }
      } else break;
      node = node._zod.def.innerType as ZodLike;
    }
    const def = node._zod.def;
    const spec: FieldSpec = {
      name,
      kind: "code",
      required: !optional && !hasDefault,
      emptyOk: optional || nullable || hasDefault,
      defaultValue: hasDefault && defaultValue !== null ? (defaultValue as string | number | boolean) : undefined,
      allowed: null,
      textRules: [],
      numberRules: [],
      rule: "",
    };
    if (def.type === "string") {
      spec.textRules = textRulesFor(name, def.checks ?? [], fail);
    } else if (def.type === "number") {
      spec.kind = "number";
      spec.numberRules = numberRules(name, def);
    } else if (def.type === "boolean") {
      if (def.coerce) fail(name, "z.coerce.boolean reads \"false\" as true; use z.boolean(), which reads true/false/yes/no/1/0");
      spec.kind = "boolean";
    } else if (def.type === "enum" || def.type === "literal" || def.type === "union") {
      const values = literalValues(name, node);
      const types = new Set(values.map((v) => typeof v));
      if (types.size !== 1) fail(name, "a union mixes text, number or boolean values; use one kind");
      const t = [...types][0];
      if (t === "number") {
        spec.kind = "number";
        spec.allowed = values as number[];
      } else if (t === "boolean") {
        spec.kind = "boolean";
        spec.allowed = values as boolean[];
      } else if (t === "string") {
        spec.allowed = values as string[];
      } else fail(name, `literal values of type ${t} are not supported`);
    } else {
      fail(name, `z.${def.type} is not supported`);
    }
    spec.rule = describeField(spec);
    fields.push(spec);
  }
  return { fields };
}

function describeField(f: FieldSpec): string {
  if (f.allowed) return `one of ${f.allowed.join(", ")}`;
  if (f.kind === "boolean") return "true/false, yes/no or 1/0";
  if (f.kind === "number") return describeNumberRules(f.numberRules);
  return f.textRules.length ? f.textRules.map((r: TextRule) => r.rule).join(", ") : "text";
}
