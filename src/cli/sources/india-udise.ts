import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { createDataset } from "../../dataset/create-dataset";
import { indiaProfile } from "../../profiles/india";
import type { IndicatorDefinitionInput } from "../../models/indicator";
import type { GapRow, SectionSpec } from "../../report/types";
import type { ReadResult } from "../../io/read-options";
import { publishedGaps } from "../../report/published-gaps";
import { displayOptions, readTable, type Display } from "../read-table";

const count = z.number().min(0);
const LEVELS_1_12 = ["primary", "upper_primary", "secondary", "higher_secondary"];
const LEVEL_MARGINS = {
  elementary: ["primary", "upper_primary"],
  grades_1_12: LEVELS_1_12,
  total_pre_primary_to_12: ["pre_primary", ...LEVELS_1_12],
};

const share = (id: string, name: string, num: IndicatorDefinitionInput extends never ? never : object, den: object, direction: "higher-is-better" | "lower-is-better" | "neutral"): IndicatorDefinitionInput =>
  ({ id, name, kind: "ratio", unit: "percent", scale: 100, direction, statistic: "proportion", numerator: num, denominator: den }) as IndicatorDefinitionInput;

/**
 * Indicators over the UDISE+ state tables: adapted definitions, not built-ins (they read
 * the `enrolment`, `teachers`, `cwsn` and `facilities` count tables).
 */
export const indiaCatalogue: IndicatorDefinitionInput[] = [
  { id: "enrolment-total", name: "Enrolment (pre-primary to XII)", kind: "ratio", unit: "count", direction: "neutral", statistic: "count", numerator: { fact: "enrolment", measure: "enrolment" } },
  share("girls-percent", "Girls (% of enrolment)", { fact: "enrolment", measure: "enrolment", filter: { eq: ["sex", "girls"] } }, { fact: "enrolment", measure: "enrolment" }, "neutral"),
  share("cwsn-percent", "Children with special needs (% of enrolment, grades 1-12)", { fact: "cwsn", measure: "cwsn_enrolment" }, { fact: "enrolment", measure: "enrolment", filter: { in: ["education_level", LEVELS_1_12] } }, "neutral"),
  share("female-teachers-percent", "Female teachers (%)", { fact: "teachers", measure: "teachers", filter: { eq: ["sex", "female"] } }, { fact: "teachers", measure: "teachers" }, "neutral"),
  {
    id: "pupils-per-teacher-all-levels",
    name: "Pupils (pre-primary to XII) per teacher, all levels",
    description: "UDISE+ teachers are not split by level, so the published PTR by level cannot be recomputed; this is enrolment of all levels over all teachers.",
    kind: "ratio",
    unit: "ratio",
    direction: "lower-is-better",
    statistic: "ratio",
    numerator: { fact: "enrolment", measure: "enrolment" },
    denominator: { fact: "teachers", measure: "teachers" },
  },
  ...(["electricity", "drinking_water", "toilet_any", "cwsn_friendly_toilet", "ramp_for_cwsn", "computer", "internet"] as const).map((f) =>
    share(`schools-with-${f.replace(/_/g, "-")}`, `Schools with ${f.replace(/_/g, " ")} (%)`, { fact: "facilities", measure: "schools_with_facility", filter: { eq: ["facility", f] } }, { fact: "facilities", measure: "schools_total", filter: { eq: ["facility", f] } }, "higher-is-better"),
  ),
];

