/**
 * The attacker: from every number a suppressed table publishes, and everything an
 * intruder knows about its structure (any two published grouping sets add up to the same
 * totals over their common coarsening, so every level is the sum of the level below; counts are non-negative; a proportion's count is
 * at most its denominator; enrolment and the repetition denominator are the same
 * pupils), solve the linear programme for the minimum and maximum of each suppressed
 * count with HiGHS. Protection holds when the feasible interval of every small count
 * (x, n - x or n under the minimum) is at least `minCell` wide: the intruder cannot
 * even tell that the cell is small.
 */
import { beforeAll, describe, expect, it } from "vitest";
import loadHighs from "highs";
import { createDataset } from "../../src/dataset";
import { disaggregate, type DisaggregateOptions } from "../../src/disaggregate";
import { profiles } from "../../src/profiles";
import { seededRandom } from "../../src/stats/random";
import type { ResultRow } from "../../src/models";

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const MIN = 5;
const SCHOOLS = [
  { school_id: "A", region: "R1", location: "rural" },
  { school_id: "B", region: "R1", location: "urban" },
  { school_id: "C", region: "R2", location: "rural" },
  { school_id: "D", region: "R2", location: "rural" },
  { school_id: "E", region: "R3", location: "urban" },
];

/** Seeded pupils: school sizes 30..300, disability ~8%, repetition ~12%, every status known. */
function dataset(seed: number) {
  const u = seededRandom(seed);
  const students: Record<string, unknown>[] = [];
  for (const s of SCHOOLS) {
    const size = 30 + Math.floor(u() * 270);
    for (let i = 0; i < size; i++) {
      students.push({
        student_id: `${s.school_id}${i}`,
        school_id: s.school_id,
        grade: "G1",
        sex: u() < 0.5 ? "female" : "male",
        disability: u() < 0.08 ? "yes" : "no",
        status: u() < 0.12 ? "repeated" : "promoted",
        year: 2024,
      });
    }
  }
  return createDataset({ profile: profiles.generic, schools: SCHOOLS, students });
}

const DIMS = ["region", "school", "sex", "disability", "location"];
const dimsOf = (r: ResultRow) => DIMS.filter((d) => r[d] !== null && r[d] !== undefined);
/** What an intruder knows of the hierarchy: a school's region and location are public. */
const closure = (dims: string[]) => (dims.includes("school") ? [...new Set([...dims, "region", "location"])] : dims);
const withSchool = (r: ResultRow): ResultRow => {
  const s = SCHOOLS.find((x) => x.school_id === r.school);
  return s ? { ...r, region: s.region, location: s.location } : r;
};

interface Attack {
  primaryCells: number;
  hiddenRows: number;
  rows: number;
  minWidth: number;
  narrowest: string;
}

