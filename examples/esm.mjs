// Node ESM: read the shipped synthetic seeds, compute the pupil-teacher ratio by
// dzongkhag and the Gini of school PTRs, using the built package by name.
import { createDataset, disaggregate, profiles, schemasFor, parseCsv } from "emis-equity";
import { readCsvFile } from "emis-equity/node";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

const profile = profiles.bhutan;
const s = schemasFor(profile);
const dir = new URL("../seeds/bhutan-synthetic/", import.meta.url);
const schools = await readCsvFile(new URL("schools.csv", dir).pathname, s.School);
const teachers = await readCsvFile(new URL("teachers.csv", dir).pathname, s.Teacher);
const students = parseCsv(gunzipSync(readFileSync(new URL("students.csv.gz", dir))), s.Student, { file: "students.csv.gz" });
for (const r of [schools, teachers, students]) {
  console.log(`${r.file.split("/").pop()}: read ${r.counts.read} = kept ${r.counts.kept} + rejected ${r.counts.rejected}`);
}
const ds = createDataset({ profile, schools, teachers, students, year: 2024 });
const rows = disaggregate(ds, ["pupil-teacher-ratio", "gini-school-ptr"], { by: ["dzongkhag"], rollup: true });
for (const r of rows.filter((r) => r.level === "total")) console.log(`${r.indicator}: ${r.value?.toFixed(3)}`);
const ptr = rows.filter((r) => r.indicator === "pupil-teacher-ratio" && r.level === "dzongkhag");
const worst = ptr.reduce((a, r) => ((r.value ?? 0) > (a.value ?? 0) ? r : a));
console.log(`highest dzongkhag PTR: ${worst.dzongkhag} ${worst.value?.toFixed(1)} (national norm 18)`);
if (Math.abs(rows[0].value - 168000 / 9000) > 1e-9) throw new Error("unexpected national PTR");