/** Reads the UDISE+ 2018-19 state tables under `dir` as a report section. */
export function indiaSection(dir: string, display: Display = {}): { spec: SectionSpec; reads: ReadResult[]; flowCheck: FlowCheck } {
  const profile = indiaProfile;
  const enrolment = readTable(join(dir, "enrolment.csv"), z.object({ state: z.string(), management: z.string(), level: z.string(), sex: z.string(), enrolment: count }), displayOptions(display));
  const teachers = readTable(join(dir, "teachers.csv"), z.object({ state: z.string(), management: z.string(), sex: z.string(), teachers: count }), displayOptions(display));
  const cwsn = readTable(join(dir, "cwsn_enrolment.csv"), z.object({ state: z.string(), level: z.string(), sex: z.string(), cwsn_enrolment: count }), displayOptions(display));
  const facilities = readTable(
    join(dir, "school_facilities.csv"),
    z.object({ state: z.string(), management: z.string(), facility: z.string(), schools_total: count, schools_with_facility: count, schools_with_functional_facility: count.optional() }),
    displayOptions(display),
  );
  const rates = readTable(join(dir, "rates_by_sex.csv"), z.object({ state: z.string(), indicator: z.string(), social_group: z.string(), level: z.string(), sex: z.string(), value_percent: z.number().optional() }), displayOptions(display));
  const marginState = { state: ["India"] };
  const dataset = createDataset({
    profile,
    counts: [
      { spec: { name: "enrolment", dimensions: ["state", "management", "education_level", "sex"], measures: ["enrolment"], marginCodes: { ...marginState, management: ["all"], sex: ["total"], education_level: LEVEL_MARGINS } }, table: renameLevel(enrolment) },
      // Sex is renamed so it conforms with enrolment's boys/girls only where it should: teachers keep male/female.
      { spec: { name: "teachers", dimensions: ["state", "management", "sex"], measures: ["teachers"], marginCodes: { ...marginState, management: ["all"], sex: ["total"] } }, table: teachers },
      { spec: { name: "cwsn", dimensions: ["state", "education_level", "sex"], measures: ["cwsn_enrolment"], marginCodes: { ...marginState, sex: ["total"], education_level: { elementary: ["primary", "upper_primary"], grades_1_12: LEVELS_1_12 } } }, table: renameLevel(cwsn) },
      { spec: { name: "facilities", dimensions: ["state", "management", "facility"], measures: ["schools_total", "schools_with_facility", "schools_with_functional_facility"], marginCodes: { ...marginState, management: ["all"] } }, table: facilities },
    ],
  });
  const spec: SectionSpec = {
    id: "india-udise-2018-19",
    title: "India, UDISE+ 2018-19 (state tables)",
    source: "UDISE+ 2018-19 flash statistics, DoSEL, Ministry of Education, Government of India (state/UT tables, reshaped to long form; read from EMIS_DATA_DIR, not shipped)",
    dataset,
    catalogue: indiaCatalogue,
    headline: ["enrolment-total", "girls-percent", "cwsn-percent", "female-teachers-percent", "pupils-per-teacher-all-levels", "schools-with-electricity", "schools-with-cwsn-friendly-toilet", "schools-with-ramp-for-cwsn", "schools-with-internet"],
    breakdowns: [{ indicators: ["girls-percent", "cwsn-percent"], by: ["education_level"] }, { indicators: ["schools-with-ramp-for-cwsn", "schools-with-cwsn-friendly-toilet", "schools-with-internet"], by: ["management"] }],
    gaps: [
      { indicator: "cwsn-percent", by: "sex", group: "girls", reference: "boys", within: "state" },
      { indicator: "schools-with-ramp-for-cwsn", by: "management", group: "government", reference: "private_unaided", within: "state" },
      { indicator: "schools-with-internet", by: "management", group: "government", reference: "private_unaided", within: "state" },
    ],
    spread: [
      { indicator: "pupils-per-teacher-all-levels", across: "state" },
      { indicator: "cwsn-percent", across: "state" },
      { indicator: "schools-with-cwsn-friendly-toilet", across: "state" },
    ],
    notes: [
      "Teachers are published for all classes together, not by level: the published pupil-teacher ratios by level (table 2.11) cannot be recomputed from these tables. 'Pupils per teacher, all levels' divides all enrolment by all teachers instead.",
      "Margin rows (state India, management all, sex total, levels elementary / grades 1-12 / pre-primary to 12) are reconciled against their parts, never summed with them.",
      "Gender parity of GER, dropout and transition uses the published rates by sex (table 5.x): population denominators are not in these tables, so those rates are read, not recomputed.",
    ],
    // Published state aggregates of millions of pupils: no small cells to protect.
    minCell: 0,
    publishedGaps: publishedRateGaps(rates),
  };
  return { spec, reads: [enrolment, teachers, cwsn, facilities, rates], flowCheck: flowIdentity(rates) };
}

