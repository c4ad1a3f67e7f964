import type { ColumnTable } from "../models/columns";
import { EmisInputError, type EmisIssue } from "../models/errors";
import type { Profile } from "../models/profile";
import { CountTableSpec } from "../models/count-table";
import { hierarchyColumns, schemasFor } from "../models/schemas-for";
import { readJson } from "../io";
import type { FactTable } from "./fact-table";
import type { DeriveOptions } from "./derive";
import { buildSchoolFacts, type SchoolIndex } from "./internal/school-facts";
import { buildStudentFacts } from "./internal/student-facts";
import { buildTeacherFacts } from "./internal/teacher-facts";
import { buildSectionFacts } from "./internal/section-facts";
import { buildCountFacts, type MarginCheck } from "./internal/count-facts";
import { buildPopulationFacts } from "./internal/population-facts";
import { buildSurveyFacts } from "./internal/survey-facts";
import type { CompositeIndexOptions } from "./composite-index";
import type { DatasetDesign, SampleDesign } from "./dataset-design";
import { buildSampleDesign } from "./internal/sample-design";
import { SchoolSurvey } from "../models/school-survey";
import { z } from "zod";
import { rowSource, type RowSource } from "./internal/row-source";

/** A table given as columns, as a reader's result, or as plain objects (validated). */
export type TableInput = ColumnTable | { table: ColumnTable } | Record<string, unknown>[];

/** One aggregate table with its declaration. */
export interface CountTableInput {
  spec: CountTableSpec | Parameters<typeof CountTableSpec.parse>[0];
  table: TableInput;
}

/** What `createDataset` needs. Every entity is optional; indicators say what they read. */
export interface DatasetInput {
  profile: Profile;
  schools?: TableInput;
  students?: TableInput;
  teachers?: TableInput;
  sections?: TableInput;
  counts?: CountTableInput[];
  /**
   * Population by year, single age and (optionally) sex, location and hierarchy
   * columns: the fact `population`, denominator of GER, NER, intake and out-of-school
   * rates (`external` indicators).
   */
  population?: TableInput;
  /** School survey responses (`SchoolSurvey`): the fact `school_surveys`. */
  surveys?: TableInput;
  /** How `school_surveys.pedagogy_index` is built; default min-max on the Likert range 1-5, equal weights, 2/3 of items answered. */
  surveyIndex?: CompositeIndexOptions;
  /** School year (start year) for records without a `year`: used for ages. */
  year?: number;
  derive?: DeriveOptions;
  /**
   * Survey design of a sample of schools (columns of the school file; see
   * `DatasetDesign`). With it, `disaggregate` weights every sum and gives design-based
   * intervals for the sampled facts (schools, students, teachers, sections, school_surveys).
   * @example { strata: "stratum", psu: "school_id", fpc: "schools_in_stratum", weight: "weight" }
   */
  design?: DatasetDesign;
}

/** Row accounting for one input table: read = kept + duplicates (+ rejected upstream). */
export interface InputAccount {
  read: number;
  kept: number;
  duplicates: number;
  orphans: number;
}

/** Integrity findings: duplicate ids, orphans, margins that do not reconcile. */
export interface DatasetIntegrity {
  accounts: Record<string, InputAccount>;
  issues: EmisIssue[];
  margins: MarginCheck[];
}

/** Facts (columnar) plus the profile and the integrity report. */
export interface Dataset {
  profile: Profile;
  facts: Record<string, FactTable>;
  integrity: DatasetIntegrity;
  /** Dimension names every school-linked fact carries (hierarchy, level, type...). */
  schoolDims: string[];
  /** The survey design, when the data are a sample (`DatasetInput.design`). */
  design?: SampleDesign;
}

function toTable(input: TableInput, schema: Parameters<typeof readJson>[1], file: string): ColumnTable {
  if (Array.isArray(input)) return readJson(input, schema, { file, strict: true }).table;
  if ("table" in input && !("columns" in input)) return input.table;
  return input as ColumnTable;
}

/**
 * How findings name the rows of `input`: a reader's result (or one chunk of a chunked
 * read) by its file and the rows as the file numbers them (rejected rows and earlier
 * chunks counted), anything else by `entity` and position.
 */
