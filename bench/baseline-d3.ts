/**
 * Naive baseline: the benchmark workload over plain objects (one per pupil and per
 * teacher) with d3-array `rollup`, one rollup per query.
 *   npx tsx bench/baseline-d3.ts [rows=1000000] [runs=3]
 */
import { rollup, sum } from "d3-array";
import { gini } from "../src/equity/gini";
import { generate, peakMb, timeRuns, type Checksum } from "./workload";

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const { pupils: p, teachers: t } = generate(rows);
const code = (f: typeof p, d: string, i: number) => f.dims[d].dictionary[f.dims[d].codes[i]];
const pupils = Array.from({ length: p.length }, (_, i) => ({
  district: code(p, "district", i),
  location: code(p, "location", i),
  school: code(p, "school", i),
  sex: code(p, "sex", i),
  disability: code(p, "disability", i),
  ses: code(p, "ses_quintile", i),
  sat: p.measures.sat[i],
  passed: p.measures.passed[i],
  score: p.measures.score[i],
  repeated: p.measures.repeated[i],
  dropped: p.measures.dropped[i],
}));
const teachers = Array.from({ length: t.length }, (_, i) => ({ school: code(t, "school", i), teachers: t.measures.teachers[i] }));
type P = (typeof pupils)[number];

function workload(): Checksum {
  const counts = rollup(pupils, (v) => v.length, (d) => d.district, (d) => d.sex, (d) => d.location, (d) => d.disability);
  let enrolment = 0;
  let cells = 0;
  for (const a of counts.values()) for (const b of a.values()) for (const c of b.values()) for (const n of c.values()) (enrolment += n), cells++;
  const sat = (v: P[]) => v.filter((d) => d.sat === 1 && !Number.isNaN(d.passed));
  const rate = (v: P[]) => (100 * sum(sat(v), (d) => d.passed)) / sat(v).length;
  const pass = rollup(pupils, (v) => rate(v), (d) => d.district, (d) => d.sex);
  let parity = 0;
  for (const bySex of pass.values()) parity += bySex.get("female")! / bySex.get("male")!;
  const enrol = rollup(pupils, (v) => v.length, (d) => d.school);
  const teach = rollup(teachers, (v) => sum(v, (d) => d.teachers), (d) => d.school);
  const ratios = [...teach.entries()].filter(([, n]) => n > 0).map(([s, n]) => (enrol.get(s) ?? 0) / n);
  const known = (v: P[]) => v.filter((d) => !Number.isNaN(d.repeated));
  const flows = rollup(pupils, (v) => ({ rep: (100 * sum(known(v), (d) => d.repeated)) / known(v).length, drop: (100 * sum(known(v), (d) => d.dropped)) / known(v).length }), (d) => d.location, (d) => d.ses);
  const scored = (v: P[]) => v.filter((d) => d.score >= 0);
  const score = rollup(pupils, (v) => sum(scored(v), (d) => d.score) / scored(v).length, (d) => d.ses);
  return {
    enrolment,
    cells,
    passRate: rate(pupils),
    meanParity: parity / pass.size,
    ptr: pupils.length / sum(teachers, (d) => d.teachers),
    gini: gini(ratios)!,
    repRuralQ1: flows.get("rural")!.get("Q1")!.rep,
    dropRuralQ1: flows.get("rural")!.get("Q1")!.drop,
    scoreQ1: score.get("Q1")!,
    scoreQ5: score.get("Q5")!,
  };
}

const { result, ms } = timeRuns(runs, workload);
console.log(JSON.stringify({ name: "d3-rollup baseline", rows, ms, peakMb: peakMb(), checksum: result }));
