import { z } from "zod";
import { Code, Location, YesNo } from "./codes";

/**
 * A school (or extended classroom, ECCD centre...). Hierarchy columns (district,
 * dzongkhag, gewog, thromde, region...) are added by `schemasFor(profile)` from the
 * profile's hierarchy; the generic schema accepts `district` and `subdistrict`.
 */
export const School = z.object({
  school_id: Code,
  name: z.string().max(300).optional(),
  district: Code.optional(),
  subdistrict: Code.optional(),
  /** School level or type code from the profile (Bhutan: PS, LSS, MSS, HSS, ECR...). */
  level: Code.optional(),
  /** Further type (central school, boarding, special institute...). */
  type: Code.optional(),
  /** Management: public/government, private, community, religious... */
  ownership: Code.optional(),
  location: Location.optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  /** Distance to the nearest motor road, km. */
  distance_road_km: z.number().min(0).optional(),
  /** Distance to the district headquarters, km. */
  distance_hq_km: z.number().min(0).optional(),
  classrooms: z.number().int().min(0).optional(),
  electricity: YesNo.optional(),
  drinking_water: YesNo.optional(),
  toilets: YesNo.optional(),
  /** Toilet usable by children with disabilities (SDG 4.a.1 adapted infrastructure). */
  accessible_toilet: YesNo.optional(),
  ramp: YesNo.optional(),
  internet: YesNo.optional(),
  computers: YesNo.optional(),
  handwashing: YesNo.optional(),
});
export type School = z.infer<typeof School>;
