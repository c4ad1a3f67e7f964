import { z } from "zod";
import { Code } from "./codes";

/** A Likert answer, 1 (strongly disagree / never) to 5 (strongly agree / always). */
export const Likert = z.number().int().min(1).max(5);

/** The inclusive-pedagogy items of {@link SchoolSurvey}, in the order of the index. */
export const PEDAGOGY_ITEMS = [
  "inclusive_materials",
  "adapted_teaching",
  "local_content",
  "home_grown_practices",
  "mother_tongue_use",
  "community_involvement",
] as const;

/**
 * One school survey response (head teacher or school questionnaire) on inclusive
 * pedagogy, each item a Likert answer 1-5 (1 = never / strongly disagree, 5 = always /
 * strongly agree); a missing item is unknown, never read as 1.
 * - `inclusive_materials`: learning materials adapted for children with disabilities
 *   (large print, Braille, sign-language, easy-read);
 * - `adapted_teaching`: teaching and assessment adapted to individual needs;
 * - `local_content`: local content (place, culture, livelihoods) in lessons;
 * - `home_grown_practices`: home-grown (school- or community-developed) practices;
 * - `mother_tongue_use`: the learners' mother tongue used in early-grade teaching;
 * - `community_involvement`: parents and community take part in school life.
 * The school inherits its dimensions in `createDataset`; the composite index and
 * Cronbach's alpha are documented in `dataset/survey-index` and `stats/cronbach-alpha`.
 */
export const SchoolSurvey = z.object({
  school_id: Code,
  year: z.number().int().min(1900).max(2200).optional(),
  respondent: Code.optional(),
  inclusive_materials: Likert.optional(),
  adapted_teaching: Likert.optional(),
  local_content: Likert.optional(),
  home_grown_practices: Likert.optional(),
  mother_tongue_use: Likert.optional(),
  community_involvement: Likert.optional(),
});
export type SchoolSurvey = z.infer<typeof SchoolSurvey>;
