/**
 * Disclosure control of survey-design rows (src/disaggregate/internal/suppress-survey.ts).
 *
 * The attacker knows the design (each school's stratum, weight N_h/n_h, fpc and place)
 * and reads every published number: unweighted `n`, weighted numerator and denominator,
 * value and interval. It enumerates every vector of pupil counts for the hidden schools
 * that matches the published sums (unweighted and weighted), then recomputes the whole
 * table from each candidate and keeps those that reproduce every published figure,
 * intervals included. Protection holds when each hidden school keeps more than one
 * value (and, in the fixed examples, a range at least `minCell` wide).
 */
import { describe, expect, it } from "vitest";
import { createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { modOf } from "../../src/disaggregate/internal/linear-audit";
import { profiles } from "../../src/profiles";
import { seededRandom } from "../../src/stats/random";
import type { ResultRow } from "../../src/models/result";

const profile = profiles.generic;
const DESIGN = { strata: "stratum", psu: "school_id", fpc: "schools_in_stratum", weight: "weight" };
const MIN = 5;
const P = 67108859;

interface School {
  id: string;
  stratum: string;
  /** Schools of the stratum in the population (N_h) and in the sample (n_h): weight N_h/n_h. */
  N: number;
  n: number;
  region: string;
  location: string;
}
type Counts = Record<string, number>;

const weightOf = (s: School) => s.N / s.n;

function build(schools: School[], counts: Counts) {
  const rows = schools.map((s) => ({
    school_id: s.id,
    region: s.region,
    district: `${s.region}-D`,
    level: "primary",
    ownership: "public",
    location: s.location,
    stratum: s.stratum,
    schools_in_stratum: s.N,
    weight: weightOf(s),
  }));
  const students: Record<string, unknown>[] = [];
  for (const s of schools) {
    for (let i = 0; i < counts[s.id]; i++) students.push({ student_id: `${s.id}-${i}`, school_id: s.id, grade: "G1", sex: i % 2 ? "female" : "male", year: 2024 });
  }
  return createDataset({ profile, schools: rows, students, design: DESIGN } as Parameters<typeof createDataset>[0]);
}

const DIMS = ["school", "region", "location"] as const;
const keyOf = (r: ResultRow) => [r.level, ...DIMS.map((d) => String(r[d] ?? ""))].join("|");
const members = (r: ResultRow, schools: School[]) =>
  schools.filter((s) => DIMS.every((d) => r[d] === null || r[d] === undefined || r[d] === (d === "school" ? s.id : s[d])));
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const FIELDS = ["numerator", "denominator", "value", "n", "ciLow", "ciHigh"] as const;

/**
 * Every vector of counts of the hidden schools consistent with all published figures
 * (the national n bounds them).
 */
function attack(schools: School[], sets: string[][], published: ResultRow[]) {
  const shown = published.filter((r) => !r.suppressed);
  const hidden = published.filter((r) => r.suppressed && r.level === "school").map((r) => r.school as string);
  const known: Counts = {};
  for (const r of shown) if (r.level === "school") known[r.school as string] = r.n!;
  // linear constraints: Σ c = n and Σ w·c = numerator over each published group
  const groups = shown.map((r) => ({ r, in: members(r, schools) }));
  const total = shown.find((r) => r.level === "total")!;
  const room = total.n! - Object.values(known).reduce((a, b) => a + b, 0);
  const candidates: Counts[] = [];
  const c: Counts = { ...known };
  const rec = (i: number, left: number) => {
    if (i === hidden.length) {
      const ok = groups.every(({ r, in: m }) => {
        const u = m.reduce((a, s) => a + c[s.id], 0);
        const v = m.reduce((a, s) => a + weightOf(s) * c[s.id], 0);
        return u === r.n && Math.abs(v - r.numerator!) < 1e-6;
      });
      if (ok) candidates.push({ ...c });
      return;
    }
    for (let v = i === hidden.length - 1 ? left : 0; v <= left; v++) {
      c[hidden[i]] = v;
      rec(i + 1, left - v);
    }
  };
  rec(0, room);
  // full check: the candidate reproduces every published figure, intervals included
  const fits = reproduces(schools, sets, shown);
  return { hidden, solutions: candidates.filter(fits) };
}

/** Whether counts reproduce every published figure (the table recomputed from them). */
function reproduces(schools: School[], sets: string[][], shown: ResultRow[]) {
  const shownByKey = new Map(shown.map((r) => [keyOf(r), r]));
  return (counts: Counts) =>
    disaggregate(build(schools, counts), ["enrolment"], { groupingSets: sets, suppression: false }).every((r) => {
      const p = shownByKey.get(keyOf(r));
      return !p || FIELDS.every((f) => p[f] === null || (r[f] !== null && close(p[f] as number, r[f] as number)));
    });
}

/**
 * The hidden schools whose count is not unique, for larger tables. Hidden schools of
 * one weight in the same published groups are interchangeable in every linear figure,
 * so the linear solutions are the totals T per such type that fit every published
 * group's n and weighted numerator (enumerated exhaustively), spread over the type's
 * schools. For each hidden school, a solution giving it another count (another pupil
 * moved within its type, or another type total) is checked against the whole table.
 */
function movable(schools: School[], sets: string[][], published: ResultRow[], truth: Counts) {
  const shown = published.filter((r) => !r.suppressed);
  const hidden = published.filter((r) => r.suppressed && r.level === "school").map((r) => r.school as string);
  const byId = new Map(schools.map((s) => [s.id, s]));
  const groups = shown.filter((r) => r.level !== "school").map((r) => {
    const m = members(r, schools);
    const open = m.filter((s) => !hidden.includes(s.id));
    return { ids: new Set(m.map((s) => s.id)), u: r.n! - open.reduce((a, s) => a + truth[s.id], 0), v: r.numerator! - open.reduce((a, s) => a + weightOf(s) * truth[s.id], 0) };
  });
  const types = new Map<string, { w: number; in: number[]; ids: string[] }>();
  for (const id of hidden) {
    const inG = groups.flatMap((g, k) => (g.ids.has(id) ? [k] : []));
    const key = `${weightOf(byId.get(id)!)}|${inG.join(",")}`;
    if (!types.has(key)) types.set(key, { w: weightOf(byId.get(id)!), in: inG, ids: [] });
    types.get(key)!.ids.push(id);
  }
  const T = [...types.values()];
  const totals: number[][] = [];
  const u = groups.map((g) => g.u);
  const v = groups.map((g) => g.v);
  const cur: number[] = [];
  const rec = (i: number) => {
    if (i === T.length) {
      if (u.every((x) => x === 0) && v.every((x) => Math.abs(x) < 1e-6)) totals.push([...cur]);
      return;
    }
    const cap = Math.min(...T[i].in.map((k) => u[k]));
    for (let x = 0; x <= cap; x++) {
      cur[i] = x;
      for (const k of T[i].in) (u[k] -= x), (v[k] -= T[i].w * x);
      rec(i + 1);
      for (const k of T[i].in) (u[k] += x), (v[k] += T[i].w * x);
    }
  };
  rec(0);
  const fits = reproduces(schools, sets, shown);
  const moved = new Set<string>();
  const solutions: Counts[] = [];
  const tryCounts = (c: Counts) => {
    if (!hidden.some((id) => !moved.has(id) && c[id] !== truth[id]) || !fits(c)) return;
    solutions.push(c);
    for (const id of hidden) if (c[id] !== truth[id]) moved.add(id);
  };
  const own = T.map((t) => t.ids.reduce((a, id) => a + truth[id], 0));
  for (const h of hidden) {
    if (moved.has(h)) continue;
    const ti = T.findIndex((t) => t.ids.includes(h));
    // another pupil moved within the type
    for (const g of T[ti].ids) {
      if (g === h || moved.has(h)) continue;
      if (truth[h] > 0) tryCounts({ ...truth, [h]: truth[h] - 1, [g]: truth[g] + 1 });
      else if (truth[g] > 0) tryCounts({ ...truth, [h]: 1, [g]: truth[g] - 1 });
    }
    // another total for the type: h takes the difference first
    for (const tot of totals) {
      if (moved.has(h)) break;
      if (tot[ti] === own[ti]) continue;
      const c: Counts = { ...truth };
      T.forEach((t, k) => {
        let d = tot[k] - own[k];
        const order = k === ti ? [h, ...t.ids.filter((id) => id !== h)] : t.ids;
        for (const id of order) {
          const step = d > 0 ? d : Math.max(d, -c[id]);
          c[id] += step;
          d -= step;
        }
      });
      tryCounts(c);
    }
  }
  return { hidden, moved, solutions };
}

const range = (solutions: Counts[], id: string) => {
  const v = solutions.map((s) => s[id]);
  return [Math.min(...v), Math.max(...v)];
};

/**
 * The attacker's solutions include the truth and more, and leave every hidden school a
 * range at least the minimum wide; returns the hidden schools.
 */
function expectProtected(schools: School[], sets: string[][], published: ResultRow[], truth: Counts): string[] {
  const { hidden, solutions } = attack(schools, sets, published);
  expect(solutions.length).toBeGreaterThan(1);
  expect(solutions).toContainEqual(truth);
  for (const id of hidden) {
    const [lo, hi] = range(solutions, id);
    expect(hi - lo, `school ${id}`).toBeGreaterThanOrEqual(MIN);
  }
  return hidden;
}

describe("disaggregate on a survey design: weighted totals and intervals", () => {
  it("no longer gives a hidden school back from its weighted numerator beside the national n", () => {
    // Strata S1 (N 10, n 2: weight 5) and S2 (N 9, n 3: weight 3); pupils A 3, B 12 (S1),
    // C 14, D 9, E 11 (S2); sets [[], [school]], minCell 5.
    // Before: A (3) hidden, D and E hidden by the room rule (D+E = 20), B and C published.
    // National n 49 and weighted 5·15 + 3·34 = 177 give A + D + E = 49 − 12 − 14 = 23 and
    // 5A + 3(D + E) = 177 − 60 − 42 = 75, so 2A = 75 − 3·23 = 6 and A = 3 exactly.
    // After: the weighted totals are unknowns of their own, tied to counts by 5 and 3; A
    // pinned gets a partner of its own weight, B: A + B + D + E = 35 and
    // 5(A + B) + 3(D + E) = 135 give A + B = 15 and D + E = 20 only, so A ∈ [0, 15].
    // The national interval reads hidden schools and is withheld; each school's interval
    // reads its own PSU only and stays.
    const schools: School[] = [
      { id: "A", stratum: "S1", N: 10, n: 2, region: "R1", location: "rural" },
      { id: "B", stratum: "S1", N: 10, n: 2, region: "R1", location: "rural" },
      { id: "C", stratum: "S2", N: 9, n: 3, region: "R1", location: "rural" },
      { id: "D", stratum: "S2", N: 9, n: 3, region: "R1", location: "rural" },
      { id: "E", stratum: "S2", N: 9, n: 3, region: "R1", location: "rural" },
    ];
    const truth = { A: 3, B: 12, C: 14, D: 9, E: 11 };
    const sets = [[], ["school"]];
    const t = disaggregate(build(schools, truth), ["enrolment"], { groupingSets: sets, suppression: { minCell: MIN } });
    const hidden = expectProtected(schools, sets, t, truth);
    expect(hidden).toContain("A");
    const total = t.find((r) => r.level === "total")!;
    expect(total).toMatchObject({ suppressed: false, n: 49, numerator: 177, ciLow: null, ciHigh: null });
    expect(total.flags).toContain("interval-withheld");
    const c = t.find((r) => r.school === "C")!;
    expect(c.suppressed).toBe(false);
    expect(c.ciLow).not.toBeNull();
  });

  it("withholds the national interval that, with equal weights, tells hidden schools apart", () => {
    // Strata S1 (N 12, n 4) and S2 (N 9, n 3): both weight 3, so the weighted sums add
    // nothing. Pupils A 2, B 9, C 14, D 11 (S1), E 7, F 13, G 10 (S2); A (2) hidden, B
    // and E hidden beside it; A + B + E = 66 − 48 = 18.
    // Before: the national SE is a quadratic in the PSU totals: per stratum
    // (1 − n_h/N_h)·n_h/(n_h − 1)·Σ (Y_p − Ȳ_h)², with Y_p = 3·pupils. Only A = 2, B = 9,
    // E = 7 and its swap A = 9, B = 2 reproduce it: E = 7 is exact.
    // After: the national interval reads the hidden schools and is withheld, so every
    // split of 18 over A, B and E fits: each ranges over [0, 18].
    const schools: School[] = [
      ...["A", "B", "C", "D"].map((id) => ({ id, stratum: "S1", N: 12, n: 4, region: "R1", location: "rural" })),
      ...["E", "F", "G"].map((id) => ({ id, stratum: "S2", N: 9, n: 3, region: "R1", location: "rural" })),
    ];
    const truth = { A: 2, B: 9, C: 14, D: 11, E: 7, F: 13, G: 10 };
    const sets = [[], ["school"]];
    const t = disaggregate(build(schools, truth), ["enrolment"], { groupingSets: sets, suppression: { minCell: MIN } });
    const hidden = expectProtected(schools, sets, t, truth);
    expect(hidden.length).toBeGreaterThan(1);
    const total = t.find((r) => r.level === "total")!;
    expect(total).toMatchObject({ suppressed: false, n: 66, numerator: 198, value: 198, ciLow: null, ciHigh: null });
    expect(total.flags).toEqual(["interval-withheld"]);
  });

  it("withholds every interval of a family with a hidden cell, not only of the groups containing it", () => {
    // Regions R1 {a, b} ... R4 {g, h}; locations rural {a, c, e, g} and urban {b, d, f,
    // h}; one stratum per region, weights N_h/2 = 2, 3, 4, 5. R1 has 1 + 2 pupils: hidden, with
    // R2 (13) and R3 (45) so that the partners of the largest hidden region can absorb a
    // move of 5. A location's SE reads its schools' totals, one from each region: beside
    // its sum it narrows how the location splits across the hidden regions, so every
    // location interval is withheld, and the national one. R4 shares no school with a
    // hidden region, but its SE gives how it splits between its urban and rural school,
    // which the location totals carry on to the hidden regions (a trial pinned a hidden
    // region of 3 that way): it is withheld too.
    const regions = ["R1", "R2", "R3", "R4"];
    const schools: School[] = ["a", "b", "c", "d", "e", "f", "g", "h"].map((id, k) => ({
      id,
      stratum: `S${Math.floor(k / 2)}`,
      N: 4 + 2 * Math.floor(k / 2),
      n: 2,
      region: regions[Math.floor(k / 2)],
      location: k % 2 ? "urban" : "rural",
    }));
    const truth = { a: 1, b: 2, c: 6, d: 7, e: 20, f: 25, g: 30, h: 40 };
    const t = disaggregate(build(schools, truth), ["enrolment"], { groupingSets: [[], ["region"], ["location"]], suppression: { minCell: MIN } });
    const hiddenRegions = t.filter((r) => r.level === "region" && r.suppressed).map((r) => r.region);
    expect(hiddenRegions).toEqual(["R1", "R2", "R3"]);
    // The attacker: each location's schools (n, weighted numerator, interval when
    // published), R4's two schools likewise, then R1 = a + b. With the location
    // intervals published (withholding only groups that contain a hidden cell, the
    // total), one split fits each location and R1 = 3 exactly.
    const sets = [[], ["region"], ["location"]];
    const row = (level: string, key: "region" | "location", code: string) => t.find((r) => r.level === level && r[key] === code)!;
    const fits = (ids: string[], published: ResultRow, key: "region" | "location", code: string) => {
      const inside = schools.filter((s) => ids.includes(s.id));
      return (counts: number[]) => {
        if (counts.reduce((a, x) => a + x, 0) !== published.n) return false;
        if (Math.abs(inside.reduce((a, s, j) => a + weightOf(s) * counts[j], 0) - published.numerator!) > 1e-6) return false;
        if (published.ciHigh === null) return true;
        const c: Counts = { ...truth };
        ids.forEach((id, j) => (c[id] = counts[j]));
        const r = disaggregate(build(schools, c), ["enrolment"], { groupingSets: sets, suppression: false }).find((x) => x.level === published.level && x[key] === code)!;
        return close(r.ciHigh!, published.ciHigh);
      };
    };
    const splits = (ids: string[], key: "region" | "location", code: string, level: string) => {
      const published = row(level, key, code);
      const ok = fits(ids, published, key, code);
      const out: number[][] = [];
      const rec = (acc: number[], left: number) => {
        if (acc.length === ids.length - 1) {
          if (ok([...acc, left])) out.push([...acc, left]);
          return;
        }
        for (let x = 0; x <= left; x++) rec([...acc, x], left - x);
      };
      rec([], published.n!);
      return out;
    };
    const rural = splits(["a", "c", "e", "g"], "location", "rural", "location");
    const urban = splits(["b", "d", "f", "h"], "location", "urban", "location");
    const r4 = new Set(splits(["g", "h"], "region", "R4", "region").map(([g, h]) => `${g},${h}`));
    const r1 = new Set<number>();
    for (const ru of rural) for (const ur of urban) if (r4.has(`${ru[3]},${ur[3]}`)) r1.add(ru[0] + ur[0]);
    expect(r1.has(3)).toBe(true);
    expect(Math.max(...r1) - Math.min(...r1)).toBeGreaterThanOrEqual(MIN);
    for (const r of t.filter((r) => r.level === "location" || r.level === "total")) {
      expect(r).toMatchObject({ suppressed: false, ciLow: null, ciHigh: null });
      expect(r.value).not.toBeNull();
      expect(r.flags).toContain("interval-withheld");
    }
    const open = t.find((r) => r.level === "region" && !r.suppressed)!;
    expect(open).toMatchObject({ region: "R4", ciLow: null, ciHigh: null });
    expect(open.flags).toContain("interval-withheld");
  });

  it("withholds the interval of a region that shares no school with the hidden ones (equal weights)", () => {
    // A hostile trial: weight 4 everywhere (weighted totals add nothing). R1 = two urban
    // schools with 1 + 2 pupils, R2 and R3 rural (7 each), R4 = one urban school (9) and
    // one rural (13) in one stratum; sets [[], [region], [location]]. R1 is hidden, R2
    // and R3 with it. R4's interval, had it stayed: SE² = (1 − 2/8)·2/(2 − 1)·Σ (Y_p − Ȳ)²
    // with Y_p = 4·pupils gives |urban − rural| = 4, so R4's urban school has 9 or 13
    // pupils; 13 is more than the urban n 12, so 9, and R1 = 12 − 9 = 3 exactly.
    const mk = (id: string, region: string, location: string, stratum: string): School => ({ id, stratum, N: 8, n: 2, region, location });
    const schools = [
      mk("a1", "R1", "urban", "S1"),
      mk("a2", "R1", "urban", "S1"),
      mk("b1", "R2", "rural", "S2"),
      mk("b2", "R2", "rural", "S2"),
      mk("d1", "R3", "rural", "S3"),
      mk("d2", "R3", "rural", "S3"),
      mk("c1", "R4", "urban", "S4"),
      mk("c2", "R4", "rural", "S4"),
    ];
    const truth = { a1: 1, a2: 2, b1: 3, b2: 4, d1: 4, d2: 3, c1: 9, c2: 13 };
    const t = disaggregate(build(schools, truth), ["enrolment"], { groupingSets: [[], ["region"], ["location"]], suppression: { minCell: MIN } });
    expect(t.filter((r) => r.level === "region" && r.suppressed).map((r) => r.region)).toEqual(["R1", "R2", "R3"]);
    const r4 = t.find((r) => r.region === "R4")!;
    expect(r4).toMatchObject({ suppressed: false, n: 22, ciLow: null, ciHigh: null });
    expect(r4.flags).toContain("interval-withheld");
    // unweighted and weighted totals alone leave R1 anything from 0 to 12 (urban n)
    const urban = t.find((r) => r.location === "urban")!;
    expect(urban).toMatchObject({ n: 12, ciLow: null });
  });

  it("leaves no hidden count determined in random stratified samples (seeded)", () => {
    const setsOf = [[[], ["school"]], [[], ["location"], ["school"]], [[], ["region"], ["school"]]];
    let hiddenSeen = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const u = seededRandom(seed);
      const count = 5 + Math.floor(u() * 4);
      // 2 or 3 strata of 2 sampled schools at least (a lonely PSU throws)
      const strata = Math.min(2 + Math.floor(u() * 2), Math.floor(count / 2));
      const schools: School[] = [];
      const truth: Counts = {};
      for (let k = 0; k < count; k++) {
        const h = k % strata;
        const n = Math.floor(count / strata) + (h < count % strata ? 1 : 0);
        // weight N_h/n_h = h + 2 + h/n_h: unequal across strata
        schools.push({ id: `s${k}`, stratum: `S${h}`, N: n * (h + 2) + h, n, region: u() < 0.5 ? "R1" : "R2", location: u() < 0.5 ? "rural" : "urban" });
        truth[`s${k}`] = k === 0 ? 2 : u() < 0.35 ? 1 + Math.floor(u() * 4) : 5 + Math.floor(u() * 10);
      }
      const sets = setsOf[seed % setsOf.length];
      const t = disaggregate(build(schools, truth), ["enrolment"], { groupingSets: sets, suppression: { minCell: MIN } });
      expect(t.find((r) => r.level === "total")!.suppressed).toBe(false);
      const { hidden, moved, solutions } = movable(schools, sets, t, truth);
      hiddenSeen += hidden.length;
      for (const id of hidden) expect(moved.has(id), `seed ${seed}: school ${id} (${truth[id]} pupils) is determined`).toBe(true);
      // and a hidden place row (a location hidden as a partner) takes another sum too
      for (const r of t.filter((r) => r.suppressed && r.level !== "school")) {
        const ids = members(r, schools).map((s) => s.id);
        const sum = (c: Counts) => ids.reduce((a, id) => a + c[id], 0);
        expect(solutions.some((c) => sum(c) !== sum(truth)), `seed ${seed}: ${keyOf(r)} is determined`).toBe(true);
      }
    }
    expect(hiddenSeen).toBeGreaterThan(0);
  });

  it("represents design weights exactly modulo the audit's prime", () => {
    const times = (a: number, b: number) => (a * b) % P;
    expect(times(modOf(10 / 3), 3)).toBe(10);
    expect(times(modOf(0.1), 10)).toBe(1);
    expect(modOf(5)).toBe(5);
    expect(times(modOf(-2.5), 2)).toBe(P - 5);
    // no small rational rounds to π: the double itself, m·2^-51
    const m = Math.PI * 2 ** 51;
    let r = modOf(Math.PI);
    for (let i = 0; i < 51; i++) r = times(r, 2);
    expect(r).toBe(m % P);
  });
});

