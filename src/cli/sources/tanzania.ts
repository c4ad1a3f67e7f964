import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { createDataset } from "../../dataset/create-dataset";
import { tanzaniaProfile } from "../../profiles/tanzania";
import type { ColumnTable } from "../../models/columns";
import type { IndicatorDefinitionInput } from "../../models/indicator";
import type { SectionSpec } from "../../report/types";
import type { ReadResult } from "../../io/read-options";
import { displayOptions, readTable, type Display } from "../read-table";

const AGES = ["under_6", "6", "7", "8", "9", "10", "11", "12", "13", "over_13"];
const count = z.number().int().min(0);

/** Schema of the TAMISEMI 2022 school file: one row per school, pupils by age and sex. */
export const TanzaniaSchoolRow = z.object({
  school_reg_no: z.string().min(1),
  school_name: z.string().optional(),
  region: z.string().min(1),
  council: z.string().min(1),
  ward: z.string().optional(),
  ownership: z.enum(["government", "non_government"]),
  ...Object.fromEntries(AGES.flatMap((a) => [[`age_${a}_boys`, count], [`age_${a}_girls`, count]])),
  total_boys: count,
  total_girls: count,
});

const pct = (id: string, name: string, filter: object, direction: "higher-is-better" | "lower-is-better" | "neutral"): IndicatorDefinitionInput =>
  ({ id, name, kind: "ratio", unit: "percent", scale: 100, direction, statistic: "proportion", numerator: { fact: "pupils", measure: "pupils", filter }, denominator: { fact: "pupils", measure: "pupils" } }) as IndicatorDefinitionInput;

/** Adapted definitions over the long `pupils` table (school × sex × age) and the `schools` table. */
export const tanzaniaCatalogue: IndicatorDefinitionInput[] = [
  { id: "pupils", name: "Primary enrolment", kind: "ratio", unit: "count", direction: "neutral", statistic: "count", numerator: { fact: "pupils", measure: "pupils" } },
  pct("girls-percent", "Girls (% of enrolment)", { eq: ["sex", "girls"] }, "neutral"),
  // Primary (Standards I-VII) has official ages 7-13: pupils over 13 are over-age for the cycle.
  pct("over-age-for-cycle-percent", "Pupils older than the official primary ages (14+, %)", { eq: ["age", "over_13"] }, "lower-is-better"),
  pct("under-age-for-cycle-percent", "Pupils younger than the official entry age (under 7, %)", { in: ["age", ["under_6", "6"]] }, "neutral"),
  {
    id: "gini-school-size",
    name: "Gini of school enrolment",
    kind: "distribution",
    unit: "index",
    direction: "neutral",
    statistic: "ratio",
    unitOf: "school",
    numerator: { fact: "schools", measure: "pupils" },
    denominator: { fact: "schools", measure: "schools" },
    summary: "gini",
  },
  { id: "mean-school-size", name: "Pupils per school", kind: "ratio", unit: "ratio", direction: "neutral", statistic: "ratio", numerator: { fact: "schools", measure: "pupils" }, denominator: { fact: "schools", measure: "schools" } },
];

/**
 * Reshapes the wide school file to long facts: `pupils` (school, region, council,
 * ward, ownership, sex, age) and `schools` (one row per school). The published totals
 * per school and sex are kept as margins (age `total`) and reconciled with the ages.
 */
