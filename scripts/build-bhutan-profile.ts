/**
 * Builds the Bhutan profile data (src/profiles/data/bhutan-*.json) from the hand-transcribed
 * reference facts in `bhutan_reference/` (admin_units.csv, school_system.csv, norms.csv).
 *
 * Usage: npx tsx scripts/build-bhutan-profile.ts [path/to/bhutan_reference]
 * (default: $EMIS_DATA_DIR/bhutan_reference, then ../shared/data/bhutan_reference).
 *
 * Every output row keeps its source (title, url, date, note). Unit codes are derived here:
 * national `BT`; dzongkhag = kebab-case name (`wangdue-phodrang`); gewog =
 * `<dzongkhag code>/<kebab-case gewog>` (`haa/gakiling`, `sarpang/gakiling`); thromde =
 * `<kebab-case name>-thromde`. Codes are stable as long as the spelling in the reference
 * file is; a renamed unit keeps its old names as variants.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

type Row = Record<string, string>;

/** Minimal RFC 4180 reader (quotes, doubled quotes, CRLF). */
function readCsv(file: string): Row[] {
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); field = "";
      if (row.some((v) => v !== "")) rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ""])));
}

const slug = (s: string) =>
  s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

function source(r: Row, extraNote?: string) {
  const note = [r.note, extraNote].filter(Boolean).join("; ");
  return {
    title: r.source_title,
    ...(r.source_url ? { url: r.source_url } : {}),
    ...(r.source_date ? { date: r.source_date } : {}),
    ...(note ? { note } : {}),
  };
}

function findDir(): string {
  const arg = process.argv[2];
  const candidates = [
    arg,
    process.env.EMIS_DATA_DIR && join(process.env.EMIS_DATA_DIR, "bhutan_reference"),
    process.env.EMIS_DATA_DIR,
    resolve("../shared/data/bhutan_reference"),
  ].filter((x): x is string => !!x);
  const dir = candidates.find((d) => existsSync(join(d, "admin_units.csv")));
  if (!dir) throw new Error(`build-bhutan-profile: admin_units.csv not found in ${candidates.join(", ")}; pass the bhutan_reference folder`);
  return dir;
}

function buildUnits(rows: Row[]) {
  const dz = new Map<string, string>();
  const units: object[] = [{ level: "national", code: "BT", name: "Bhutan", source: { title: "profile root (no source row)" } }];
  for (const r of rows.filter((r) => r.level === "dzongkhag")) {
    const code = slug(r.name);
    dz.set(r.name, code);
    units.push({ level: "dzongkhag", code, name: r.name, parent: "BT", variants: split(r.name_variants), source: source(r) });
  }
  for (const r of rows.filter((r) => r.level !== "dzongkhag")) {
    const parent = dz.get(r.parent_dzongkhag);
    if (!parent) throw new Error(`build-bhutan-profile: unknown parent dzongkhag "${r.parent_dzongkhag}" for ${r.level} ${r.name}`);
    const code = r.level === "gewog" ? `${parent}/${slug(r.name)}` : `${slug(r.name)}-thromde`;
    units.push({ level: r.level, code, name: r.name, parent, variants: split(r.name_variants), source: source(r) });
  }
  const codes = new Set<string>();
  for (const u of units as { code: string }[]) {
    if (codes.has(u.code)) throw new Error(`build-bhutan-profile: duplicate unit code ${u.code}`);
    codes.add(u.code);
  }
  return units;
}

const split = (s: string) => (s ? s.split(";").map((v) => v.trim()).filter(Boolean) : []);

const CYCLE: Record<string, string> = {
  "primary cycle": "primary",
  "lower secondary cycle": "lower_secondary",
  "middle secondary cycle": "middle_secondary",
  "higher secondary cycle": "higher_secondary",
};

function buildSchoolSystem(rows: Row[]) {
  const classes = rows.filter((r) => r.item_type === "class");
  const grades = classes.map((r, order) => ({
    code: r.code,
    name: r.name,
    order,
    isced: r.isced_level,
    cycle: CYCLE[r.description] ?? r.description,
    officialAgeEntry5: Number(r.official_age_entry5),
    officialAgeEntry6: Number(r.official_age_entry6),
    iscedBasis: r.isced_basis,
    source: source(r),
  }));
  const pick = (type: string) =>
    rows.filter((r) => r.item_type === type).map((r) => ({ code: r.code, name: r.name, grades: r.grades, description: r.description, period: r.period, source: source(r) }));
  return { grades, cycles: pick("cycle"), schoolTypes: pick("school_type"), exams: [...pick("exam"), ...pick("exam_history")], levels: pick("level") };
}

