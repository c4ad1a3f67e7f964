import { MISSING_CODE, type CodeColumn, type ColumnTable } from "../../models/columns";
import type { EmisIssue } from "../../models/errors";
import { numberGetter, stringGetter } from "./column-access";
import { HASH_SEED } from "../../io/internal/hash-seed";
import type { RowSource } from "./row-source";

/** Largest code × year table (entries, 4 bytes each) kept as a flat array; beyond it a Map. */
const FLAT_MAX = 1 << 26;

/**
 * Marks the first occurrence of each id (with `byYear`, of each id and school year:
 * a pupil appears once per year) as kept; later ones are duplicates, reported with the
 * row of the first (rows named by `source`: 1-based data rows, as readers number them). A missing id
 * is kept (the reader's schema check already rejects required ids). Years compare as
 * numbers, a missing year being a year of its own.
 *
 * An id in a code column is compared by its code, not its text (code columns hold
 * distinct values: see `CodeColumn`), so a file of 10M pupil ids is checked without
 * building 10M strings; only the duplicates reported are decoded.
 */
export function dedupe(
  t: ColumnTable,
  column: string,
  source: RowSource,
  issues: EmisIssue[],
  byYear = false,
  defaultYear?: number,
): { keep: Uint8Array; duplicates: number } {
  const n = t.length;
  const keep = new Uint8Array(n);
  const col = t.columns[column];
  const years = byYear ? yearIndex(t, defaultYear) : { index: new Uint32Array(n), count: 1 };
  let duplicates = 0;
  // made on the first duplicate: reading a code column's dictionary decodes it
  let idText: ((i: number) => string | null) | null = null;
  const report = (i: number, prev: number) => {
    duplicates++;
    if (duplicates > 1000) return;
    idText ??= stringGetter(t, column);
    const id = idText(i);
    issues.push({
      code: "duplicate-id",
      file: source.file,
      row: source.row(i),
      column,
      rule: `unique ${column}`,
      value: id,
      message: `${source.file} row ${source.row(i)}: ${column} ${id} repeats row ${source.row(prev)}; the later row is left out — remove or renumber it`,
    });
  };
  if (col?.kind === "code" && col.codes.length >= n && !repeatsText(col)) {
    const codes = col.codes;
    const yi = years.index;
    const Y = years.count;
    // first row + 1 of each (code, year); 0: not seen. Codes are dense from 0.
    let maxCode = 0;
    for (let i = 0; i < n; i++) if (codes[i] !== MISSING_CODE && codes[i] > maxCode) maxCode = codes[i];
    const flat = (maxCode + 1) * Y <= FLAT_MAX ? new Int32Array((maxCode + 1) * Y) : null;
    const map = flat ? null : new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      if (c === MISSING_CODE) {
        keep[i] = 1;
        continue;
      }
      const key = c * Y + yi[i];
      const prev = flat ? flat[key] - 1 : (map!.get(key) ?? -1);
      if (prev < 0) {
        if (flat) flat[key] = i + 1;
        else map!.set(key, i);
        keep[i] = 1;
      } else report(i, prev);
    }
    return { keep, duplicates };
  }
  // ids in a number column, or a code column whose dictionary repeats a text: compared as text
  const first = new Map<string, number>();
  const textAt = stringGetter(t, column);
  for (let i = 0; i < n; i++) {
    const id = textAt(i);
    if (id === null) {
      keep[i] = 1;
      continue;
    }
    const key = `${id}\u0000${years.index[i]}`;
    const prev = first.get(key);
    if (prev === undefined) {
      first.set(key, i);
      keep[i] = 1;
    } else report(i, prev);
  }
  return { keep, duplicates };
}

/**
 * Whether a code column built by hand names one text by two codes. A reader's
 * dictionary (decoded on first read, an accessor) holds distinct values by construction
 * and is not read; a plain array is checked (its strings exist already).
 */
function repeatsText(col: CodeColumn): boolean {
  const own = Object.getOwnPropertyDescriptor(col, "dictionary");
  if (!own || own.get) return false;
  return !distinct(col.dictionary);
}

/**
 * Whether no text repeats, by an open-addressing table of indices keyed by an FNV-1a
 * hash of the UTF-16 code units, seeded per process against crafted collisions (a Set
 * of 3M strings took 2.2 s; this, ~0.2 s).
 */
export function distinct(texts: readonly string[]): boolean {
  const n = texts.length;
  let cap = 16;
  while (cap < n * 2) cap *= 2;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = texts[i];
    let h = (0x811c9dc5 ^ HASH_SEED) | 0;
    for (let j = 0; j < t.length; j++) h = Math.imul(h ^ t.charCodeAt(j), 0x01000193);
    h ^= h >>> 15;
    hashes[i] = h;
    let p = h & mask;
    for (;;) {
      const at = table[p];
      if (at < 0) break;
      if (hashes[at] === h && texts[at] === t) return false;
      p = (p + 1) & mask;
    }
    table[p] = i;
  }
  return true;
}

/**
 * A small index per row for its `year` (equal numbers share one; missing is one more).
 * A missing year is `defaultYear` when given, the year its row's facts get.
 */
function yearIndex(t: ColumnTable, defaultYear?: number): { index: Uint32Array; count: number } {
  const n = t.length;
  const index = new Uint32Array(n);
  const yearAt = numberGetter(t, "year");
  const seen = new Map<number, number>();
  let lastValue = Number.NaN;
  let lastIndex = -1;
  for (let i = 0; i < n; i++) {
    const read = yearAt(i);
    const v = Number.isNaN(read) && defaultYear !== undefined ? defaultYear : read;
    if (v === lastValue && lastIndex >= 0) {
      index[i] = lastIndex;
      continue;
    }
    const key = Number.isNaN(v) ? Number.NaN : v;
    let k = seen.get(key);
    if (k === undefined) seen.set(key, (k = seen.size));
    index[i] = k;
    lastValue = v;
    lastIndex = k;
  }
  return { index, count: Math.max(1, seen.size) };
}
