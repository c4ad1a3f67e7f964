import type { FieldSpec } from "./field-spec";
import type { Pending } from "./table-builder";

/**
 * The message of a rejected cell: what the field must be, what it got, and the fix.
 * @param f the cell's field
 * @param p the issue (`rule` of a `duplicate-id` ends with the first row)
 * @param decimalComma whether the read takes `3,5` as 3.5
 */
export function cellMessage(f: FieldSpec, p: Pending, decimalComma: boolean): string {
  if (p.code === "duplicate-id") {
    return `${f.name} ${JSON.stringify(p.value)} repeats the one in row ${p.rule.slice(p.rule.lastIndexOf(" ") + 1)}; remove or fix the duplicate`;
  }
  if (p.code === "required") return `${f.name} is empty but required; fill it in or make the field optional`;
  return `${f.name} must be ${p.rule}, got ${JSON.stringify(p.value)}; ${hint(f, p, decimalComma) ?? "fix the cell or the schema"}`;
}

/**
 * A likelier fix than "fix the cell" for two common slips, found by a user trial: a
 * decimal comma (`0,85`) in a number field read without `decimalComma`, and a code in
 * the wrong case (`Female`, `g1`): codes are exact.
 */
function hint(f: FieldSpec, p: Pending, decimalComma: boolean): string | undefined {
  if (typeof p.value !== "string") return undefined;
  if (p.code === "invalid-type" && f.kind === "number" && !decimalComma && /^\s*-?\d+,\d+\s*$/.test(p.value)) {
    return "for decimal commas (3,5), read the file with { decimalComma: true }";
  }
  if (p.code === "invalid-value" && f.allowed) {
    const folded = p.value.trim().toLowerCase();
    const match = f.allowed.find((a) => typeof a === "string" && a.toLowerCase() === folded);
    if (match !== undefined) return `did you mean ${JSON.stringify(match)}? Codes are exact: recode the column (or the profile's codes) before reading`;
  }
  return undefined;
}
