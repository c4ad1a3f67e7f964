import { z } from "zod";
import { Code, Location, Sex } from "./codes";

/** Population by year, area, sex and single age: the denominator of GER, NER, intake. */
export const Population = z.object({
  year: z.number().int(),
  district: Code.optional(),
  sex: Sex.optional(),
  location: Location.optional(),
  age: z.number().int().min(0).max(120),
  population: z.number().min(0),
});
export type Population = z.infer<typeof Population>;
