import { z } from "zod";
import { Code } from "./codes";

/**
 * Adoption of an innovation by a school (one row per school and innovation): the
 * school, the innovation's code, the school year it was adopted (start year) and,
 * optionally, its intensity (e.g. share of classes using it, 0-1, or hours per week).
 * A school with no row has not adopted the innovation. Used by the scaling monitor
 * (`coverage`, `benefitIncidence`, `projectCoverage`).
 */
export const InnovationAdoption = z.object({
  school_id: Code,
  innovation: z.string().min(1).max(200),
  year_adopted: z.number().int().min(1900).max(2200),
  intensity: z.number().min(0).optional(),
});
export type InnovationAdoption = z.infer<typeof InnovationAdoption>;
