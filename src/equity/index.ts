// equity/: pure equity measures on numbers, one per file, plus ResultTable helpers.
export type { Accessor, KeyAccessor, NumericInput, RowInput, WeightOptions } from "./internal/input";
export type { Direction } from "./internal/direction";
export { parityIndex } from "./parity-index";
export type { ParityIndexOptions } from "./parity-index";
export { parityBand } from "./parity-band";
export type { ParityBandOptions, ParityBandResult } from "./parity-band";
export { gap } from "./gap";
export type { GapOptions, GapResult } from "./gap";
export { gini } from "./gini";
export type { GiniOptions } from "./gini";
export { coefficientOfVariation } from "./coefficient-of-variation";
export type { CoefficientOfVariationOptions } from "./coefficient-of-variation";
// wilsonInterval lives in stats/ (shared by the engine); re-exported here so the
// equity layer offers the whole toolbox in one import.
export { wilsonInterval } from "../stats/wilson-interval";
export type { WilsonInterval, WilsonIntervalOptions } from "../stats/wilson-interval";
export { generalizedEntropy } from "./generalized-entropy";
export type { GeneralizedEntropyOptions } from "./generalized-entropy";
export { theil } from "./theil";
export type { TheilOptions } from "./theil";
export { meanLogDeviation } from "./mean-log-deviation";
export type { MeanLogDeviationOptions } from "./mean-log-deviation";
export { theilDecomposition } from "./theil-decomposition";
export type { TheilDecompositionOptions, TheilDecompositionResult, TheilDecompositionGroup } from "./theil-decomposition";
export { atkinson } from "./atkinson";
export type { AtkinsonOptions } from "./atkinson";
