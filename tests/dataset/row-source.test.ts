/**
 * Rows of createDataset's findings as the file numbers them. A reader's table holds only
 * its kept rows; a user trial saw an orphan in data row 4 reported as "row 2" (two rows
 * rejected before it) and a file label of "students" instead of the path.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseCsv, readCsvChunks } from "../../src/io";
import { createDataset } from "../../src/dataset";
import { profiles } from "../../src/profiles";
import { schemasFor } from "../../src/models";
import { rowSource } from "../../src/dataset/internal/row-source";

const profile = profiles.generic;

describe("rows of createDataset's findings", () => {
  it("names the file and the data row of an orphan and a duplicate after rejected rows", () => {
    // data rows: 1 ok, 2 bad sex, 3 ok, 4 orphan (S999), 5 missing grade, 6 ok, 7 ok, 8 repeats row 6
    const csv = [
      "student_id,school_id,grade,sex,year",
      "P1,A,G1,female,2024",
      "P2,A,G1,x,2024",
      "P3,A,G1,male,2024",
      "P4,S999,G1,male,2024",
      "P5,A,,male,2024",
      "P6,B,G1,female,2024",
      "P7,B,G1,female,2024",
      "P6,B,G1,female,2024",
    ].join("\n");
    const read = parseCsv(csv, schemasFor(profile).Student, { file: "pupils.csv" });
    expect(read.counts).toMatchObject({ read: 8, kept: 6, rejected: 2 });
    expect([...read.rejectedRows]).toEqual([2, 5]);
    const schools = [
      { school_id: "A", region: "R1", district: "D1", level: "primary", ownership: "public", location: "rural" },
      { school_id: "B", region: "R1", district: "D1", level: "primary", ownership: "public", location: "urban" },
    ];
    const ds = createDataset({ profile, schools, students: read });
    const orphan = ds.integrity.issues.find((i) => i.code === "orphan")!;
    const duplicate = ds.integrity.issues.find((i) => i.code === "duplicate-id")!;
    expect({ file: orphan.file, row: orphan.row, value: orphan.value }).toEqual({ file: "pupils.csv", row: 4, value: "S999" });
    expect({ file: duplicate.file, row: duplicate.row }).toEqual({ file: "pupils.csv", row: 8 });
    expect(duplicate.message).toContain("pupils.csv row 8: student_id P6 repeats row 6");
    // a plain table is named by its entity and position
    const plain = createDataset({ profile, schools, students: read.table });
    expect(plain.integrity.issues.find((i) => i.code === "orphan")).toMatchObject({ file: "students", row: 3 });
  });

  it("names the rows of a chunk of a chunked read as the file numbers them", async () => {
    // data rows: 1 ok, 2 ok, 3 ok, 4 orphan, 5 bad sex, 6 orphan; chunks of 2 kept rows
    const csv = ["student_id,school_id,grade,sex,year", "P1,A,G1,female,2024", "P2,A,G1,male,2024", "P3,A,G1,male,2024", "P4,S999,G1,male,2024", "P5,A,G1,x,2024", "P6,S999,G1,female,2024"].join("\n");
    const schools = [{ school_id: "A", region: "R1", district: "D1", level: "primary", ownership: "public", location: "rural" }];
    const orphans: number[] = [];
    for await (const chunk of readCsvChunks(csv, schemasFor(profile).Student, { file: "pupils.csv", chunkRows: 2 })) {
      const ds = createDataset({ profile, schools, students: chunk });
      orphans.push(...ds.integrity.issues.filter((i) => i.code === "orphan").map((i) => i.row!));
    }
    expect(orphans).toEqual([4, 6]);
  });

  it("maps kept rows to data rows for any set of rejected rows", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }), (rejectedFlags) => {
        const rejected = Int32Array.from(rejectedFlags.flatMap((r, k) => (r ? [k + 1] : [])));
        const kept = rejectedFlags.flatMap((r, k) => (r ? [] : [k + 1]));
        const source = rowSource("f.csv", rejected);
        expect(kept.map((_, i) => source.row(i))).toEqual(kept);
        // the same rows as a chunk after 7 rows of earlier chunks
        const later = rowSource("f.csv", Int32Array.from(rejected, (r) => r + 7), 7);
        expect(kept.map((_, i) => later.row(i))).toEqual(kept.map((r) => r + 7));
      }),
    );
  });
});
