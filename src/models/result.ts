import { z } from "zod";
import { FLAGS, type Flag } from "./flags";

/** Schema of one flag (see `FLAGS`). */
export const FlagSchema = z.enum(FLAGS);

/**
 * One row of a {@link ResultTable}: one indicator for one group at one level.
 * Dimension columns (e.g. `dzongkhag`, `sex`) sit beside these fields; a dimension
 * rolled up at this level is `null`. `value` is in the indicator's unit; it is `null`
 * (never NaN, Infinity or 0) when undefined or suppressed, and `flags` says why.
 */
export const ResultRowFields = z.object({
    indicator: z.string(),
    /** Names of the dimensions grouped at this level joined by `+`; `total` for none. */
    level: z.string(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    value: z.number().nullable(),
    /**
     * Records behind the value: the rows of the denominator's fact selected by its
     * filter and with a known outcome (pupils who sat, for a pass rate; teaching staff,
     * for a PTR); rows of published counts for aggregate tables; units (schools) for a
     * distribution.
     */
    n: z.number().nullable(),
    /**
     * Records left out because their outcome was unknown. Under disclosure control it
     * is published only for the national total and when at least the minimum cell
     * size; otherwise null (the flag `unknown-excluded` still says some were left out).
     */
    nExcluded: z.number().nullable(),
    ciLow: z.number().nullable(),
    ciHigh: z.number().nullable(),
    suppressed: z.boolean(),
    flags: z.array(FlagSchema),
});

/**
 * Names a dimension may not take: the fixed fields of every result row (a dimension
 * column of that name would overwrite the figure) and `__proto__` (not an own key of a
 * plain object).
 */
export const RESERVED_DIMENSIONS: readonly string[] = [...Object.keys(ResultRowFields.shape), "__proto__"];

/** Schema of a row: the fixed fields plus dimension columns (`string`, or `null` when rolled up). */
export const ResultRow = ResultRowFields.catchall(z.union([z.string(), z.null()]));

/**
 * One result row: fixed fields plus dimension columns (`string`, or `null` when rolled
 * up). The index signature is widened so the fixed fields fit it.
 */
export type ResultRow = z.infer<typeof ResultRowFields> & {
  [dimension: string]: string | number | boolean | null | Flag[];
};

/** Tidy result: one row per indicator, level and group. */
export type ResultTable = ResultRow[];
