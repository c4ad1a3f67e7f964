// Scaling an innovation equitably: simulate a rollout over the SYNTHETIC Bhutan-shaped
// schools (seeds/bhutan-synthetic), then compare the coverage gaps by location,
// dzongkhag and ownership if the next K schools are chosen by need, by convenience
// (shortest distance to a motor road) or at random (seeded). Uses the built package.
import { createDataset, profiles, schemasFor, parseCsv, seededRandom, needIndex, coverage, coverageParity, benefitIncidence, coverageConcentration, compareOrderings } from "emis-equity";
import { readCsvFile } from "emis-equity/node";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

const profile = profiles.bhutan;
const s = schemasFor(profile);
const dir = new URL("../seeds/bhutan-synthetic/", import.meta.url);
const schools = await readCsvFile(new URL("schools.csv", dir).pathname, s.School);
const teachers = await readCsvFile(new URL("teachers.csv", dir).pathname, s.Teacher);
const students = parseCsv(gunzipSync(readFileSync(new URL("students.csv.gz", dir))), s.Student, { file: "students.csv.gz" });
const ds = createDataset({ profile, schools, teachers, students, year: 2024 });

// SYNTHETIC adoption (seed 2024): an innovation adopted first by urban schools near a
// road, as convenience-driven scaling tends to go. Years 2022-2024.
const f = ds.facts.schools;
const id = (i) => f.dims.school.dictionary[f.dims.school.codes[i]];
const loc = (i) => f.dims.location.dictionary[f.dims.location.codes[i]];
const random = seededRandom(2024);
const adoptions = [];
for (let i = 0; i < f.length; i++) {
  const near = f.measures.distance_road_km[i] < 5;
  const p = (loc(i) === "urban" ? 0.45 : loc(i) === "rural" ? 0.12 : 0.03) * (near ? 1.5 : 0.6);
  if (random() < p) adoptions.push({ school_id: id(i), innovation: "digital-classrooms", year_adopted: 2022 + Math.floor(random() * 3) });
}
console.log(`SYNTHETIC rollout: ${adoptions.length} of ${f.length} schools adopted digital classrooms in 2022-2024`);

const rows = coverage(ds, adoptions, { by: ["location", "ownership"], years: [2022, 2023, 2024] });
for (const p of coverageParity(rows, { by: "location", group: "remote", reference: "urban" })) {
  console.log(`  ${p.year}: pupils reached remote ${p.groupValue?.toFixed(1)}% vs urban ${p.referenceValue?.toFixed(1)}% (adjusted parity ${p.adjustedParityIndex?.toFixed(3)}, ${p.band})`);
}

// Need index: low pass rate, many pupils at risk, remoteness, distance to road (equal weights, min-max).
const need = needIndex(ds, {
  items: [
    { indicator: "pass-rate", weight: 1 },
    { indicator: "at-risk-percent", weight: 1 },
    { dimension: "location", scores: { urban: 0, rural: 0.5, remote: 1 }, weight: 1 },
    { field: "distance_road_km", weight: 1 },
  ],
});
console.log("Benefit incidence by need quintile (Q1 = neediest), 2024:");
for (const b of benefitIncidence(ds, adoptions, need, { year: 2024 })) {
  console.log(`  ${b.group}: coverage ${b.coverage?.toFixed(1)}% of pupils; ${b.shareOfReached?.toFixed(1)}% of pupils reached vs ${b.shareOfPupils?.toFixed(1)}% of pupils`);
}
const ci = coverageConcentration(ds, adoptions, need, { year: 2024 });
console.log(`Concentration index of coverage on need (Wagstaff; > 0 = favours the less needy): ${ci.value?.toFixed(3)}`);

const K = 100;
console.log(`\nWhat if the next ${K} schools are chosen by need, by convenience (nearest a road) or at random (seed 1)? Pupil coverage, lowest vs highest group:`);
const projections = compareOrderings(ds, adoptions, { k: K, need, convenienceField: "distance_road_km", seed: 1, year: 2025, by: ["location", "dzongkhag", "ownership"] });
for (const p of projections) {
  console.log(`  by ${p.order.padEnd(11)} national ${p.national?.toFixed(1)}%`);
  for (const g of p.gaps) {
    console.log(`     ${g.dimension.padEnd(10)} ${g.lowest?.group} ${g.lowest?.value.toFixed(1)}% – ${g.highest?.group} ${g.highest?.value.toFixed(1)}%: gap ${g.range?.toFixed(1)} points, adjusted parity ${g.adjustedParity?.toFixed(3)}${g.groupsWithheld ? ` (${g.groupsWithheld} withheld)` : ""}`);
  }
}
const byNeed = projections.find((p) => p.order === "need");
const byConv = projections.find((p) => p.order === "convenience");
if (!(byNeed.gaps[0].range < byConv.gaps[0].range)) throw new Error("expected need-based scaling to narrow the location gap more than convenience");