/** UDISE+ calls the level of education `level`, which every result row uses for its grouping level. */
function renameLevel(r: ReadResult): ReadResult["table"] {
  const { level, ...rest } = r.table.columns;
  return { length: r.table.length, columns: { ...rest, education_level: level } };
}

/** Published rates by sex: girls vs boys per state, indicator and level. */
function publishedRateGaps(rates: ReadResult): GapRow[] {
  const worse = new Set(["dropout_rate", "repetition_rate"]);
  return publishedGaps(
    readRates(rates).filter((r) => r.social_group === "all"),
    {
      by: "sex",
      group: "girls",
      reference: "boys",
      keys: ["state", "indicator", "level"],
      within: "state",
      value: (r) => r.value,
      indicator: (r) => ({
        id: `${r.indicator}:${r.level}`,
        name: `${r.indicator.replace(/_/g, " ")} (${r.level.replace(/_/g, " ")}), published`,
        direction: worse.has(r.indicator) ? "lower-is-better" : "higher-is-better",
      }),
    },
  );
}

interface RateRow extends Record<string, unknown> {
  state: string;
  indicator: string;
  social_group: string;
  level: string;
  sex: string;
  value: number | null;
}

function readRates(rates: ReadResult): RateRow[] {
  const t = rates.table;
  const col = (n: string) => t.columns[n];
  const out: RateRow[] = [];
  for (let i = 0; i < t.length; i++) {
    const s = (n: string) => {
      const c = col(n);
      return c.kind === "code" ? c.dictionary[c.codes[i]] : "";
    };
    const v = col("value_percent");
    const value = v.kind === "number" && !Number.isNaN(v.values[i]) ? v.values[i] : null;
    out.push({ state: s("state"), indicator: s("indicator"), social_group: s("social_group"), level: s("level"), sex: s("sex"), value });
  }
  return out;
}

/** Promotion + repetition + dropout per state, level and sex: a flow identity that should give 100. */
export interface FlowCheck {
  checked: number;
  within: number;
  tolerance: number;
  worst: Array<{ state: string; level: string; sex: string; sum: number }>;
}

/** Checks the UIS flow identity p + r + d = 100 on the published rates (tolerance 0.5 pp for rounding). */
export function flowIdentity(rates: ReadResult, tolerance = 0.5): FlowCheck {
  const rows = readRates(rates);
  const sums = new Map<string, { sum: number; parts: number }>();
  for (const r of rows) {
    if (!["promotion_rate", "repetition_rate", "dropout_rate"].includes(r.indicator) || r.value === null) continue;
    const k = `${r.state}|${r.level}|${r.sex}`;
    const acc = sums.get(k) ?? { sum: 0, parts: 0 };
    acc.sum += r.value;
    acc.parts++;
    sums.set(k, acc);
  }
  const complete = [...sums.entries()].filter(([, v]) => v.parts === 3);
  const worst = complete
    .map(([k, v]) => {
      const [state, level, sex] = k.split("|");
      return { state, level, sex, sum: Math.round(v.sum * 100) / 100 };
    })
    .sort((a, b) => Math.abs(b.sum - 100) - Math.abs(a.sum - 100));
  return { checked: complete.length, within: complete.filter(([, v]) => Math.abs(v.sum - 100) <= tolerance).length, tolerance, worst: worst.slice(0, 5) };
}

/** True when the UDISE+ folder is present under the data directory. */
export function hasIndia(dataDir: string): boolean {
  return existsSync(join(dataDir, "india_udise_2018_19_states", "enrolment.csv"));
}
