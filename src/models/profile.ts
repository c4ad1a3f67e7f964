import { z } from "zod";

/** Where a profile fact comes from. */
export const SourceRef = z.object({
  title: z.string(),
  url: z.string().optional(),
  date: z.string().optional(),
  note: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** A level of an administrative hierarchy (dzongkhag, gewog...); `parent` names the level above. */
export const HierarchyLevel = z.object({
  id: z.string().min(1),
  label: z.string(),
  parent: z.string().optional(),
});

/** One unit of a hierarchy. Join on (code, parent), never on the name alone. */
export const AdminUnit = z.object({
  level: z.string(),
  code: z.string().min(1),
  name: z.string(),
  parent: z.string().optional(),
  variants: z.array(z.string()).optional(),
});
export type AdminUnit = z.infer<typeof AdminUnit>;

/**
 * A hierarchy: school → ... → national. A school may belong to several (Bhutan's
 * thromdes sit beside gewogs within dzongkhags), so a profile has a list of them.
 */
export const Hierarchy = z.object({
  id: z.string(),
  levels: z.array(HierarchyLevel).min(1),
});

/** A grade (class) with its order (0 = first) and the ISCED level it maps to. */
export const Grade = z.object({
  code: z.string().min(1),
  name: z.string(),
  order: z.number().int().min(0),
  isced: z.string(),
  cycle: z.string().optional(),
});
export type Grade = z.infer<typeof Grade>;

/** Official entrance age to the first grade, valid for entry years in [from, to]. */
export const EntryAge = z.object({
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  age: z.number().min(0),
  source: SourceRef.optional(),
});

/** A national norm (standard) with its source, e.g. PTR 1:18. */
export const Norm = z.object({
  id: z.string().min(1),
  value: z.number(),
  unit: z.string(),
  appliesTo: z.string().optional(),
  /** Indicator the norm is a threshold for, if any. */
  indicator: z.string().optional(),
  /** Whether results must stay at or below (`max`) or at or above (`min`) the norm. */
  bound: z.enum(["max", "min"]).optional(),
  status: z.string().optional(),
  source: SourceRef,
});
export type Norm = z.infer<typeof Norm>;

/** A code list entry with its label. */
export const CodeLabel = z.object({ code: z.string().min(1), name: z.string(), note: z.string().optional() });

/**
 * A country profile as data: hierarchies and units, grades and their order, official
 * ages and ISCED mapping, school-year reference date, location classes, code lists,
 * labels, norms, header aliases and disclosure defaults.
 */
export const Profile = z.object({
  id: z.string().min(1),
  name: z.string(),
  country: z.string().optional(),
  /** Id of the profile this one extends (resolved by `extendProfile`). */
  extends: z.string().optional(),
  hierarchies: z.array(Hierarchy),
  units: z.array(AdminUnit),
  grades: z.array(Grade),
  entryAge: z.array(EntryAge).min(1),
  /** Age is taken in completed years on this day of the school year's start year. */
  referenceDate: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  locationClasses: z.array(z.string()),
  schoolLevels: z.array(CodeLabel),
  schoolTypes: z.array(CodeLabel),
  ownership: z.array(CodeLabel),
  norms: z.array(Norm),
  /** PTR basis: UIS uses headcounts unless FTEs are available. */
  teacherBasis: z.enum(["headcount", "fte"]),
  labels: z.record(z.string(), z.string()),
  /** Accepted header names for each canonical field. */
  aliases: z.record(z.string(), z.array(z.string())),
  /** Minimum cell size for disclosure control (count and complement). */
  minCell: z.number().int().min(0),
  sources: z.array(SourceRef),
});
export type Profile = z.infer<typeof Profile>;
