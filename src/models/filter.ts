import { z } from "zod";

type Scalar = string | number;

/**
 * A filter over fact fields, as JSON (never a function, so definitions travel between
 * countries and compile to SQL): `{ eq: [field, value] }`, `{ ne: ... }`,
 * `{ in: [field, [values]] }`, comparisons `gt`/`ge`/`lt`/`le` on numeric fields,
 * `{ and: [...] }`, `{ or: [...] }`, `{ not: filter }`.
 */
export type Filter =
  | { eq: [string, Scalar] }
  | { ne: [string, Scalar] }
  | { in: [string, Scalar[]] }
  | { gt: [string, number] }
  | { ge: [string, number] }
  | { lt: [string, number] }
  | { le: [string, number] }
  | { and: Filter[] }
  | { or: Filter[] }
  | { not: Filter };

const ScalarSchema = z.union([z.string(), z.number()]);
const cmp = z.tuple([z.string(), z.number()]);

/** zod schema of {@link Filter}. */
export const Filter: z.ZodType<Filter> = z.lazy(() =>
  z.union([
    z.strictObject({ eq: z.tuple([z.string(), ScalarSchema]) }),
    z.strictObject({ ne: z.tuple([z.string(), ScalarSchema]) }),
    z.strictObject({ in: z.tuple([z.string(), z.array(ScalarSchema)]) }),
    z.strictObject({ gt: cmp }),
    z.strictObject({ ge: cmp }),
    z.strictObject({ lt: cmp }),
    z.strictObject({ le: cmp }),
    z.strictObject({ and: z.array(Filter) }),
    z.strictObject({ or: z.array(Filter) }),
    z.strictObject({ not: Filter }),
  ]),
);
