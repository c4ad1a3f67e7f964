import type { FieldSpec, NumberRule, TextRule } from "./field-spec";

interface CheckLike {
  _zod: { def: { check: string; minimum?: number; maximum?: number; length?: number; format?: string; pattern?: RegExp }; check?: (p: { value: unknown; issues: unknown[] }) => void };
}

/** Length in code points, as zod v4 counts string lengths. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

/** Compile the checks of a z.string into {@link TextRule}s. */
export function textRulesFor(field: string, checks: CheckLike[], fail: (field: string, what: string) => never): TextRule[] {
  const rules: TextRule[] = [];
  for (const c of checks) {
    const d = c._zod.def;
    if (d.check === "min_length") {
      const m = d.minimum as number;
      rules.push({ code: "too-small", rule: `at least ${m} characters`, test: (s) => codePointLength(s) >= m, lengthRange: [m, Infinity] });
    } else if (d.check === "max_length") {
      const m = d.maximum as number;
      rules.push({ code: "too-big", rule: `at most ${m} characters`, test: (s) => codePointLength(s) <= m, lengthRange: [0, m] });
    } else if (d.check === "length_equals") {
      const m = d.length as number;
      rules.push({ code: "invalid-length", rule: `exactly ${m} characters`, test: (s) => codePointLength(s) === m, lengthRange: [m, m] });
    } else if (d.check === "string_format" && typeof c._zod.check === "function") {
      // zod's own format check (regex, email, uuid, includes, ...) run once per distinct value
      const run = c._zod.check;
      const rule = d.format === "regex" && d.pattern ? `matching ${String(d.pattern)}` : `a valid ${d.format}`;
      rules.push({
        code: "invalid-format",
        rule,
        test: (s) => {
          const p = { value: s, issues: [] as unknown[] };
          run(p);
          return p.issues.length === 0;
        },
      });
    } else {
      fail(field, `the string check "${d.check}" is not supported (no refinements or transforms)`);
    }
  }
  return rules;
}

const OP_WORDS: Record<NumberRule["op"], string> = {
  min: "≥",
  gt: ">",
  max: "≤",
  lt: "<",
  int: "an integer",
  multipleOf: "a multiple of",
};

/** One number rule in words: "≥ 0", "an integer". */
export function describeNumberRule(r: NumberRule): string {
  return r.op === "int" ? OP_WORDS.int : `${OP_WORDS[r.op]} ${r.value}`;
}

/** All number rules in words, joined: "a number, an integer, ≥ 0". */
export function describeNumberRules(rules: NumberRule[]): string {
  const seen = new Set<string>();
  const parts = ["a number"];
  for (const r of rules) {
    if (r.op !== "int" && Math.abs(r.value) >= 9007199254740991) continue; // format ranges: noise in messages
    const w = describeNumberRule(r);
    if (!seen.has(w)) parts.push(w);
    seen.add(w);
  }
  return parts.join(", ");
}

/** zod's multipleOf test (float-safe remainder). */
function isMultiple(v: number, step: number): boolean {
  const ratio = v / step;
  const rounded = Math.round(ratio);
  const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
  return Math.abs(ratio - rounded) < tolerance;
}

/** Issue code for a failed number rule. */
export function numberRuleCode(r: NumberRule): string {
  if (r.op === "min" || r.op === "gt") return "too-small";
  if (r.op === "max" || r.op === "lt") return "too-big";
  if (r.op === "int") return "not-integer";
  return "not-multiple-of";
}

/**
 * Compile a field's number rules into one predicate returning the index of the first
 * failing rule, `-1` when the value passes, `-2` when it is not a finite number and
 * `-3` when it is not one of the allowed literals.
 */
export function compileNumberCheck(spec: FieldSpec): (v: number) => number {
  const rules = spec.numberRules;
  const allowed = spec.allowed ? new Set(spec.allowed as number[]) : null;
  let lo = -Infinity;
  let loI = -1;
  let hi = Infinity;
  let hiI = -1;
  let loExcl = false;
  let hiExcl = false;
  let intI = -1;
  const multiples: number[] = [];
  const multiplesI: number[] = [];
  rules.forEach((r, i) => {
    if ((r.op === "min" || r.op === "gt") && (r.value > lo || (r.value === lo && r.op === "gt"))) {
      lo = r.value;
      loI = i;
      loExcl = r.op === "gt";
    } else if ((r.op === "max" || r.op === "lt") && (r.value < hi || (r.value === hi && r.op === "lt"))) {
      hi = r.value;
      hiI = i;
      hiExcl = r.op === "lt";
    } else if (r.op === "int" && intI < 0) intI = i;
    else if (r.op === "multipleOf") {
      multiples.push(r.value);
      multiplesI.push(i);
    }
  });
  return (v: number): number => {
    if (v - v !== 0) return -2; // NaN or ±Infinity
    if (allowed !== null && !allowed.has(v)) return -3;
    if (intI >= 0 && Math.floor(v) !== v) return intI;
    if (v < lo || (loExcl && v === lo)) return loI;
    if (v > hi || (hiExcl && v === hi)) return hiI;
    for (let k = 0; k < multiples.length; k++) if (!isMultiple(v, multiples[k])) return multiplesI[k];
    return -1;
  };
}

/** Check one text value of a code field: `null` when it passes, else the failing rule. */
export function checkText(spec: FieldSpec, s: string): { code: string; rule: string } | null {
  if (spec.allowed !== null) {
    return spec.allowed.includes(s) ? null : { code: "invalid-value", rule: spec.rule };
  }
  for (const r of spec.textRules) if (!r.test(s)) return { code: r.code, rule: r.rule };
  return null;
}
