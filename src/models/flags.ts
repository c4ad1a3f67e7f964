/**
 * Machine-readable reasons attached to results. One documented union for the whole
 * library: a value that is `null` always carries at least one flag saying why.
 *
 * - `zero-denominator`: the denominator sums to 0; value is null.
 * - `suppressed`: hidden by disclosure control (primary or complementary).
 * - `suppressed-complementary`: hidden so that a primary suppression cannot be recovered.
 * - `below-min-n`: fewer records than the indicator's `minN`; value kept, read with care.
 * - `unknown-excluded`: records with an unknown outcome were left out of both parts.
 * - `empty-group`: the group has no records.
 * - `exceeds-100`: a rate that should not pass 100 (NER, NIR) does: inconsistent sources.
 * - `negative-rate`: a derived rate (dropout, promotion) is negative: transfers or data error.
 * - `no-interval`: no sampling interval applies (census ratio such as PTR).
 * - `undefined-measure`: the summary is mathematically undefined for these inputs.
 * - `single-unit`: a dispersion over one unit.
 * - `zero-mean`: mean of the distribution is 0.
 * - `margin-mismatch`: a published margin differs from the sum of its parts.
 * - `not-computable`: the data cannot support this figure (e.g. no teachers by level).
 * - `interval-withheld`: a design-based interval left out because disclosure control hid
 *   a cell of its indicator's family (its standard error could narrow the hidden count);
 *   value, numerator, denominator and n are kept.
 * - `audit-incomplete`: disclosure control could not check this row's grouping set
 *   against another set of the call that cuts across it (past 50,000 intersections) and
 *   kept only their common total; a hidden cell of the family may be recoverable from
 *   the two sets. Figures are kept; publish such a pair with care, or split the call.
 */
export const FLAGS = [
  "zero-denominator",
  "suppressed",
  "suppressed-complementary",
  "below-min-n",
  "unknown-excluded",
  "empty-group",
  "exceeds-100",
  "negative-rate",
  "no-interval",
  "undefined-measure",
  "single-unit",
  "zero-mean",
  "margin-mismatch",
  "not-computable",
  "interval-withheld",
  "audit-incomplete",
] as const;

/** One result flag; see {@link FLAGS} for the meaning of each. */
export type Flag = (typeof FLAGS)[number];
