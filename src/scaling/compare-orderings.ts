import type { Dataset } from "../dataset/create-dataset";
import type { InnovationAdoption } from "../models/innovation";
import { projectCoverage, type CoverageProjection, type ProjectCoverageOptions } from "./project-coverage";

/** Options of {@link compareOrderings}: those of `projectCoverage` without `order`. */
export type CompareOrderingsOptions = Omit<ProjectCoverageOptions, "order">;

/**
 * The what-if projection under the three orderings (need, convenience, random) with
 * the same `k`, so their coverage gaps can be read side by side. Need order is skipped
 * when no need scores are given.
 * @example compareOrderings(ds, adoptions, { k: 100, need, by: ["location", "ownership"] }).map((p) => [p.order, p.gaps[0].range])
 * // [["need", 12.1], ["convenience", 48.3], ["random", 20.4]]
 */
export function compareOrderings(dataset: Dataset, adoptions: readonly InnovationAdoption[], options: CompareOrderingsOptions): CoverageProjection[] {
  const orders = (options.need ? ["need", "convenience", "random"] : ["convenience", "random"]) as ProjectCoverageOptions["order"][];
  return orders.map((order) => projectCoverage(dataset, adoptions, { ...options, order }));
}
