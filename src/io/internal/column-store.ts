/**
 * Growable typed columns. Capacity is allocated ahead (zero-filled memory the OS maps
 * lazily, so untouched capacity costs address space, not RAM) and grown rarely and
 * steeply; finished columns are returned as views of the rows written, so the rows
 * are never copied once more at the end. Small columns with much spare capacity are
 * copied to their exact length instead (cheap, and it frees the spare memory).
 */

/**
 * Rows allocated up front (then 4K, 64K, 1M, 16M rows). Small on purpose: the first
 * growth then comes within the first rows, while the generated scanner still runs
 * unoptimised and learns that path; met first after the optimising compiler has
 * run (at 64K rows), it cost a deoptimisation and two more compiles, ~100 ms.
 */
export const FIRST_ROWS = 1 << 8;

/** Columns at most this big (bytes) are copied to exact length when they waste more than {@link WASTE_BYTES}. */
const COPY_MAX_BYTES = 16 << 20;
const WASTE_BYTES = 1 << 20;

/** Next capacity after `cap` rows: ×16 up to 16M rows (copies only at 64K and 1M rows), then ×2. */
export function nextCapacity(cap: number): number {
  return cap < 1 << 24 ? Math.max(1024, cap * 16) : cap * 2;
}

/** Allocate a column of `cap` rows, falling back to just over `need` rows when the address space is short. */
export function allocate<T extends Uint32Array | Float64Array>(make: (n: number) => T, cap: number, need: number): T {
  try {
    return make(cap);
  } catch (e) {
    if (!(e instanceof RangeError) || cap <= need + 1024) throw e;
    return make(need + Math.max(1024, Math.ceil(need / 4)));
  }
}

/** The first `n` rows of `col`: the column itself, a view, or (small and wasteful) an exact copy. */
export function fit<T extends Uint32Array | Float64Array>(col: T, n: number): T {
  if (col.length === n) return col;
  const bpe = col.BYTES_PER_ELEMENT;
  if ((col.length - n) * bpe > WASTE_BYTES && n * bpe <= COPY_MAX_BYTES) return col.slice(0, n) as T;
  return col.subarray(0, n) as T;
}
