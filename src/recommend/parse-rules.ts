import { EmisDefinitionError } from "../models/errors";
import { RecommendationRule, RulePack } from "../models/recommendation-rule";
import { COMMON_TEMPLATE_FIELDS, TEMPLATE_FIELDS } from "./template-fields";

function fail(field: string, message: string): never {
  throw new EmisDefinitionError("invalid-rule", `recommendation rule: field ${field} ${message}`, { field });
}

/**
 * Validates recommendation rules given as a rule pack, a list of packs, or a list of
 * rules (e.g. parsed from JSON). An invalid rule throws `EmisDefinitionError` (code
 * `invalid-rule`) naming the field, e.g. `rules.2.when.indicator`: schema errors (zod),
 * a `{{placeholder}}` in `text` or a name in `evidence` that the condition does not
 * offer (`TEMPLATE_FIELDS`), a threshold with neither `value` nor `norm`, a parity band
 * with lower > upper, and a rule id used twice.
 * @param input a `RulePack`, an array of packs, or an array of rules
 * @returns the rules with defaults filled, in the order given
 * @throws EmisDefinitionError `invalid-rule`
 * @example parseRules({ id: "mine", name: "Mine", rules: [rule] })[0].minN // 30
 */
export function parseRules(input: unknown): RecommendationRule[] {
  const packs: Array<{ prefix: string; rules: unknown[] }> = [];
  const asPack = (x: unknown, prefix: string) => {
    const r = RulePack.safeParse(x);
    if (!r.success) {
      const i = r.error.issues[0];
      fail(`${prefix}${i.path.join(".") || "(root)"}`, i.message.toLowerCase());
    }
    packs.push({ prefix: `${prefix}rules.`, rules: (x as { rules: unknown[] }).rules });
  };
  if (Array.isArray(input)) {
    if (input.every((x) => typeof x === "object" && x !== null && "rules" in x)) input.forEach((x, k) => asPack(x, `${k}.`));
    else packs.push({ prefix: "", rules: input });
  } else asPack(input, "");
  const out: RecommendationRule[] = [];
  const seen = new Map<string, string>();
  for (const { prefix, rules } of packs) {
    rules.forEach((raw, k) => {
      const at = `${prefix}${k}`;
      const r = RecommendationRule.safeParse(raw);
      if (!r.success) {
        const i = r.error.issues[0];
        fail(`${at}.${i.path.join(".")}`, i.message.toLowerCase());
      }
      const rule = r.data;
      const allowed = new Set([...(TEMPLATE_FIELDS[rule.when.kind] ?? []), ...COMMON_TEMPLATE_FIELDS]);
      for (const m of rule.text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
        if (!allowed.has(m[1])) fail(`${at}.text`, `uses {{${m[1]}}}, which a ${rule.when.kind} condition does not offer (${[...allowed].join(", ")})`);
      }
      rule.evidence.forEach((e, j) => {
        if (!allowed.has(e)) fail(`${at}.evidence.${j}`, `names ${e}, which a ${rule.when.kind} condition does not offer (${[...allowed].join(", ")})`);
      });
      [rule.when, ...rule.and].forEach((c, j) => {
        const path = j === 0 ? `${at}.when` : `${at}.and.${j - 1}`;
        if (c.kind === "threshold" && c.value === undefined && c.norm === undefined) fail(`${path}.value`, "or norm is required for a threshold");
        if (c.kind === "parity" && c.lower > c.upper) fail(`${path}.lower`, `must not exceed upper (${c.lower} > ${c.upper})`);
      });
      if (seen.has(rule.id)) fail(`${at}.id`, `repeats the rule id ${rule.id} (also at ${seen.get(rule.id)})`);
      seen.set(rule.id, at);
      out.push(rule);
    });
  }
  return out;
}
