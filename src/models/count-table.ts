import { z } from "zod";

/**
 * Declares an aggregate table (published counts) as facts: which columns are
 * dimensions, which are additive measures, and which codes are margins.
 *
 * `marginCodes[dim]` is either a list of codes each equal to the sum of all the
 * non-margin codes of that dimension (India's state `India`, management `all`, sex
 * `total`), or a record mapping a margin code to the codes it sums (level
 * `elementary` = `primary` + `upper_primary`). Margins are never summed with their
 * parts: they are reconciled against them.
 */
export const CountTableSpec = z.object({
  name: z.string().min(1),
  dimensions: z.array(z.string().min(1)).min(1),
  measures: z.array(z.string().min(1)).min(1),
  marginCodes: z
    .record(z.string(), z.union([z.array(z.string()), z.record(z.string(), z.array(z.string()))]))
    .default({}),
  /** Free-text provenance: publisher, table, URL. */
  source: z.string().optional(),
});
export type CountTableSpec = z.infer<typeof CountTableSpec>;
