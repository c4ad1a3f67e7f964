import type { Profile } from "../../../src/models/profile";
import type { School } from "../../../src/models/school";
import type { YesNo } from "../../../src/models/codes";
import { resolveUnit } from "../../../src/profiles";
import { type Draw, roundToTotal } from "./draw";

/** A synthetic school row: the School model plus the Bhutan hierarchy columns. */
export type SyntheticSchool = School & { dzongkhag: string; gewog: string; thromde?: string };

/** What the pupil and teacher steps need to know about a school (not written out). */
export interface SchoolPlan {
  row: SyntheticSchool;
  /** Grade orders offered, first to last (0 = PP). */
  span: [number, number];
  enrolment: number;
  /** Share of pupils from nomadic highland households. */
  nomadicShare: number;
  /** Inclusive (SEN) school: more pupils with disabilities are enrolled here. */
  inclusive: boolean;
  /** Domain of the special institute (seeing or hearing), if any. */
  specialDomain?: "seeing" | "hearing";
  /** School effect on scores. */
  effect: number;
}

/** 2017 resident population by dzongkhag (PHCB 2017 via bhutan_reference/population.csv), used as weights. */
export const POPULATION_2017: Record<string, number> = {
  Bumthang: 17820, Chhukha: 68966, Dagana: 24965, Gasa: 3952, Haa: 13655, Lhuentse: 14437, Mongar: 37150,
  Paro: 46316, Pemagatshel: 23632, Punakha: 28740, "Samdrup Jongkhar": 35079, Samtse: 62590, Sarpang: 46004,
  Thimphu: 138736, Trashigang: 45518, Trashiyangtse: 17300, Trongsa: 19960, Tsirang: 22376,
  "Wangdue Phodrang": 42186, Zhemgang: 17763,
};

/** Thromde towns: dzongkhag, share of that dzongkhag's (non-ECR) schools that are urban, and gewogs the town lies in. */
const THROMDES: Record<string, { thromde: string; urban: number; gewogs: string[] }> = {
  Thimphu: { thromde: "Thimphu", urban: 0.6, gewogs: ["Chang", "Kawang"] },
  Chhukha: { thromde: "Phuentsholing", urban: 0.25, gewogs: ["Phuentsholing"] },
  Sarpang: { thromde: "Gelephu", urban: 0.22, gewogs: ["Gelephu"] },
  "Samdrup Jongkhar": { thromde: "Samdrup Jongkhar", urban: 0.2, gewogs: ["Phuntshothang", "Dewathang"] },
};

/** Highland gewogs with nomadic (yak-herding) communities, and the nomadic share of their schools' pupils. */
export const HIGHLAND: { dzongkhag: string; gewog: string; level: "PS" | "ECR"; nomadic: number }[] = [
  { dzongkhag: "Gasa", gewog: "Laya", level: "PS", nomadic: 0.6 },
  { dzongkhag: "Gasa", gewog: "Lunana", level: "PS", nomadic: 0.7 },
  { dzongkhag: "Gasa", gewog: "Lunana", level: "ECR", nomadic: 0.8 },
  { dzongkhag: "Trashigang", gewog: "Merak", level: "PS", nomadic: 0.6 },
  { dzongkhag: "Trashigang", gewog: "Sakteng", level: "PS", nomadic: 0.6 },
  { dzongkhag: "Thimphu", gewog: "Lingzhi", level: "PS", nomadic: 0.5 },
  { dzongkhag: "Thimphu", gewog: "Naro", level: "ECR", nomadic: 0.5 },
  { dzongkhag: "Thimphu", gewog: "Soe", level: "ECR", nomadic: 0.5 },
  { dzongkhag: "Haa", gewog: "Bji", level: "PS", nomadic: 0.15 },
  { dzongkhag: "Bumthang", gewog: "Chhoekhor", level: "PS", nomadic: 0.08 },
];

/** Rugged, sparsely populated dzongkhags where more schools are remote. */
const RUGGED = new Set(["Gasa", "Zhemgang", "Lhuentse", "Trashigang", "Pemagatshel", "Trashiyangtse", "Dagana", "Samdrup Jongkhar"]);