/** Reference norm name → profile norm id, indicator and bound. Rows not listed are kept as `other`. */
const NORM_MAP: Record<string, { id: string; indicator?: string; bound?: "max" | "min"; pick?: (r: Row) => boolean }> = {
  pupil_teacher_ratio_national_standard: { id: "pupil-teacher-ratio", indicator: "pupil-teacher-ratio", bound: "max" },
  class_size_ideal_primary: { id: "class-size-primary", indicator: "average-class-size", bound: "max" },
  class_size_ideal_secondary: { id: "class-size-secondary", indicator: "average-class-size", bound: "max" },
  classroom_ideal_capacity: { id: "classroom-capacity", bound: "max" },
  ecr_minimum_enrolment: { id: "min-enrolment-ecr", indicator: "enrolment", bound: "min" },
  primary_school_minimum_enrolment: { id: "min-enrolment-ps", indicator: "enrolment", bound: "min" },
  central_school_minimum_enrolment: { id: "min-enrolment-cs", indicator: "enrolment", bound: "min" },
  central_school_boarding_share: { id: "boarding-share-cs", bound: "min" },
  school_count_target_12th_plan: { id: "school-count-target-12th-plan" },
  instructional_days_minimum: { id: "instructional-days", bound: "min" },
  basic_education_duration: { id: "basic-education-years" },
  eccd_coverage_target: { id: "eccd-centres-per-chiwog", bound: "min" },
  bcse_pass_minimum: { id: "pass-mark-bcse", bound: "min" },
  bhsec_pass_minimum: { id: "pass-mark-bhsec", bound: "min" },
  bhsec_practical_minimum_candidates: { id: "bhsec-practical-min-candidates", bound: "min" },
  water_supply_day_student: { id: "water-litres-day-student", bound: "min" },
  water_supply_boarder: { id: "water-litres-boarder", bound: "min" },
};

function buildNorms(rows: Row[]) {
  const norms: Record<string, unknown>[] = [];
  const other: Record<string, unknown>[] = [];
  const byId = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    let spec = NORM_MAP[r.norm];
    if (r.norm === "toilet_ratio_girls" || r.norm === "toilet_ratio_boys") {
      const sex = r.norm.endsWith("girls") ? "girls" : "boys";
      const current = r.status.startsWith("National Standards for WASH");
      spec = { id: `toilet-ratio-${sex}${current ? "" : "-2017"}`, indicator: `pupils-per-toilet-${sex}`, bound: "max" };
    }
    const value = Number(r.value);
    if (!spec || r.value === "" || !Number.isFinite(value)) {
      other.push({ norm: r.norm, value: r.value, unit: r.unit, appliesTo: r.applies_to, year: r.year, status: r.status, source: source(r) });
      continue;
    }
    const existing = byId.get(spec.id);
    if (existing) {
      // The same norm from another source: keep the first row as the source, cite the others in its note.
      const src = existing.source as { note?: string };
      const also = `also stated (${r.year}, ${r.status}): ${r.source_title} ${r.source_url}`;
      src.note = src.note ? `${src.note}; ${also}` : also;
      if (existing.value !== value) throw new Error(`build-bhutan-profile: norm ${spec.id} has conflicting values`);
      continue;
    }
    const norm = {
      id: spec.id,
      value,
      unit: r.unit,
      appliesTo: r.applies_to,
      ...(spec.indicator ? { indicator: spec.indicator } : {}),
      ...(spec.bound ? { bound: spec.bound } : {}),
      status: `${r.status} (${r.year})`,
      source: source(r),
      reference: r.norm,
    };
    byId.set(spec.id, norm);
    norms.push(norm);
  }
  return { norms, other };
}

function buildEntryAge(rows: Row[]) {
  const r6 = rows.find((r) => r.norm === "admission_age_pp" && r.value === "6");
  const r5 = rows.find((r) => r.norm === "admission_age_pp" && r.value === "5");
  const r2026 = rows.find((r) => r.norm === "admission_age_pp" && r.value.startsWith("5 (60 months)"));
  if (!r6 || !r5 || !r2026) throw new Error("build-bhutan-profile: admission_age_pp rows (6 until 2019, 5 from 2020, 5 for 2026) not found in norms.csv");
  return [
    { from: 1985, to: 2019, age: 6, source: source(r6, `rule in force ${r6.year}; 5.5 allowed at discretion in 2019 if seats remained`) },
    { from: 2020, age: 5, source: source(r5, `confirmed for the 2026 academic year: ${r2026.source_title} ${r2026.source_url}`) },
  ];
}

function main() {
  const dir = findDir();
  const here = dirname(fileURLToPath(import.meta.url));
  const out = join(here, "..", "src", "profiles", "data");
  const stamp = { generatedBy: "scripts/build-bhutan-profile.ts", from: "bhutan_reference (hand-transcribed public facts; each row keeps its source)" };
  const units = buildUnits(readCsv(join(dir, "admin_units.csv")));
  const system = buildSchoolSystem(readCsv(join(dir, "school_system.csv")));
  const normRows = readCsv(join(dir, "norms.csv"));
  const { norms, other } = buildNorms(normRows);
  const entryAge = buildEntryAge(normRows);
  const write = (name: string, data: object) => writeFileSync(join(out, name), JSON.stringify({ ...stamp, ...data }, null, 1) + "\n");
  write("bhutan-units.json", { units });
  write("bhutan-school-system.json", { ...system, entryAge });
  write("bhutan-norms.json", { norms, other });
  console.log(`build-bhutan-profile: ${units.length} units, ${system.grades.length} grades, ${norms.length} norms (+${other.length} other rows) → ${out}`);
}

main();