describe("disaggregate on a survey design: shares that split their groups", () => {
  it("runs when a girls' share splits school × sex groups (a part cell has no row of its own)", () => {
    // Found by a hostile trial (seed 117): the partner order of design-weighted cells
    // read the text key of a share's part cell, which has no row, and threw a TypeError.
    const spec: Array<[string, string, string, string, number, number, number]> = [
      // id, region, location, stratum, weight, pupils, passed
      ["s0", "R1", "rural", "S0", 5, 8, 6],
      ["s1", "R0", "urban", "S2", 5, 0, 0],
      ["s2", "R1", "rural", "S1", 5, 0, 0],
      ["s3", "R1", "urban", "S1", 2, 15, 0],
      ["s4", "R1", "rural", "S2", 1.37, 1, 0],
    ];
    const schools = spec.map(([id, region, location, stratum, weight]) => ({
      school_id: id,
      region,
      district: `${region}-D`,
      level: "primary",
      ownership: "public",
      location,
      stratum,
      fpc: 6,
      weight,
    }));
    const students = spec.flatMap(([id, , , , , pupils, passed]) =>
      Array.from({ length: pupils }, (_, i) => ({
        student_id: `${id}-${i}`,
        school_id: id,
        grade: "G1",
        sex: i < Math.floor(pupils / 2) ? "female" : "male",
        year: 2024,
        passed: i < passed ? "yes" : "no",
        score: (i * 7) % 100,
      })),
    );
    const design = { strata: "stratum", psu: "school_id", fpc: "fpc", weight: "weight", lonely: "certainty" as const };
    const ds = createDataset({ profile, schools, students, design } as Parameters<typeof createDataset>[0]);
    const t = disaggregate(ds, ["enrolment", "female-pupils-percent", "pass-rate", "mean-score"], {
      groupingSets: [[], ["school", "sex"]],
      suppression: { minCell: 5 },
    });
    expect(t.length).toBeGreaterThan(0);
    for (const r of t) {
      if (r.suppressed) expect([r.value, r.numerator, r.denominator, r.n, r.ciLow, r.ciHigh]).toEqual([null, null, null, null, null, null]);
      for (const v of [r.value, r.numerator, r.denominator, r.ciLow, r.ciHigh]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
    }
    // s3's 7 girls and 8 boys are at least the minimum; s0's 4 and 4 are not
    const s0 = t.filter((r) => r.indicator === "enrolment" && r.school === "s0");
    expect(s0.every((r) => r.suppressed)).toBe(true);
  });
});

describe("disaggregate on a survey design: parts of cells with one weight", () => {
  it("does not let a location's n and weighted total split it between two hidden regions", () => {
    // A hostile trial: strata = region × location, weights N_h/n_h = 2 (R1 urban), 3 (R1
    // rural), 5 (R2 urban), 7 (R2 rural); sets [[], [region], [location]], minCell 5.
    // Pupils a1 1, a2 1 (R1 urban), b1 1, b2 0 (R1 rural), c1 10, c2 12, e1 9, e2 14.
    // Before: R1 (3) hidden, R2 beside it, the total and both locations published: urban
    // n 24 and weighted 2x + 5y = 114 give R1's urban part x = 2; rural 24 and 3x + 7y =
    // 164 give x = 1; so R1 = 3 exactly. Each region's part of a location has one weight:
    // an intersection of places, tied weighted = w · count, so the audit sees it.
    const mk = (id: string, region: string, location: string, N: number): School => ({ id, stratum: `${region}${location}`, N, n: 2, region, location });
    const schools = [
      mk("a1", "R1", "urban", 4),
      mk("a2", "R1", "urban", 4),
      mk("b1", "R1", "rural", 6),
      mk("b2", "R1", "rural", 6),
      mk("c1", "R2", "urban", 10),
      mk("c2", "R2", "urban", 10),
      mk("e1", "R2", "rural", 14),
      mk("e2", "R2", "rural", 14),
    ];
    const truth = { a1: 1, a2: 1, b1: 1, b2: 0, c1: 10, c2: 12, e1: 9, e2: 14 };
    const t = disaggregate(build(schools, truth), ["enrolment"], { groupingSets: [[], ["region"], ["location"]], suppression: { minCell: MIN } });
    expect(t.find((r) => r.region === "R1")!.suppressed).toBe(true);
    // The intruder's unknowns: the four region × location parts, each of one weight.
    const parts = [
      { region: "R1", location: "urban", w: 2 },
      { region: "R1", location: "rural", w: 3 },
      { region: "R2", location: "urban", w: 5 },
      { region: "R2", location: "rural", w: 7 },
    ];
    const inRow = (r: ResultRow, p: (typeof parts)[number]) => (r.region == null || r.region === p.region) && (r.location == null || r.location === p.location);
    const published = t.filter((r) => !r.suppressed);
    const fits = (x: number[]) =>
      published.every(
        (r) =>
          parts.reduce((s, p, k) => s + (inRow(r, p) ? x[k] : 0), 0) === r.n &&
          Math.abs(parts.reduce((s, p, k) => s + (inRow(r, p) ? p.w * x[k] : 0), 0) - r.numerator!) < 1e-6,
      );
    const r1 = new Set<number>();
    for (let a = 0; a <= 60; a++) for (let b = 0; b <= 60; b++) for (let c = 0; c <= 60; c++) for (let d = 0; d <= 60; d++) if (fits([a, b, c, d])) r1.add(a + b);
    expect(r1.has(3)).toBe(true);
    expect(Math.max(...r1) - Math.min(...r1)).toBeGreaterThanOrEqual(MIN);
  });
});
