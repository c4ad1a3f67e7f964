export { disaggregate } from "./disaggregate";
export type { DisaggregateOptions } from "./disaggregate";
export { groupingSets, levelName } from "./grouping-sets";
export type { GroupingOptions } from "./grouping-sets";
export type { SuppressionOptions } from "./internal/suppress";
export { compareGroups } from "./compare-groups";
export type { CompareGroupsOptions, GroupComparison } from "./compare-groups";