/** Builds the intruder's LP from the published table and bounds every small suppressed count. */
function attack(rows: ResultRow[], truth: ResultRow[]): Attack {
  const v = (i: number, q: "x" | "n") => `${q}${i}`;
  const cons: string[] = [];
  const isCount = (r: ResultRow) => r.indicator === "enrolment";
  // published values are fixed; proportions bound x by n
  rows.forEach((r, i) => {
    if (!r.suppressed) {
      cons.push(`${v(i, "x")} = ${r.numerator}`);
      if (!isCount(r)) cons.push(`${v(i, "n")} = ${r.denominator}`);
    }
    if (!isCount(r)) cons.push(`${v(i, "x")} - ${v(i, "n")} <= 0`);
  });
  // Every pair of levels of one indicator adds up to the same total over their common
  // coarsening (the dimensions both determine, a school its region and location): a
  // region is the sum of its schools, and Σ regions = Σ locations even with no total row.
  const key = (r: ResultRow, dims: string[]) => `${r.indicator}|${dims.map((d) => `${d}=${r[d]}`).join(",")}`;
  const levels = [...new Set(rows.map((r) => r.level))];
  for (let a = 0; a < levels.length; a++) {
    for (let b = a + 1; b < levels.length; b++) {
      const ad = dimsOf(rows.find((r) => r.level === levels[a])!);
      const bd = dimsOf(rows.find((r) => r.level === levels[b])!);
      const common = closure(ad).filter((d) => closure(bd).includes(d));
      const sides = new Map<string, { a: number[]; b: number[] }>();
      rows.forEach((r, i) => {
        const side = r.level === levels[a] ? "a" : r.level === levels[b] ? "b" : null;
        if (!side) return;
        const k = key(withSchool(r), common);
        if (!sides.has(k)) sides.set(k, { a: [], b: [] });
        sides.get(k)![side].push(i);
      });
      for (const { a: left, b: right } of sides.values()) {
        for (const q of isCount(rows[left[0] ?? right[0]]) ? (["x"] as const) : (["x", "n"] as const)) {
          const terms = [...left.map((i) => ` + ${v(i, q)}`), ...right.map((i) => ` - ${v(i, q)}`)].join("");
          cons.push(`${terms.slice(3)} = 0`);
        }
      }
    }
  }
  // enrolment of a group = the repetition denominator of the same group (shared count)
  const enrol = new Map<string, number>();
  rows.forEach((r, i) => r.indicator === "enrolment" && enrol.set(`${r.level}|${DIMS.map((d) => r[d]).join(",")}`, i));
  rows.forEach((r, i) => {
    const e = enrol.get(`${r.level}|${DIMS.map((d) => r[d]).join(",")}`);
    if (r.indicator === "repetition-status" && e !== undefined) cons.push(`${v(i, "n")} - ${v(e, "x")} = 0`);
  });
  const lp = (sense: "Minimize" | "Maximize", objective: string) =>
    `${sense}\n obj: ${objective}\nSubject To\n${cons.map((c, k) => ` c${k}: ${c}`).join("\n")}\nEnd\n`;
  const bound = (sense: "Minimize" | "Maximize", objective: string) => {
    const s = highs.solve(lp(sense, objective));
    if (s.Status === "Unbounded") return sense === "Maximize" ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    expect(s.Status).toBe("Optimal");
    return s.ObjectiveValue;
  };
  let minWidth = Number.POSITIVE_INFINITY;
  let narrowest = "";
  let primaryCells = 0;
  rows.forEach((r, i) => {
    if (!r.flags.includes("suppressed")) return;
    primaryCells++;
    const t = truth[i];
    const x = t.numerator!;
    const n = isCount(t) ? x : t.denominator!;
    const small = (q: number) => q > 0 && q < MIN;
    const quantities: Array<[string, string, number]> = [[`x`, v(i, "x"), x]];
    if (!isCount(t)) quantities.push([`n - x`, `${v(i, "n")} - ${v(i, "x")}`, n - x], [`n`, v(i, "n"), n]);
    for (const [label, objective, value] of quantities) {
      if (!small(value)) continue;
      const lo = bound("Minimize", objective);
      const hi = bound("Maximize", objective);
      expect(lo).toBeLessThanOrEqual(value + 1e-6);
      expect(hi).toBeGreaterThanOrEqual(value - 1e-6);
      if (hi - lo < minWidth) {
        minWidth = hi - lo;
        narrowest = `${r.indicator} ${r.level} ${DIMS.map((d) => r[d]).join("/")} ${label}=${value} in [${lo}, ${hi}]`;
      }
    }
  });
  return { primaryCells, hiddenRows: rows.filter((r) => r.suppressed).length, rows: rows.length, minWidth, narrowest };
}

function check(seed: number, options: DisaggregateOptions): Attack {
  const ds = dataset(seed);
  const ids = ["enrolment", "repetition-status"];
  const published = disaggregate(ds, ids, { ...options, suppression: { minCell: MIN } });
  const truth = disaggregate(ds, ids, { ...options, suppression: false });
  // same rows in the same order, with and without suppression
  expect(published.map((r) => [r.indicator, r.level, ...DIMS.map((d) => r[d])])).toEqual(truth.map((r) => [r.indicator, r.level, ...DIMS.map((d) => r[d])]));
  return attack(published, truth);
}

