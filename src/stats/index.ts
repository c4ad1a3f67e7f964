export { seededRandom, shuffledIndices } from "./random";
export { stableSum } from "./sum";
