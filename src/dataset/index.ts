export { createDataset } from "./create-dataset";
export type { Dataset, DatasetInput, DatasetIntegrity, InputAccount, TableInput, CountTableInput } from "./create-dataset";
export type { FactTable, FactDim } from "./fact-table";
export { UNKNOWN } from "./fact-table";
export { functioningStatus, atRiskStatus, ageAt, ageBand, experienceBand, DEFAULT_DERIVE } from "./derive";
export type { DeriveOptions } from "./derive";
export type { MarginCheck } from "./internal/count-facts";
export { compositeIndex } from "./composite-index";
export type { CompositeIndexOptions } from "./composite-index";
