/**
 * Compensated (Neumaier) sum: exact to the last bit for sums of counts and stable
 * for long sums of mixed-magnitude floats, where a naive loop drifts.
 * Missing values (`NaN`) are not allowed here: callers decide the missing-data rule.
 * @example stableSum([1e100, 1, -1e100]) // 1
 */
export function stableSum(values: ArrayLike<number>): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) c += sum - t + v;
    else c += v - t + sum;
    sum = t;
  }
  return sum + c;
}
