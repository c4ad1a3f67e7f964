import type { ColumnTable } from "../models/columns";
import type { EmisIssue } from "../models/errors";

/** Field delimiter of a CSV file; `"auto"` picks the most frequent of `,` `;` tab in the header line. */
export type CsvDelimiter = "," | ";" | "\t" | "auto";

/** Progress of a read: data rows and bytes consumed so far. */
export interface ReadProgress {
  rows: number;
  bytes: number;
}

/** Options shared by every reader (`parseCsv`, `readCsv`, `readCsvChunks`, `readJson`). */
export interface ReadOptions {
  /** Label used in issues and messages (default `"input"`; file readers use the path). */
  file?: string;
  /** Field delimiter (default `"auto"`). CSV only. */
  delimiter?: CsvDelimiter;
  /** Read `3,5` as 3.5 in number fields (the comma is then the only decimal mark). Default false. */
  decimalComma?: boolean;
  /**
   * Accepted header names per schema field, besides the field name: `{ school_id: ["School
   * ID", "udise"] }`. Keys that name no field of the schema are ignored, so one map for
   * every entity (`profile.aliases`) can be passed to each reader.
   */
  aliases?: Record<string, string[]>;
  /** Throw one `EmisValidationError` (code `rows-rejected`) when any row is rejected. Default false. */
  strict?: boolean;
  /** Fields whose non-empty values must not repeat; a later row with a seen value is rejected (`duplicate-id`). */
  unique?: string[];
  /** Issues kept per issue code (all are counted). Default 1000. */
  maxIssuesPerRule?: number;
  /** Called after each input chunk and at the end. */
  onProgress?: (p: ReadProgress) => void;
}

/** Options of `readCsvChunks`. */
export interface ReadChunksOptions extends ReadOptions {
  /** Kept rows per chunk (default 1,000,000); the last chunk may be shorter. */
  chunkRows?: number;
}

/** Row counts of a read: `read = kept + rejected` always; `byRule` counts issues per issue code. */
export interface ReadCounts {
  /** Data rows read (blank lines are not rows); always `kept + rejected`. */
  read: number;
  kept: number;
  /** Rows rejected (a row with three bad cells is one row). */
  rejected: number;
  /** Issues per issue code: a row with three bad cells counts three here, one in `rejected`. */
  byRule: Record<string, number>;
}

/** What a reader returns: the kept rows as typed columns, the issues and the counts. */
export interface ReadResult {
  /** The `file` label. */
  file: string;
  /**
   * Kept rows; one column per schema field, named by the field. Large columns may be
   * views (`subarray`) of a longer buffer whose tail was never written (it costs
   * address space, not memory): `slice()` a column before transferring its `buffer`.
   */
  table: ColumnTable;
  /** The first `maxIssuesPerRule` issues of each code, in row order per code. */
  rejects: EmisIssue[];
  /**
   * The 1-based data row of every rejected row, in order (never capped). With it, the
   * kept row at index `i` of `table` is data row `i + 1` plus the rejected rows before
   * it; `createDataset` uses it to name rows of its own findings as the file numbers them.
   */
  rejectedRows: Int32Array;
  counts: ReadCounts;
  /** Source columns that match no schema field. */
  ignoredColumns: string[];
  /** The delimiter used (`""` for JSON). */
  delimiter: string;
}

/**
 * One chunk of `readCsvChunks`: the rows kept since the previous chunk. Code columns
 * of all chunks share the same growing `dictionary` arrays.
 */
export interface ReadChunk extends ReadResult {
  /** Data rows read before this chunk's first row (add to a local index for the 1-based row number minus one). */
  rowOffset: number;
}

/** The types of zod object schemas the readers take (anything with a zod v4 `shape`). */
export interface ObjectSchemaLike {
  shape: Record<string, unknown>;
}
