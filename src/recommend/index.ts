// recommend/: what should the ministry do about what the data show?
export { recommend } from "./recommend";
export type { RecommendInput, Recommendation } from "./recommend";
export { parseRules } from "./parse-rules";
export { TEMPLATE_FIELDS, COMMON_TEMPLATE_FIELDS } from "./template-fields";
export { defaultRules, bhutanRules } from "./rule-packs";
