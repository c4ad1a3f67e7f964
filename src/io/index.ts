export { parseCsv } from "./parse-csv";
export { compileChecks } from "./compile-checks";
export type { CompiledChecks, FieldSpec, FieldKind, NumberRule, TextRule } from "./compile-checks";
export type {
  CsvDelimiter,
  ObjectSchemaLike,
  ReadChunk,
  ReadChunksOptions,
  ReadCounts,
  ReadOptions,
  ReadProgress,
  ReadResult,
} from "./read-options";
export { readCsv } from "./read-csv";
export type { CsvSource } from "./read-csv";
export { readCsvChunks } from "./read-csv-chunks";
export { readJson } from "./read-json";
