import { catalogue as builtIn } from "../../indicators/catalogue";
import type { Catalogue } from "../../indicators/resolve-indicators";
import type { IndicatorDefinitionInput } from "../../models/indicator";
import { COVERAGE_INDICATORS } from "../coverage-indicators";

/** The catalogue as a list (default the built-in one) plus the coverage indicators. */
export function withCoverageIndicators(c: Catalogue | undefined): IndicatorDefinitionInput[] {
  const cat = c ?? builtIn;
  const list = (Array.isArray(cat) ? cat : Object.values(cat)) as IndicatorDefinitionInput[];
  return [...list, ...COVERAGE_INDICATORS];
}
