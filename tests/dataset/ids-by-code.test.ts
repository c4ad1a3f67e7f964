import { describe, expect, it } from "vitest";
import { createDataset } from "../../src/dataset";
import { profiles } from "../../src/profiles";
import { MISSING_CODE, type ColumnTable } from "../../src/models/columns";

const profile = profiles.generic;
const schools = [
  { school_id: "A", region: "R1", district: "D1", level: "primary", ownership: "public", location: "rural" },
  { school_id: "B", region: "R1", district: "D1", level: "primary", ownership: "public", location: "urban" },
];

/** A pupil table whose id column counts how often its dictionary is read. */
function pupils(ids: number[], years: number[], schoolCodes: number[]): { table: ColumnTable; reads: () => number } {
  let reads = 0;
  const dictionary = Array.from({ length: Math.max(...ids) + 1 }, (_, i) => `P${i}`);
  const table: ColumnTable = {
    length: ids.length,
    columns: {
      student_id: {
        kind: "code",
        codes: Uint32Array.from(ids),
        get dictionary() {
          reads++;
          return dictionary;
        },
      },
      school_id: { kind: "code", codes: Uint32Array.from(schoolCodes), dictionary: ["A", "B", "Z"] },
      grade: { kind: "code", codes: new Uint32Array(ids.length), dictionary: ["G1"] },
      year: { kind: "number", values: Float64Array.from(years) },
    },
  };
  return { table, reads: () => reads };
}