describe("suppression against an LP attacker (HiGHS)", () => {
  const report: Attack[] = [];

  it("protects every small count of a region × sex × disability cube with all its margins (20 seeded tables)", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const a = check(seed, { by: ["region", "sex", "disability"], cube: true });
      report.push(a);
      expect(a.minWidth, a.narrowest).toBeGreaterThanOrEqual(MIN);
    }
    // the test is not vacuous: small cells were found and attacked
    expect(report.reduce((s, a) => s + a.primaryCells, 0)).toBeGreaterThan(20);
  }, 120_000);

  it("protects a hierarchy rollup with an extra dimension (total, region, school, school × sex × disability)", () => {
    for (let seed = 21; seed <= 35; seed++) {
      const a = check(seed, { groupingSets: [[], ["region"], ["region", "school"], ["region", "school", "disability"], ["region", "school", "sex", "disability"]] });
      report.push(a);
      expect(a.minWidth, a.narrowest).toBeGreaterThanOrEqual(MIN);
    }
  }, 120_000);

  it("protects sets nested through the hierarchy, not by name (region, location and school: a region is the sum of its schools)", () => {
    for (let seed = 46; seed <= 60; seed++) {
      const a = check(seed, { groupingSets: [[], ["region"], ["location"], ["school"], ["school", "sex"], ["region", "disability"], ["school", "disability"]] });
      report.push(a);
      expect(a.minWidth, a.narrowest).toBeGreaterThanOrEqual(MIN);
    }
  }, 120_000);

  it("protects partitions that cut across each other (regions and locations, with or without a total or the schools)", () => {
    const lists = [[[], ["region"], ["location"], ["school"]], [["region"], ["location"]], [["region", "sex"], ["location"], ["school"]], [["region"], ["location", "disability"], ["school", "sex"]]];
    for (let seed = 61; seed <= 90; seed++) {
      for (const groupingSets of lists) {
        const a = check(seed, { groupingSets });
        report.push(a);
        expect(a.minWidth, `${JSON.stringify(groupingSets)} ${a.narrowest}`).toBeGreaterThanOrEqual(MIN);
      }
    }
  }, 120_000);

  it("protects grouping sets that skip a level (total and district × sex only: the total is the sum of all cells)", () => {
    for (let seed = 36; seed <= 45; seed++) {
      const a = check(seed, { groupingSets: [[], ["region", "sex", "disability"]] });
      report.push(a);
      expect(a.minWidth, a.narrowest).toBeGreaterThanOrEqual(MIN);
    }
    const cells = report.reduce((s, a) => s + a.primaryCells, 0);
    const hidden = report.reduce((s, a) => s + a.hiddenRows, 0);
    const width = Math.min(...report.map((a) => a.minWidth));
    const total = report.reduce((s, a) => s + a.rows, 0);
    console.info(`attacker: ${report.length} tables, ${total} rows, ${cells} primary-suppressed, ${hidden} hidden in all, narrowest interval ${width} (minCell ${MIN})`);
  }, 120_000);
});

