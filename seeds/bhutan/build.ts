/**
 * Normalises the published Bhutan figures (raw/*.csv, copied unchanged from
 * bhutan_published_figures) into long CountTables and writes manifest.json.
 * Run: npx tsx seeds/bhutan/build.ts
 *
 * Rules: one output row per raw row (raw_file and raw_row say which), values unchanged,
 * source_title/source_url/source_date/note kept. Dzongkhag names become profile codes
 * (`wangdue-phodrang`). A category column that mixes partitions is split into one
 * dimension per partition, so each dimension's margin equals its parts. Rows that repeat
 * another row's key from a different outlet get report = 2 (report 1 is the first
 * published), so alternatives are never summed by accident.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CountTableSpec } from "../../src/models/count-table";
import { bhutanProfile, resolveUnit } from "../../src/profiles";
import { parseCsvText, toCsv } from "../internal/csv";

const here = dirname(fileURLToPath(import.meta.url));
const read = (file: string) => parseCsvText(readFileSync(join(here, "raw", file), "utf8"));
const SOURCE = ["value", "unit", "source_title", "source_url", "source_date", "note", "raw_file", "raw_row"];

type Out = Record<string, string | number>;

function withReport(rows: Out[], keyDims: string[]): Out[] {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = keyDims.map((d) => r[d]).join("\u0000");
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    r.report = n;
  }
  return rows;
}

const provenance = (r: Record<string, string>, file: string, i: number, unit?: string): Out => ({
  value: Number(r.value),
  unit: unit ?? r.unit,
  source_title: r.source_title,
  source_url: r.source_url,
  source_date: r.source_date,
  note: r.note,
  raw_file: `raw/${file}`,
  raw_row: i + 1,
});

const LEVEL_CODES = ["higher_secondary", "middle_secondary", "lower_secondary", "primary", "community_primary", "central_school", "extended_classroom", "primary_and_extended_classroom"];

function subnational(): Out[] {
  return read("subnational_figures.csv").map((r, i) => {
    const c = r.category;
    const dz = resolveUnit(bhutanProfile, "dzongkhag", r.dzongkhag);
    if (!dz) throw new Error(`seeds/bhutan/build: dzongkhag "${r.dzongkhag}" not in the Bhutan profile`);
    return {
      geography_level: r.geography_level,
      dzongkhag: dz.code,
      geography: r.geography,
      reference_period: r.reference_period,
      indicator: r.indicator,
      level: LEVEL_CODES.includes(c) ? c : "all",
      boarding: c === "boarder" || c === "day_scholar" ? c : "all",
      ownership: c === "public" || c === "private" ? c : "all",
      age_group: c.startsWith("age_") ? c : "all",
      sex: r.sex,
      ...provenance(r, "subnational_figures.csv", i),
    };
  });
}

function national(counts: boolean): Out[] {
  const rows = read("national_figures.csv")
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => (r.unit === "count") === counts)
    .map(({ r, i }) => ({
      reference_period: r.reference_period,
      indicator: r.indicator,
      category: r.category,
      sex: r.sex,
      ...provenance(r, "national_figures.csv", i),
    }));
  return withReport(rows, ["reference_period", "indicator", "category", "sex"]);
}

const EXAM_COUNTS = new Set(["registered", "appeared", "passed", "failed", "absent", "qualified_for_government_class_xi", "schools", "schools_government", "schools_private"]);

function exams(kind: "counts" | "rates" | "subjects"): Out[] {
  const rows = read("exam_results.csv")
    .map((r, i) => ({ r, i }))
    .filter(({ r }) =>
      kind === "subjects" ? r.group_type === "subject" : r.group_type !== "subject" && EXAM_COUNTS.has(r.measure) === (kind === "counts"),
    )
    .map(({ r, i }) => {
      const inferred = r.exam_year.includes("inferred");
      const base = provenance(r, "exam_results.csv", i, EXAM_COUNTS.has(r.measure) ? "count" : r.measure.endsWith("percent") ? "percent" : "score");
      if (inferred) base.note = [r.note, "exam year inferred"].filter(Boolean).join("; ");
      return {
        exam: r.exam,
        exam_year: Number.parseInt(r.exam_year, 10),
        ...(kind === "subjects" ? { subject: r.group } : { stream: r.group }),
        sex: r.sex,
        measure: r.measure,
        ...base,
      };
    });
  return withReport(rows, ["exam", "exam_year", kind === "subjects" ? "subject" : "stream", "sex", "measure"]);
}

interface Table {
  file: string;
  spec: CountTableSpec;
  additive: boolean;
  description: string;
  rows: Out[];
}

const tables: Table[] = [
  {
    file: "subnational.csv",
    additive: true,
    description: "Dzongkhag, thromde, gewog-group and school figures (schools, students, teachers, ECCD/NFE centres, disability enrolment...); a patchwork of dzongkhags and years.",
    spec: {
      name: "bhutan_subnational",
      dimensions: ["geography_level", "dzongkhag", "geography", "reference_period", "indicator", "level", "boarding", "ownership", "age_group", "sex"],
      measures: ["value"],
      marginCodes: {
        sex: ["total"],
        level: {
          all: ["higher_secondary", "middle_secondary", "lower_secondary", "primary", "community_primary", "central_school", "extended_classroom"],
          primary_and_extended_classroom: ["primary", "extended_classroom"],
        },
        boarding: ["all"],
        ownership: ["all"],
        age_group: ["all"],
      },
      source: "bhutan_published_figures/subnational_figures.csv: dzongkhag administration sites, MoESD news, Kuensel, BBS; each row's source_url",
    },
    rows: subnational(),
  },
  {
    file: "national_counts.csv",
    additive: true,
    description: "National counts: schools, students, teachers (latest AES cited 2025), boarding and day-feeding students, central schools, children with disabilities enrolled, inclusive/SEN schools.",
    spec: {
      name: "bhutan_national_counts",
      dimensions: ["reference_period", "indicator", "category", "sex", "report"],
      measures: ["value"],
      marginCodes: { sex: ["total"], category: ["all"] },
      source: "bhutan_published_figures/national_figures.csv (unit count): The Bhutanese, Kuensel, BBS, PDP, UNESCO PEER; each row's source_url",
    },
    rows: national(true),
  },
  {
    file: "national_rates.csv",
    additive: false,
    description: "National ratios, percentages and budgets (PTR 1:18 in 2018, literacy rates, inclusive-education budgets in million Nu): not additive, read row by row.",
    spec: {
      name: "bhutan_national_rates",
      dimensions: ["reference_period", "indicator", "category", "sex", "report"],
      measures: ["value"],
      marginCodes: {},
      source: "bhutan_published_figures/national_figures.csv (units other than count); each row's source_url",
    },
    rows: national(false),
  },
  {
    file: "exam_counts.csv",
    additive: true,
    description: "BCSE (Class X) and BHSEC (Class XII) candidates registered, appeared, passed, failed, absent, qualified for Class XI, and schools, overall and by stream.",
    spec: {
      name: "bhutan_exam_counts",
      dimensions: ["exam", "exam_year", "stream", "sex", "measure", "report"],
      measures: ["value"],
      marginCodes: { sex: ["total"], stream: ["all"] },
      source: "bhutan_published_figures/exam_results.csv (BCSEA results as reported by Kuensel, The Bhutanese, BBS); each row's source_url",
    },
    rows: exams("counts"),
  },
  {
    file: "exam_rates.csv",
    additive: false,
    description: "BCSE and BHSEC pass rates (percent), mean scores and cut-off percentages, overall and by stream: not additive.",
    spec: {
      name: "bhutan_exam_rates",
      dimensions: ["exam", "exam_year", "stream", "sex", "measure", "report"],
      measures: ["value"],
      marginCodes: {},
      source: "bhutan_published_figures/exam_results.csv; each row's source_url",
    },
    rows: exams("rates"),
  },
  {
    file: "exam_subjects.csv",
    additive: false,
    description: "Subject results (pass rates, mean scores, a few counts) by sex: candidates sit several subjects, so subjects never add up to a total.",
    spec: {
      name: "bhutan_exam_subjects",
      dimensions: ["exam", "exam_year", "subject", "sex", "measure", "report"],
      measures: ["value"],
      marginCodes: { sex: ["total"] },
      source: "bhutan_published_figures/exam_results.csv (group_type subject); each row's source_url",
    },
    rows: exams("subjects"),
  },
];

for (const t of tables) writeFileSync(join(here, t.file), toCsv(t.rows, [...t.spec.dimensions, ...SOURCE]));
const manifest = {
  description: "Published Bhutan education figures as long CountTables; every row keeps its source. Built by seeds/bhutan/build.ts from raw/ (copied unchanged from bhutan_published_figures).",
  tables: tables.map(({ file, spec, additive, description, rows }) => ({ file, rows: rows.length, additive, description, spec })),
};
writeFileSync(join(here, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(tables.map((t) => `${t.file}: ${t.rows.length}`).join("\n"));