export function tanzaniaSection(dir: string, display: Display = {}): { spec: SectionSpec; reads: ReadResult[] } {
  const read = readTable(join(dir, "schools.csv"), TanzaniaSchoolRow, { unique: ["school_reg_no"], ...displayOptions(display) });
  const t = read.table;
  const n = t.length;
  const dimNames = ["school", "region", "council", "ward", "ownership"];
  const src = ["school_reg_no", "region", "council", "ward", "ownership"];
  const longN = n * (AGES.length + 1) * 2;
  const codesOf = (name: string) => {
    const c = t.columns[name];
    if (c.kind !== "code") throw new Error(`${name} is not a code column`);
    return c;
  };
  const columns: ColumnTable["columns"] = {};
  dimNames.forEach((d, k) => {
    const c = codesOf(src[k]);
    const codes = new Uint32Array(longN);
    for (let i = 0; i < n; i++) codes.fill(c.codes[i], i * (AGES.length + 1) * 2, (i + 1) * (AGES.length + 1) * 2);
    columns[d] = { kind: "code", codes, dictionary: c.dictionary };
  });
  const sexCodes = new Uint32Array(longN);
  const ageCodes = new Uint32Array(longN);
  const pupils = new Float64Array(longN);
  const ages = [...AGES, "total"];
  let j = 0;
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < 2; s++) {
      const sex = s === 0 ? "boys" : "girls";
      ages.forEach((a, k) => {
        const col = t.columns[a === "total" ? `total_${sex}` : `age_${a}_${sex}`];
        sexCodes[j] = s;
        ageCodes[j] = k;
        pupils[j] = col.kind === "number" ? col.values[i] : Number.NaN;
        j++;
      });
    }
  }
  columns.sex = { kind: "code", codes: sexCodes, dictionary: ["boys", "girls"] };
  columns.age = { kind: "code", codes: ageCodes, dictionary: ages };
  columns.pupils = { kind: "number", values: pupils };
  const long: ColumnTable = { length: longN, columns };
  const perSchool: ColumnTable = {
    length: n,
    columns: {
      ...Object.fromEntries(dimNames.map((d, k) => [d, codesOf(src[k])])),
      pupils: { kind: "number", values: Float64Array.from({ length: n }, (_, i) => num(t, "total_boys", i) + num(t, "total_girls", i)) },
      schools: { kind: "number", values: new Float64Array(n).fill(1) },
    },
  };
  const dataset = createDataset({
    profile: tanzaniaProfile,
    counts: [
      { spec: { name: "pupils", dimensions: [...dimNames, "sex", "age"], measures: ["pupils"], marginCodes: { age: ["total"] } }, table: long },
      { spec: { name: "schools", dimensions: dimNames, measures: ["pupils", "schools"] }, table: perSchool },
    ],
  });
  const spec: SectionSpec = {
    id: "tanzania-primary-2022",
    title: "Tanzania mainland, primary enrolment by school, 2022",
    source: "PO-RALG (TAMISEMI), Basic Education Data 2022, enrolment in government and non-government primary schools by age and sex (read from EMIS_DATA_DIR, not shipped)",
    dataset,
    catalogue: tanzaniaCatalogue,
    headline: ["pupils", "girls-percent", "over-age-for-cycle-percent", "under-age-for-cycle-percent", "mean-school-size", "gini-school-size"],
    breakdowns: [{ indicators: ["pupils", "girls-percent", "over-age-for-cycle-percent", "mean-school-size"], by: ["ownership"] }],
    gaps: [
      { indicator: "over-age-for-cycle-percent", by: "sex", group: "girls", reference: "boys", within: "region" },
      { indicator: "over-age-for-cycle-percent", by: "ownership", group: "government", reference: "non_government", within: "region" },
    ],
    spread: [
      { indicator: "girls-percent", across: "region" },
      { indicator: "over-age-for-cycle-percent", across: "region" },
      { indicator: "over-age-for-cycle-percent", across: "council" },
      { indicator: "mean-school-size", across: "council" },
    ],
    segregation: [{ dimension: "sex", unit: "school", within: "ownership", pair: ["girls", "boys"], count: "pupils" }],
    notes: [
      "The file has no teachers, classrooms or results: pupil-teacher ratios and learning outcomes cannot be computed.",
      "Without grades, over-age is measured for the cycle (older than 13, the last official primary age), not for each grade (SDG 4.1.5 needs grade and age).",
      "Girls and boys are compared within each region on over-age shares; enrolment parity needs population by age, which is not in the file.",
    ],
  };
  return { spec, reads: [read] };
}

function num(t: ColumnTable, name: string, i: number): number {
  const c = t.columns[name];
  return c.kind === "number" ? c.values[i] : Number.NaN;
}

/** True when the Tanzania folder is present under the data directory. */
export function hasTanzania(dataDir: string): boolean {
  return existsSync(join(dataDir, "tanzania_primary_enrolment_2022", "schools.csv"));
}
