import { EmisInputError } from "../models/errors";
import type { ResultRow, ResultTable } from "../models/result";

/** Options of {@link compareGroups}. */
export interface CompareGroupsOptions {
  /** The intersectional group, e.g. `{ location: "rural", sex: "female", disability: "yes" }`. */
  group: Record<string, string>;
  /** Its reference group on the same dimensions, e.g. `{ location: "urban", sex: "male", disability: "no" }`. */
  reference: Record<string, string>;
  /** Keep only this indicator; default every indicator of the table. */
  indicator?: string;
}

/** One indicator for an intersectional group beside its reference group. */
export interface GroupComparison {
  indicator: string;
  level: string;
  group: Record<string, string>;
  reference: Record<string, string>;
  groupValue: number | null;
  referenceValue: number | null;
  /** Records behind each value (the cell sizes); `null` when suppressed. */
  groupN: number | null;
  referenceN: number | null;
  /** group − reference in the indicator's unit (percentage points for percents); null when either is null. */
  gap: number | null;
  /** group ÷ reference (plain parity index); null when either is null or the reference is 0. */
  parity: number | null;
  /** Either row is suppressed: the comparison is withheld (values stay null). */
  suppressed: boolean;
}

/**
 * Intersectional comparison: an indicator for a group defined on several dimensions
 * at once (rural girls with disabilities) beside its reference group (urban boys
 * without), with both cell sizes, the gap (group − reference) and the plain parity
 * index (group ÷ reference). Reads a {@link ResultTable} from `disaggregate` whose
 * grouping sets include exactly the dimensions named (e.g. `by: ["location", "sex",
 * "disability"]`); it never recomputes, so suppressed cells stay hidden (a hidden side
 * gives nulls and `suppressed: true`).
 *
 * @param table rows from `disaggregate`
 * @param options the group, its reference and optionally one indicator
 * @returns one comparison per indicator found at that level
 * @throws EmisInputError `invalid-options` when group and reference name different
 *   dimensions; `missing-level` when the table has no level with exactly those dimensions
 * @example
 * const t = disaggregate(ds, ["pass-rate"], { by: ["location", "sex", "disability"] });
 * compareGroups(t, { group: { location: "rural", sex: "female", disability: "yes" },
 *   reference: { location: "urban", sex: "male", disability: "no" } });
 * // [{ indicator: "pass-rate", groupValue: 52.4, referenceValue: 71.0, groupN: 42, referenceN: 1310, gap: -18.6, parity: 0.738, ... }]
 */
export function compareGroups(table: ResultTable, options: CompareGroupsOptions): GroupComparison[] {
  const dims = Object.keys(options.group).sort();
  const refDims = Object.keys(options.reference).sort();
  if (dims.length === 0 || dims.join("+") !== refDims.join("+")) {
    throw new EmisInputError(
      "invalid-options",
      `compareGroups requires group and reference on the same dimensions (got ${dims.join(", ") || "none"} and ${refDims.join(", ") || "none"}); name each dimension in both`,
    );
  }
  const levelDims = (r: ResultRow) => (r.level === "total" ? [] : r.level.split("+")).sort().join("+");
  const rows = table.filter((r) => levelDims(r) === dims.join("+") && (!options.indicator || r.indicator === options.indicator));
  if (rows.length === 0) {
    throw new EmisInputError(
      "missing-level",
      `compareGroups found no rows at level ${dims.join("+")}${options.indicator ? ` for ${options.indicator}` : ""}; disaggregate by exactly these dimensions first`,
    );
  }
  const matches = (r: ResultRow, codes: Record<string, string>) => dims.every((d) => r[d] === codes[d]);
  const out: GroupComparison[] = [];
  for (const indicator of [...new Set(rows.map((r) => r.indicator))]) {
    const g = rows.find((r) => r.indicator === indicator && matches(r, options.group));
    const ref = rows.find((r) => r.indicator === indicator && matches(r, options.reference));
    const suppressed = Boolean(g?.suppressed || ref?.suppressed);
    const gv = suppressed ? null : (g?.value ?? null);
    const rv = suppressed ? null : (ref?.value ?? null);
    out.push({
      indicator,
      level: (g ?? ref ?? rows[0]).level,
      group: { ...options.group },
      reference: { ...options.reference },
      groupValue: gv,
      referenceValue: rv,
      groupN: suppressed ? null : (g?.n ?? 0),
      referenceN: suppressed ? null : (ref?.n ?? 0),
      gap: gv === null || rv === null ? null : gv - rv,
      parity: gv === null || rv === null || rv === 0 ? null : gv / rv,
      suppressed,
    });
  }
  return out;
}