/** Kinds of school to create, with counts for scale 1 (566 in all) and enrolment medians. */
export const SCHOOL_MIX = [
  { level: "ECR", type: "ECR", ownership: "public", count: 50, median: 14 },
  { level: "PS", type: "CPS", ownership: "public", count: 25, median: 45 },
  { level: "PS", type: "REG", ownership: "public", count: 255, median: 115 },
  { level: "PS", type: "PVT", ownership: "private", count: 10, median: 260 },
  { level: "LSS", type: "REG", ownership: "public", count: 67, median: 280 },
  { level: "LSS", type: "AUTO", ownership: "public", count: 6, median: 320 },
  { level: "LSS", type: "CS", ownership: "public", count: 12, median: 560 },
  { level: "MSS", type: "REG", ownership: "public", count: 35, median: 430 },
  { level: "MSS", type: "AUTO", ownership: "public", count: 7, median: 480 },
  { level: "MSS", type: "CS", ownership: "public", count: 25, median: 760 },
  { level: "MSS", type: "PVT", ownership: "private", count: 5, median: 380 },
  { level: "MSS", type: "SPECIAL", ownership: "public", count: 2, median: 70 },
  { level: "HSS", type: "REG", ownership: "public", count: 16, median: 640 },
  { level: "HSS", type: "AUTO", ownership: "public", count: 7, median: 700 },
  { level: "HSS", type: "CS", ownership: "public", count: 26, median: 900 },
  { level: "HSS", type: "PVT", ownership: "private", count: 18, median: 520 },
] as const;

const facility = (d: Draw, pYes: number): YesNo => (d.chance(0.015) ? "unknown" : d.chance(pYes) ? "yes" : "no");

function gradeSpan(d: Draw, level: string, type: string, location: string): [number, number] {
  if (level === "ECR") return d.chance(0.7) ? [0, 3] : [0, 2];
  if (level === "PS") return location === "remote" && d.chance(0.25) ? [0, 3] : [0, 6];
  if (type === "SPECIAL") return [0, 10];
  if (level === "LSS") return type === "CS" || d.chance(0.7) ? [0, 8] : [7, 8];
  if (level === "MSS") return type === "CS" || d.chance(0.4) ? [0, 10] : [7, 10];
  if (type === "PVT") return d.chance(0.8) ? [11, 12] : [9, 12];
  if (type === "CS") return d.chance(0.5) ? [0, 12] : [7, 12];
  const r = d.u();
  return r < 0.45 ? [9, 12] : r < 0.75 ? [11, 12] : [7, 12];
}

function distance(d: Draw, location: string): { road: number; hq: number } {
  const round1 = (x: number) => Math.round(x * 10) / 10;
  if (location === "urban") return { road: round1(d.u() * 0.3), hq: round1(d.u() * 8) };
  if (location === "rural") return { road: round1(-Math.log(1 - d.u()) * 1.2), hq: round1(5 + d.lognormal(25, 0.6)) };
  return { road: round1(2 + d.lognormal(8, 0.9)), hq: round1(20 + d.lognormal(60, 0.6)) };
}

/**
 * Plans the schools: kind (level, type, ownership) from SCHOOL_MIX scaled, dzongkhag by
 * 2017 population (weights softened for public schools, sharpened for private), gewog
 * uniformly within the dzongkhag, location (urban inside the 4 thromdes and district
 * towns, remote more often for ECRs, small and rugged-district schools), distances,
 * facilities (fewer in remote schools, ~1.5% unknown) and a raw enrolment that
 * `generate` rescales to the national total.
 */
