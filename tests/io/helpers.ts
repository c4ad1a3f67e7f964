import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rowAt, type ColumnTable } from "../../src/models/columns";

/** Bytes of a fixture under tests/fixtures/io. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}

/** Path of a fixture under tests/fixtures/io. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/io/${name}`, import.meta.url));
}

/** All rows of a table as plain objects. */
export function rows(t: ColumnTable): Record<string, string | number | null>[] {
  return Array.from({ length: t.length }, (_, i) => rowAt(t, i));
}
