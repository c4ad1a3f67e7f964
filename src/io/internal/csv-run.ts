import { EmisInputError } from "../../models/errors";
import { compileChecks } from "../compile-checks";
import type { ObjectSchemaLike, ReadChunk, ReadOptions, ReadResult } from "../read-options";
import { byteChunks, SLICE_BYTES, type CsvSource } from "./byte-source";
import { CsvScanner } from "./csv-scanner";
import type { FieldSpec } from "./field-spec";
import { throwIfRejected } from "./strict";
import { TableBuilder } from "./table-builder";


/** Check the options every reader shares; returns the compiled fields. */
export function prepare(fn: string, schema: ObjectSchemaLike, options: ReadOptions): FieldSpec[] {
  if (options === null || typeof options !== "object") throw new EmisInputError("invalid-options", `${fn} options must be an object; pass {} or omit it`);
  const fields = compileChecks(schema).fields;
  for (const u of options.unique ?? []) {
    if (!fields.some((f) => f.name === u)) {
      throw new EmisInputError("unknown-field", `${fn}: options.unique names "${u}", which is not a schema field; use one of ${fields.map((f) => f.name).join(", ")}`);
    }
  }
  const m = options.maxIssuesPerRule;
  if (m !== undefined && !(Number.isInteger(m) && m >= 0)) {
    throw new EmisInputError("invalid-options", `${fn}: options.maxIssuesPerRule must be a whole number ≥ 0, got ${m}`);
  }
  const d = options.delimiter;
  if (d !== undefined && d !== "," && d !== ";" && d !== "\t" && d !== "auto") {
    throw new EmisInputError("invalid-options", `${fn}: options.delimiter must be ",", ";", "\\t" or "auto", got ${JSON.stringify(d)}`);
  }
  return fields;
}

/** Size of an input known before reading it (bytes), or 0. */
export function knownSize(input: unknown): number {
  return input instanceof Uint8Array ? input.length : 0;
}

/** One CSV read in progress: feed bytes, collect chunks, finish (`totalBytes`, when known, sizes the columns). */
export class CsvRun {
  readonly scanner: CsvScanner;
  readonly file: string;
  private emitted = 0;
  constructor(
    readonly fn: string,
    schema: ObjectSchemaLike,
    readonly options: ReadOptions,
    chunkRows = 0,
    totalBytes = 0,
  ) {
    const fields = prepare(fn, schema, options);
    this.file = options.file ?? "input";
    this.scanner = new CsvScanner(fn, this.file, fields, options, chunkRows, totalBytes);
  }

  /** Feed one chunk (big arrays are fed in slices) and report progress. */
  push(chunk: Uint8Array): void {
    if (!(chunk instanceof Uint8Array)) {
      throw new EmisInputError("invalid-input", `${this.fn} reads Uint8Array chunks, got ${typeof chunk}; pass bytes or a string`);
    }
    // a subclass (Node's Buffer) as a plain Uint8Array view: the scanner then meets one
    // kind of array, not Buffers from the source mixed with its own Uint8Arrays, which
    // deoptimised the generated scanner and left its byte reads polymorphic
    if (Object.getPrototypeOf(chunk) !== Uint8Array.prototype) chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let s = 0; s < chunk.length; s += SLICE_BYTES) {
      this.scanner.push(s === 0 && chunk.length <= SLICE_BYTES ? chunk : chunk.subarray(s, s + SLICE_BYTES));
      this.progress();
    }
  }

  private progress(): void {
    this.options.onProgress?.({ rows: this.scanner.builder?.read ?? 0, bytes: this.scanner.bytes });
  }

  /** End of input. */
  finish(): void {
    this.scanner.finish();
    this.progress();
  }

  private get builder(): TableBuilder {
    return this.scanner.builder as TableBuilder;
  }

  /** The whole result (after {@link finish}); throws in strict mode when rows were rejected. */
  result(): ReadResult {
    const b = this.builder;
    const piece = b.takePiece();
    b.finishInput();
    const { rejects, counts } = b.totals();
    if (this.options.strict) throwIfRejected(this.fn, this.file, rejects, counts);
    return { file: this.file, table: piece.table, rejects, rejectedRows: piece.rejectedRows, counts, ignoredColumns: this.scanner.ignoredColumns, delimiter: this.scanner.delimiter };
  }

  /**
   * Chunks completed so far; with `last`, also the rows left after {@link finish}.
   * In strict mode, only the chunks before the first rejected row are returned, with
   * the `rows-rejected` error to throw after them.
   */
  drain(last: boolean): { chunks: ReadChunk[]; error: unknown } {
    const b = this.scanner.builder;
    if (!b) return { chunks: [], error: undefined };
    if (last && (b.readSincePiece() > 0 || this.emitted === 0)) b.pieces.push(b.takePiece());
    if (last) b.finishInput();
    let pieces = b.pieces.splice(0);
    let error: unknown = undefined;
    if (this.options.strict) {
      const { rejects, counts } = b.totals();
      if (counts.rejected > 0) {
        const bad = pieces.findIndex((p) => p.counts.rejected > 0);
        if (bad >= 0) pieces = pieces.slice(0, bad);
        try {
          throwIfRejected(this.fn, this.file, rejects, counts);
        } catch (e) {
          error = e;
        }
      }
    }
    this.emitted += pieces.length;
    const chunks = pieces.map((p) => ({
      file: this.file,
      table: p.table,
      rejects: p.rejects,
      rejectedRows: p.rejectedRows,
      counts: p.counts,
      ignoredColumns: this.scanner.ignoredColumns,
      delimiter: this.scanner.delimiter,
      rowOffset: p.rowOffset,
    }));
    return { chunks, error };
  }
}

/** Encode a string input to UTF-8 bytes (other inputs pass through). */
export function toBytes(fn: string, input: string | Uint8Array): Uint8Array {
  if (typeof input === "string") return new TextEncoder().encode(input);
  if (input instanceof Uint8Array) return input;
  throw new EmisInputError("invalid-input", `${fn} reads a string or a Uint8Array, got ${input === null ? "null" : typeof input}; pass the file's text or bytes`);
}

/** `readCsv` under another name (`fn`, for messages), with the input size when known. */
export async function readAll(fn: string, input: CsvSource, schema: ObjectSchemaLike, options: ReadOptions, totalBytes: number): Promise<ReadResult> {
  const run = new CsvRun(fn, schema, options, 0, totalBytes);
  for await (const chunk of byteChunks(fn, input)) run.push(chunk);
  run.finish();
  return run.result();
}

/** `readCsvChunks` under another name (`fn`), with the input size when known; `chunkRows` already checked. */
export async function* readChunks(fn: string, input: CsvSource, schema: ObjectSchemaLike, options: ReadOptions, chunkRows: number, totalBytes: number): AsyncGenerator<ReadChunk> {
  const run = new CsvRun(fn, schema, options, chunkRows, totalBytes);
  for await (const bytes of byteChunks(fn, input)) {
    run.push(bytes);
    const { chunks, error } = run.drain(false);
    yield* chunks;
    if (error) throw error;
  }
  run.finish();
  const { chunks, error } = run.drain(true);
  yield* chunks;
  if (error) throw error;
}