function sourceOf(input: TableInput, entity: string): RowSource {
  if (!Array.isArray(input) && "table" in input && !("columns" in input)) {
    const r = input as { file?: unknown; rejectedRows?: unknown; rowOffset?: unknown };
    const offset = typeof r.rowOffset === "number" && Number.isInteger(r.rowOffset) && r.rowOffset > 0 ? r.rowOffset : 0;
    return rowSource(typeof r.file === "string" ? r.file : entity, r.rejectedRows instanceof Int32Array ? r.rejectedRows : null, offset);
  }
  return rowSource(entity);
}

/**
 * Builds a dataset: joins pupils, teachers and sections to their schools by
 * `school_id` (each inherits the school's hierarchy, level, type, ownership and
 * location), derives disability, over-age and at-risk status (documented rules in
 * `derive`), and stores every entity as a columnar fact table. Duplicate ids are kept
 * once and reported; orphans (a school id not in the school file) are kept with
 * `unknown` school dimensions and reported, so totals never lose records silently.
 * Aggregate tables become facts without their margin rows; margins are reconciled
 * against their parts (`integrity.margins`).
 * @param input profile, entity tables and options
 * @returns the dataset
 * @throws EmisInputError when no table is given (`empty-input`) or `year` is not a whole
 *   number (`invalid-option`); EmisValidationError for invalid plain-object rows
 * @example
 * const ds = createDataset({ profile: profiles.bhutan, schools, students, teachers });
 * ds.facts.students.length // number of enrolment records kept
 */
export function createDataset(input: DatasetInput): Dataset {
  const { profile } = input;
  if (!input.schools && !input.students && !input.teachers && !input.sections && !input.counts?.length && !input.population && !input.surveys) {
    throw new EmisInputError("empty-input", "createDataset requires at least one table (schools, students, teachers, sections, counts, population or surveys)");
  }
  // A text year ("2024" from a command line) never equals the rows' 2024: rows without a
  // year would then not meet their own records as duplicates, and count twice.
  if (input.year !== undefined && !(typeof input.year === "number" && Number.isInteger(input.year) && input.year >= 1000 && input.year <= 9999)) {
    throw new EmisInputError("invalid-option", `createDataset: year must be a whole number such as 2024 (the school year's start), got ${JSON.stringify(input.year)}${typeof input.year === "string" ? "; convert it with Number()" : ""}`);
  }
  const schemas = schemasFor(profile);
  const hierarchy = hierarchyColumns(profile);
  // The School field `level` becomes the dimension `school_level`: `level` is a field of
  // every result row (the grouping level) and a dimension may not shadow it.
  const schoolDims = [...hierarchy, "school_level", "type", "ownership", "location"];
  const issues: EmisIssue[] = [];
  const accounts: Record<string, InputAccount> = {};
  const facts: Record<string, FactTable> = {};
  const margins: MarginCheck[] = [];

  let schoolIndex: SchoolIndex | undefined;
  let schoolTable: ColumnTable | undefined;
  if (input.schools) {
    const t = (schoolTable = toTable(input.schools, schemas.School, "schools"));
    const built = buildSchoolFacts(t, schoolDims, issues, profile, hierarchy, sourceOf(input.schools, "schools"));
    facts.schools = built.facts;
    schoolIndex = built.index;
    accounts.schools = built.account;
  }
  const ctx = { profile, schoolDims, schoolIndex, year: input.year, derive: input.derive ?? {}, issues };
  // Without a school file no row can be checked as an orphan, and every place is unknown:
  // say so once rather than let results by dzongkhag or location come out all `unknown`.
  const linked = (["students", "teachers", "sections", "surveys"] as const).filter((k) => input[k] !== undefined);
  if (!input.schools && linked.length > 0) {
    issues.push({
      code: "no-school-file",
      file: "schools",
      rule: "a school file to link records to their places",
      value: null,
      message: `createDataset: ${linked.join(", ")} given without schools: every record's hierarchy, level, type, ownership and location is unknown and no school id is checked; pass schools to link them`,
    });
  }
  if (input.students) {
    const built = buildStudentFacts(toTable(input.students, schemas.Student, "students"), ctx, sourceOf(input.students, "students"));
    facts.students = built.facts;
    accounts.students = built.account;
  }
  if (input.teachers) {
    const built = buildTeacherFacts(toTable(input.teachers, schemas.Teacher, "teachers"), ctx, sourceOf(input.teachers, "teachers"));
    facts.teachers = built.facts;
    accounts.teachers = built.account;
  }
  if (input.sections) {
    const built = buildSectionFacts(toTable(input.sections, schemas.Section, "sections"), ctx, sourceOf(input.sections, "sections"));
    facts.sections = built.facts;
    accounts.sections = built.account;
  }
  if (input.population) {
    const schema = schemas.Population.extend(Object.fromEntries(hierarchy.map((h) => [h, z.string().min(1).optional()])));
    const built = buildPopulationFacts(toTable(input.population, schema, "population"), hierarchy, input.year);
    facts.population = built.facts;
    accounts.population = built.account;
  }
  if (input.surveys) {
    const built = buildSurveyFacts(toTable(input.surveys, SchoolSurvey, "school_surveys"), ctx, input.surveyIndex, sourceOf(input.surveys, "school_surveys"));
    facts.school_surveys = built.facts;
    accounts.school_surveys = built.account;
  }
  for (const c of input.counts ?? []) {
    const spec = CountTableSpec.parse(c.spec);
    const table = Array.isArray(c.table) ? objectsToColumns(c.table) : toTable(c.table, schemas.School, spec.name);
    const built = buildCountFacts(table, spec, issues);
    facts[spec.name] = built.facts;
    accounts[spec.name] = built.account;
    margins.push(...built.margins);
  }
  attachCodeLists(facts, schemas);
  const design = input.design === undefined ? undefined : buildSampleDesign(input.design, input.schools, schoolTable, schoolIndex, facts);
  return { profile, facts, integrity: { accounts, issues, margins }, schoolDims, ...(design ? { design } : {}) };
}