export function planSchools(profile: Profile, d: Draw, scale: number): SchoolPlan[] {
  const dzNames = Object.keys(POPULATION_2017);
  const dzCode = (name: string) => resolveUnit(profile, "dzongkhag", name)?.code ?? name;
  const gewogsOf = new Map(dzNames.map((n) => [n, profile.units.filter((u) => u.level === "gewog" && u.parent === dzCode(n))]));
  const counts = SCHOOL_MIX.map((m) => Math.max(1, Math.round(m.count * scale)));
  const plans: SchoolPlan[] = [];
  // Highland schools first: they are part of the PS and ECR counts.
  const highland = scale >= 0.5 ? HIGHLAND : [];
  for (let k = 0; k < SCHOOL_MIX.length; k++) {
    const mix = SCHOOL_MIX[k];
    for (let i = 0; i < counts[k]; i++) {
      const forced = mix.type === "REG" || mix.type === "ECR" ? highland.filter((h) => h.level === mix.level)[i] : undefined;
      const power = mix.ownership === "private" ? 1.6 : mix.level === "MSS" || mix.level === "HSS" ? 0.8 : 0.55;
      let dzName = forced?.dzongkhag ?? dzNames[d.weighted(dzNames.map((n) => POPULATION_2017[n] ** power))];
      if (mix.type === "SPECIAL") dzName = i === 0 ? "Trashigang" : "Paro";
      const th = THROMDES[dzName];
      let location: "urban" | "rural" | "remote";
      if (forced) location = "remote";
      else if (mix.ownership === "private") location = d.chance(0.85) ? "urban" : "rural";
      else if (mix.level !== "ECR" && mix.type !== "CPS" && mix.type !== "CS" && d.chance(th ? th.urban : 0.08)) location = "urban";
      else {
        const base = { ECR: 0.8, PS: mix.type === "CPS" ? 0.6 : 0.28, LSS: 0.15, MSS: 0.08, HSS: 0.05 }[mix.level];
        location = d.chance(Math.min(0.95, base + (RUGGED.has(dzName) ? 0.15 : 0) + (mix.type === "CS" ? 0.02 : 0))) ? "remote" : "rural";
      }
      if (mix.type === "SPECIAL") location = "rural";
      const inThromde = location === "urban" && th !== undefined && d.chance(0.9);
      const gewogs = gewogsOf.get(dzName) ?? [];
      const wanted = forced ? forced.gewog : inThromde ? d.pick(th.gewogs) : mix.type === "SPECIAL" ? (i === 0 ? "Khaling" : "Tsento") : undefined;
      const gewog = wanted ? gewogs.find((g) => g.name === wanted) : d.pick(gewogs);
      if (!gewog) throw new Error(`generateBhutanSynthetic: no gewog found for ${dzName}`);
      const thromde = inThromde ? resolveUnit(profile, "thromde", th.thromde, dzName)?.code : undefined;
      const dist = distance(d, location);
      const span = gradeSpan(d, mix.level, mix.type, location);
      const rich = location === "urban" ? 1 : location === "rural" ? 0.8 : 0.5;
      const median = mix.median * (location === "urban" ? 1.8 : location === "remote" && mix.level !== "ECR" ? 0.55 : 1);
      const enrolment = mix.type === "SPECIAL" ? (i === 0 ? 62 : 78) : Math.max(mix.level === "ECR" ? 5 : 8, d.lognormal(median, mix.level === "ECR" ? 0.35 : 0.45));
      const row: SyntheticSchool = {
        school_id: "",
        name: `${gewog.name} ${mix.level}${mix.type === "REG" || mix.type === mix.level ? "" : ` ${mix.type}`}`,
        dzongkhag: dzCode(dzName),
        gewog: gewog.code,
        ...(thromde ? { thromde } : {}),
        level: mix.level,
        type: mix.type,
        ownership: mix.ownership,
        location,
        distance_road_km: dist.road,
        distance_hq_km: dist.hq,
        classrooms: 0,
        electricity: facility(d, 0.55 + 0.45 * rich),
        drinking_water: facility(d, 0.5 + 0.45 * rich),
        toilets: facility(d, 0.75 + 0.25 * rich),
        accessible_toilet: facility(d, mix.type === "SPECIAL" ? 1 : 0.6 * rich * rich),
        ramp: facility(d, mix.type === "SPECIAL" ? 1 : 0.55 * rich * rich),
        internet: facility(d, mix.level === "ECR" ? 0.1 : 0.95 * rich * rich),
        computers: facility(d, mix.level === "ECR" ? 0.15 : 0.3 + 0.65 * rich),
        handwashing: facility(d, 0.5 + 0.45 * rich),
      };
      plans.push({
        row,
        span,
        enrolment,
        nomadicShare: forced?.nomadic ?? 0,
        inclusive: false,
        ...(mix.type === "SPECIAL" ? { specialDomain: i === 0 ? ("seeing" as const) : ("hearing" as const) } : {}),
        effect: 4 * d.normal(),
      });
    }
  }
  // Stable ids in dzongkhag, gewog, level order.
  const levelRank: Record<string, number> = { ECR: 0, PS: 1, LSS: 2, MSS: 3, HSS: 4 };
  plans.sort((a, b) => a.row.gewog.localeCompare(b.row.gewog) || levelRank[a.row.level!] - levelRank[b.row.level!] || a.enrolment - b.enrolment);
  const seen = new Map<string, number>();
  plans.forEach((p, i) => {
    p.row.school_id = `BT-S${String(i + 1).padStart(4, "0")}`;
    const n = (seen.get(p.row.name!) ?? 0) + 1;
    seen.set(p.row.name!, n);
    p.row.name = `${p.row.name}${n > 1 ? ` ${n}` : ""} (synthetic)`;
  });
  // 23 inclusive (SEN) schools (published count, 2021), among public regular and central schools.
  const eligible = plans.filter((p) => p.row.ownership === "public" && (p.row.type === "REG" || p.row.type === "CS") && p.row.level !== "ECR");
  const nInclusive = Math.max(1, Math.round(23 * scale));
  for (let i = 0; i < nInclusive && eligible.length; i++) eligible.splice(Math.floor(d.u() * eligible.length), 1)[0].inclusive = true;
  return plans;
}

/** Rescales planned enrolments (special institutes kept) so all pupils add up to `total`. */
export function fixEnrolments(plans: SchoolPlan[], total: number): void {
  const special = plans.filter((p) => p.specialDomain).reduce((a, p) => a + Math.round(p.enrolment), 0);
  const rest = plans.filter((p) => !p.specialDomain);
  const sizes = roundToTotal(rest.map((p) => p.enrolment), total - special, 1);
  rest.forEach((p, i) => (p.enrolment = sizes[i]));
  plans.filter((p) => p.specialDomain).forEach((p) => (p.enrolment = Math.round(p.enrolment)));
}
