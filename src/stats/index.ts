export { seededRandom, shuffledIndices } from "./random";
export { stableSum } from "./sum";
export { weightedQuantile, normalQuantile } from "./quantile";
export type { QuantileMethod, QuantileOptions } from "./quantile";
export { wilsonInterval } from "./wilson-interval";
export type { WilsonInterval, WilsonIntervalOptions } from "./wilson-interval";
export { studentTCdf, studentTQuantile } from "./student-t";
export { cronbachAlpha } from "./cronbach-alpha";
export type { CronbachAlpha } from "./cronbach-alpha";