describe("suppression against an LP attacker who knows the schools (HiGHS)", () => {
  // The strongest intruder of these tests: its unknowns are the pupils of each school by
  // sex × disability (≥ 0), the schools and their places being public, and every
  // published row is the sum of its unknowns. For each small hidden count, the LP gives
  // its minimum and maximum. On 150 seeded random tables (6-15 schools, 2-4 sets drawn
  // from places, people and both), every interval is at least 7 wide; before the school
  // × attribute unknowns of the audit (188696a), seed 99 gave a hidden 2 back exactly.
  // Not proven for every table: in a wider search (600 calls, 572 small hidden counts)
  // one was narrowed to [0, 3] (seed 402), the narrowing the concepts guide lists as a
  // known gap.
  const PLACES = ["region", "district", "location", "ownership"];
  const PEOPLE: Array<[string, string]> = [["female", "yes"], ["female", "no"], ["male", "yes"], ["male", "no"]];
  const POOL = [[], ["sex"], ["region"], ["location"], ["region", "sex"], ["location", "sex"], ["region", "location"], ["ownership", "sex"], ["district", "sex"], ["location", "ownership"], ["region", "disability"], ["location", "disability"], ["sex", "disability"], ["district", "sex", "disability"], ["ownership", "disability"], ["district"], ["district", "location"]];

  it("leaves every small hidden count an interval at least minCell wide (150 seeded tables)", () => {
    let bounded = 0;
    let minWidth = Number.POSITIVE_INFINITY;
    let narrowest = "";
    for (let seed = 1; seed <= 150; seed++) {
      const u = seededRandom(seed * 7 + 1);
      const S = Array.from({ length: 6 + Math.floor(u() * 10) }, (_, k) => {
        const r = Math.floor(u() * 3);
        return { id: `s${k}`, region: `R${r}`, district: `R${r}-D${Math.floor(u() * 2)}`, location: u() < 0.5 ? "rural" : "urban", ownership: u() < 0.6 ? "public" : "private", pupils: [0, 0, 0, 0].map(() => Math.floor(u() ** 2 * 15)) };
      });
      const sets: string[][] = [];
      const want = 2 + Math.floor(u() * 3);
      while (sets.length < want) {
        const s = POOL[Math.floor(u() * POOL.length)];
        if (!sets.includes(s)) sets.push(s);
      }
      const schools = S.map((s) => ({ school_id: s.id, region: s.region, district: s.district, level: "primary", ownership: s.ownership, location: s.location }));
      const students = S.flatMap((s) => PEOPLE.flatMap(([sex, disability], j) => Array.from({ length: s.pupils[j] }, (_, i) => ({ student_id: `${s.id}-${j}-${i}`, school_id: s.id, grade: "G1", sex, disability, year: 2024 }))));
      if (students.length === 0) continue;
      const ds = createDataset({ profile: profiles.generic, schools, students });
      const published = disaggregate(ds, ["enrolment"], { groupingSets: sets, suppression: { minCell: MIN } });
      const truth = disaggregate(ds, ["enrolment"], { groupingSets: sets, suppression: false });
      const unknownsOf = (r: ResultRow) => {
        const out: string[] = [];
        S.forEach((s, k) =>
          PEOPLE.forEach(([sex, disability], j) => {
            const place = (d: string) => (s as unknown as Record<string, string>)[d];
            if (PLACES.every((d) => r[d] === null || r[d] === undefined || r[d] === place(d)) && (r.sex == null || r.sex === sex) && (r.disability == null || r.disability === disability)) out.push(`a${k}_${j}`);
          }),
        );
        return out;
      };
      const cons = published.filter((r) => !r.suppressed && unknownsOf(r).length > 0).map((r) => `${unknownsOf(r).join(" + ")} = ${r.n}`);
      const lp = (sense: string, objective: string) => `${sense}\n obj: ${objective}\nSubject To\n${cons.map((c, k) => ` c${k}: ${c}`).join("\n")}\nEnd\n`;
      published.forEach((r, i) => {
        const n = truth[i].n!;
        if (!r.flags.includes("suppressed") || !(n > 0 && n < MIN)) return;
        const objective = unknownsOf(r).join(" + ");
        const lo = highs.solve(lp("Minimize", objective));
        const hi = highs.solve(lp("Maximize", objective));
        expect(lo.Status).toBe("Optimal");
        const high = hi.Status === "Unbounded" ? Number.POSITIVE_INFINITY : hi.ObjectiveValue;
        expect(lo.ObjectiveValue).toBeLessThanOrEqual(n + 1e-6);
        expect(high).toBeGreaterThanOrEqual(n - 1e-6);
        bounded++;
        if (high - lo.ObjectiveValue < minWidth) {
          minWidth = high - lo.ObjectiveValue;
          narrowest = `seed ${seed} ${JSON.stringify(sets)} ${r.level} ${[...PLACES, "sex", "disability"].map((d) => r[d] ?? "").join(" ")} n=${n} in [${lo.ObjectiveValue}, ${high}]`;
        }
      });
    }
    expect(bounded).toBeGreaterThan(100);
    expect(minWidth, narrowest).toBeGreaterThanOrEqual(MIN);
  });
});
