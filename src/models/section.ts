import { z } from "zod";
import { Code, YesNo } from "./codes";

/** A class (teaching group, "section"): multi-grade classes count once, as in UOE. */
export const Section = z.object({
  section_id: Code,
  school_id: Code,
  year: z.number().int().min(1900).max(2200).optional(),
  grade: Code,
  pupils: z.number().int().min(0),
  multigrade: YesNo.optional(),
  shift: Code.optional(),
});
export type Section = z.infer<typeof Section>;
