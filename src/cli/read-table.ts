import { existsSync, readFileSync } from "node:fs";
import { EmisInputError } from "../models/errors";
import { gunzipSync } from "node:zlib";
import { parseCsv } from "../io/parse-csv";
import type { ObjectSchemaLike, ReadOptions, ReadResult } from "../io/read-options";

/** Reads a CSV file (or `.csv.gz`) with the given schema; the file label is the path. */
export function readTable(path: string, schema: ObjectSchemaLike, options: ReadOptions = {}): ReadResult {
  if (!existsSync(path)) {
    throw new EmisInputError("missing-file", `cannot read ${path}: no such file; check the --seeds or --data folder`, { file: path });
  }
  const raw = readFileSync(path);
  const bytes = path.endsWith(".gz") ? gunzipSync(raw) : raw;
  // A profile's aliases cover every entity: pass on those of this schema's fields.
  const aliases = options.aliases ? Object.fromEntries(Object.entries(options.aliases).filter(([k]) => k in schema.shape)) : undefined;
  return parseCsv(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), schema, { file: path, ...options, aliases });
}