/** Aggregate rows given as objects: strings become codes, numbers measures. */
function objectsToColumns(rows: Record<string, unknown>[]): ColumnTable {
  const names = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) names.add(k);
  const columns: ColumnTable["columns"] = {};
  for (const name of names) {
    const numeric = rows.every((r) => r[name] === undefined || r[name] === null || typeof r[name] === "number");
    if (numeric) {
      const values = new Float64Array(rows.length);
      rows.forEach((r, i) => (values[i] = typeof r[name] === "number" ? (r[name] as number) : Number.NaN));
      columns[name] = { kind: "number", values };
    } else {
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      const codes = new Uint32Array(rows.length);
      rows.forEach((r, i) => {
        const v = r[name];
        if (v === undefined || v === null || v === "") {
          codes[i] = 0xffffffff;
          return;
        }
        const s = String(v);
        let c = index.get(s);
        if (c === undefined) {
          c = dictionary.length;
          dictionary.push(s);
          index.set(s, c);
        }
        codes[i] = c;
      });
      columns[name] = { kind: "code", codes, dictionary };
    }
  }
  return { length: rows.length, columns };
}

const YES_NO_UNKNOWN = ["yes", "no", "unknown"] as const;
/** Closed code lists of the dimensions derived in `createDataset`. */
const DERIVED_CODES: Record<string, readonly string[]> = {
  disability: YES_NO_UNKNOWN,
  disability_functioning: YES_NO_UNKNOWN,
  over_age: YES_NO_UNKNOWN,
  at_risk: YES_NO_UNKNOWN,
  age_band: ["under-30", "30-39", "40-49", "50-plus", "unknown"],
  experience_band: ["0-2", "3-5", "6-10", "11-20", "21-plus", "unknown"],
};

/** The enum options of a schema field, or undefined when its codes are open. */
function enumOptions(schema: { shape: Record<string, unknown> }, field: string): readonly string[] | undefined {
  let t = schema.shape[field] as { unwrap?: () => unknown; options?: unknown } | undefined;
  for (let k = 0; k < 3 && t && typeof t.unwrap === "function" && !Array.isArray(t.options); k++) t = t.unwrap() as typeof t;
  return t && Array.isArray(t.options) && t.options.every((o) => typeof o === "string") ? (t.options as string[]) : undefined;
}

function attachCodeLists(facts: Record<string, FactTable>, schemas: ReturnType<typeof schemasFor>): void {
  const bySource: Record<string, { shape: Record<string, unknown> }> = {
    schools: schemas.School,
    students: schemas.Student,
    teachers: schemas.Teacher,
    sections: schemas.Section,
  };
  for (const [name, fact] of Object.entries(facts)) {
    const own = bySource[name];
    if (!own) continue;
    const lists: Record<string, readonly string[]> = {};
    for (const dim of Object.keys(fact.dims)) {
      const field = dim === "school_level" ? "level" : dim;
      const list = DERIVED_CODES[dim] ?? enumOptions(own, field) ?? enumOptions(schemas.School, field);
      if (list) lists[dim] = list;
    }
    fact.codeLists = lists;
  }
}
