/**
 * How a table's rows are named in issues: the file label and, for a reader's result,
 * the data row of each kept row. A reader's table holds only its kept rows, so after two
 * rejected rows, the fourth kept row is data row 6: `row` adds the rejected rows before
 * it (`ReadResult.rejectedRows`), and findings name rows as the file numbers them.
 */
export interface RowSource {
  readonly file: string;
  /** The 1-based data row of the kept row at 0-based index `i`. */
  row(i: number): number;
}

/**
 * A table's rows named by `file` and, when given, its reader's rejected rows (sorted,
 * 1-based data rows) and the data rows read before its first row (`ReadChunk.rowOffset`:
 * a chunk's table starts at 0, its rejected rows are the file's).
 */
export function rowSource(file: string, rejected?: Int32Array | null, offset = 0): RowSource {
  if (!rejected || rejected.length === 0) return { file, row: (i) => offset + i + 1 };
  return {
    file,
    row(i) {
      // the kept row i is data row offset + i + 1 + j, j = rejected rows before it: the
      // smallest j with rejected[j] > offset + i + 1 + j (rejected[j] - j never
      // decreases, so bisect)
      let lo = 0;
      let hi = rejected.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (rejected[mid] > offset + i + 1 + mid) hi = mid;
        else lo = mid + 1;
      }
      return offset + i + 1 + lo;
    },
  };
}
