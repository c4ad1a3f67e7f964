/**
 * Hand-written baseline: the benchmark workload as single-pass typed-array loops over
 * the same columns the engine reads (one pass over pupils, one over teachers).
 *   npx tsx bench/baseline-typed.ts [rows=1000000] [runs=3]
 */
import { pathToFileURL } from "node:url";
import { gini } from "../src/equity/gini";
import { generate, peakMb, timeRuns, type BenchData, type Checksum } from "./workload";

/** The workload by hand over the generated columns (exported for tests/bench). */
export function typedWorkload({ pupils, teachers, schools }: BenchData): Checksum {
  const d = pupils.dims;
  const district = d.district.codes, sex = d.sex.codes, location = d.location.codes, disability = d.disability.codes;
  const school = d.school.codes, ses = d.ses_quintile.codes;
  const m = pupils.measures;
  const sat = m.sat, passed = m.passed, score = m.score, repeated = m.repeated, dropped = m.dropped;
  const counts = new Float64Array(20 * 2 * 2 * 2);
  const passN = new Float64Array(40), satN = new Float64Array(40);
  const enrolSchool = new Float64Array(schools);
  const rep = new Float64Array(10), drop = new Float64Array(10), known = new Float64Array(10);
  const scoreSum = new Float64Array(5), scoreN = new Float64Array(5);
  const n = pupils.length;
  for (let i = 0; i < n; i++) {
    const di = district[i], sx = sex[i], lo = location[i], q = ses[i];
    counts[((di * 2 + sx) * 2 + lo) * 2 + disability[i]]++;
    if (sat[i] === 1) {
      const p = passed[i];
      if (p === p) {
        satN[di * 2 + sx]++;
        passN[di * 2 + sx] += p;
      }
    }
    enrolSchool[school[i]]++;
    const r = repeated[i];
    if (r === r) {
      const k = lo * 5 + q;
      known[k]++;
      rep[k] += r;
      drop[k] += dropped[i];
    }
    const s = score[i];
    if (s >= 0) {
      scoreSum[q] += s;
      scoreN[q]++;
    }
  }
  const tSchool = teachers.dims.school.codes, tCount = teachers.measures.teachers;
  const teach = new Float64Array(schools);
  for (let i = 0; i < teachers.length; i++) teach[tSchool[i]] += tCount[i];

  let enrol = 0, cells = 0;
  for (const c of counts) if (c > 0) { enrol += c; cells++; }
  let p = 0, s = 0, parity = 0;
  for (let di = 0; di < 20; di++) {
    p += passN[di * 2] + passN[di * 2 + 1];
    s += satN[di * 2] + satN[di * 2 + 1];
    parity += (passN[di * 2] / satN[di * 2]) / (passN[di * 2 + 1] / satN[di * 2 + 1]);
  }
  let pt = 0, tt = 0;
  const ratios: number[] = [];
  for (let k = 0; k < schools; k++) {
    pt += enrolSchool[k];
    tt += teach[k];
    if (teach[k] > 0) ratios.push(enrolSchool[k] / teach[k]);
  }
  const rural = 1 * 5 + 0;
  return {
    enrolment: enrol,
    cells,
    passRate: (100 * p) / s,
    meanParity: parity / 20,
    ptr: pt / tt,
    gini: gini(ratios)!,
    repRuralQ1: (100 * rep[rural]) / known[rural],
    dropRuralQ1: (100 * drop[rural]) / known[rural],
    scoreQ1: scoreSum[0] / scoreN[0],
    scoreQ5: scoreSum[4] / scoreN[4],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const runs = Number(process.argv[3] ?? 3);
  const data = generate(rows);
  const { result, ms } = timeRuns(runs, () => typedWorkload(data));
  console.log(JSON.stringify({ name: "typed-array baseline", rows, ms, peakMb: peakMb(), checksum: result }));
}
