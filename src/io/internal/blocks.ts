/** Rows per column block: columns grow block by block and are joined once at the end. */
export const BLOCK_BITS = 16;
export const BLOCK = 1 << BLOCK_BITS;
export const BLOCK_MASK = BLOCK - 1;

/** Copy rows `start..end` of a block list (whose first block holds row `start & ~BLOCK_MASK`) into `out`. */
export function concatBlocks<T extends Uint32Array | Float64Array>(blocks: T[], start: number, end: number, out: T): T {
  let o = 0;
  let row = start;
  let b = 0;
  while (row < end) {
    const off = row & BLOCK_MASK;
    const take = Math.min(BLOCK - off, end - row);
    out.set(blocks[b].subarray(off, off + take), o);
    o += take;
    row += take;
    b++;
  }
  return out;
}