describe("createDataset compares ids by code", () => {
  it("never reads the text of an id column without duplicates", () => {
    const p = pupils([0, 1, 2, 3], [2024, 2024, 2024, 2024], [0, 0, 1, 1]);
    const ds = createDataset({ profile, schools, students: p.table });
    expect(ds.integrity.accounts.students).toEqual({ read: 4, kept: 4, duplicates: 0, orphans: 0 });
    expect(p.reads()).toBe(0);
  });

  it("keeps an id once per year, a missing year being a year of its own, and names each duplicate", () => {
    // rows: P5 2024 (kept), P5 2025 (kept: another year), P5 2024 (duplicate of row 1),
    // P6 NaN (kept), P6 NaN (duplicate of row 4), P6 2024 (kept)
    const nan = Number.NaN;
    const p = pupils([5, 5, 5, 6, 6, 6], [2024, 2025, 2024, nan, nan, 2024], [0, 0, 1, 1, 1, 0]);
    const ds = createDataset({ profile, schools, students: p.table });
    expect(ds.integrity.accounts.students).toEqual({ read: 6, kept: 4, duplicates: 2, orphans: 0 });
    const dups = ds.integrity.issues.filter((i) => i.code === "duplicate-id");
    expect(dups.map((d) => [d.row, d.value])).toEqual([
      [3, "P5"],
      [5, "P6"],
    ]);
    expect(dups[0].message).toContain("repeats row 1");
    expect(dups[1].message).toContain("repeats row 4");
  });

  it("links schools by code and reports an orphan with its id", () => {
    const p = pupils([0, 1, 2], [2024, 2024, 2024], [0, 2, 2]);
    const ds = createDataset({ profile, schools, students: p.table });
    expect(ds.integrity.accounts.students).toEqual({ read: 3, kept: 3, duplicates: 0, orphans: 2 });
    const orphans = ds.integrity.issues.filter((i) => i.code === "orphan");
    expect(orphans.map((o) => [o.row, o.value])).toEqual([
      [2, "Z"],
      [3, "Z"],
    ]);
    const loc = ds.facts.students.dims.location;
    expect(Array.from(loc.codes, (c) => loc.dictionary[c])).toEqual(["rural", "unknown", "unknown"]);
    expect(p.reads()).toBe(0);
  });

  it("reads ids held as numbers as text", () => {
    const table: ColumnTable = {
      length: 3,
      columns: {
        student_id: { kind: "number", values: Float64Array.from([7, 8, 7]) },
        school_id: { kind: "code", codes: Uint32Array.from([0, 0, 1]), dictionary: ["A", "B"] },
        grade: { kind: "code", codes: new Uint32Array(3), dictionary: ["G1"] },
        year: { kind: "number", values: Float64Array.from([2024, 2024, 2024]) },
      },
    };
    const ds = createDataset({ profile, schools, students: table });
    expect(ds.integrity.accounts.students).toEqual({ read: 3, kept: 2, duplicates: 1, orphans: 0 });
    expect(ds.integrity.issues.find((i) => i.code === "duplicate-id")).toMatchObject({ row: 3, value: "7" });
  });

  it("compares by text a hand-built id column whose dictionary repeats a text", () => {
    // Readers never do this (CodeColumn: values are distinct), but a table built by hand
    // can: codes 0 and 1 both read "A". Compared by code, both schools A were kept and
    // pupils joined the last one; compared by text, the second is a duplicate.
    const schoolTable: ColumnTable = {
      length: 3,
      columns: {
        school_id: { kind: "code", codes: Uint32Array.from([0, 1, 2]), dictionary: ["A", "A", "B"] },
        region: { kind: "code", codes: new Uint32Array(3), dictionary: ["R1"] },
        district: { kind: "code", codes: new Uint32Array(3), dictionary: ["D1"] },
        level: { kind: "code", codes: new Uint32Array(3), dictionary: ["primary"] },
        ownership: { kind: "code", codes: new Uint32Array(3), dictionary: ["public"] },
        location: { kind: "code", codes: Uint32Array.from([0, 1, 0]), dictionary: ["rural", "urban"] },
      },
    };
    const p = pupils([0, 1], [2024, 2024], [0, 0]);
    const ds = createDataset({ profile, schools: schoolTable, students: p.table });
    expect(ds.integrity.accounts.schools).toEqual({ read: 3, kept: 2, duplicates: 1, orphans: 0 });
    expect(ds.integrity.issues.find((i) => i.code === "duplicate-id")).toMatchObject({ file: "schools", row: 2, value: "A" });
    const loc = ds.facts.students.dims.location;
    expect(Array.from(loc.codes, (c) => loc.dictionary[c])).toEqual(["rural", "rural"]);
  });

  it("gives a row without a year the dataset's year before looking for duplicates", () => {
    // createDataset({ year: 2024 }) puts a pupil with no year in 2024, so beside the same
    // pupil's 2024 row it is a duplicate, not a second pupil in 2024.
    const p = pupils([3, 3], [Number.NaN, 2024], [0, 0]);
    const ds = createDataset({ profile, schools, students: p.table, year: 2024 });
    expect(ds.integrity.accounts.students).toEqual({ read: 2, kept: 1, duplicates: 1, orphans: 0 });
  });

  it("links no pupil to a school without an id, whatever its stand-in label", () => {
    // The third school has no id; it is labelled row-3 in the school fact, and a pupil
    // whose school_id is literally "row-3" is an orphan, not one of its pupils.
    // (a reader rejects a school without an id; a table built by hand can hold one)
    const col = (codes: number[], dictionary: string[]) => ({ kind: "code" as const, codes: Uint32Array.from(codes), dictionary });
    const withBlank: ColumnTable = {
      length: 3,
      columns: {
        school_id: col([0, 1, MISSING_CODE], ["A", "B"]),
        region: col([0, 0, 0], ["R1"]),
        district: col([0, 0, 0], ["D1"]),
        level: col([0, 0, 0], ["primary"]),
        ownership: col([0, 0, 0], ["public"]),
        location: col([0, 1, 1], ["rural", "urban"]),
      },
    };
    const table: ColumnTable = {
      length: 1,
      columns: {
        student_id: { kind: "code", codes: Uint32Array.from([0]), dictionary: ["P0"] },
        school_id: { kind: "code", codes: Uint32Array.from([0]), dictionary: ["row-3"] },
        grade: { kind: "code", codes: new Uint32Array(1), dictionary: ["G1"] },
        year: { kind: "number", values: Float64Array.from([2024]) },
      },
    };
    const ds = createDataset({ profile, schools: withBlank, students: table });
    const school = ds.facts.schools.dims.school;
    expect(Array.from(school.codes, (c) => school.dictionary[c])).toEqual(["A", "B", "row-3"]);
    expect(ds.integrity.accounts.students).toEqual({ read: 1, kept: 1, duplicates: 0, orphans: 1 });
  });
});
