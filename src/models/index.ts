export { EmisError, EmisInputError, EmisValidationError, EmisDefinitionError, EmisIntegrityError, isEmisError } from "./errors";
export type { EmisIssue } from "./errors";
export { FLAGS } from "./flags";
export type { Flag } from "./flags";
export { MISSING_CODE, codeAt, rowAt } from "./columns";
export type { CodeColumn, NumberColumn, Column, ColumnTable } from "./columns";
export { ResultRow, ResultRowFields, FlagSchema, RESERVED_DIMENSIONS } from "./result";
export type { ResultTable } from "./result";
export { Code, Sex, YesNo, Location, Functioning, AffectFrequency, Status } from "./codes";
export { School } from "./school";
export { Student } from "./student";
export { Teacher } from "./teacher";
export { Section } from "./section";
export { Population } from "./population";
export { CountTableSpec } from "./count-table";
export { Profile, SourceRef, AdminUnit, Grade, Norm, Hierarchy, HierarchyLevel, EntryAge, CodeLabel } from "./profile";
export { Filter } from "./filter";
export { FactMeasure, RatioIndicator, DistributionIndicator, FlowIndicator, ExternalIndicator, IndicatorDefinition, FLOW_METHODS } from "./indicator";
export type { IndicatorDefinitionInput, FlowMethod } from "./indicator";
export { SchoolSurvey, Likert, PEDAGOGY_ITEMS } from "./school-survey";
export { schemasFor, hierarchyColumns } from "./schemas-for";
export type { ProfileSchemas } from "./schemas-for";
export { InnovationAdoption } from "./innovation";
export {
  RecommendationRule,
  RulePack,
  RuleCondition,
  RuleSource,
  ThresholdCondition,
  ParityCondition,
  GapCondition,
  TrendCondition,
  RankCondition,
  ReadinessCondition,
  SmallNCondition,
} from "./recommendation-rule";
export type { RecommendationRuleInput, RulePackInput } from "./recommendation-rule";
