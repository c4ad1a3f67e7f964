import { gini } from "../../equity/gini";
import { coefficientOfVariation } from "../../equity/coefficient-of-variation";
import { weightedQuantile } from "../../stats/quantile";
import type { DistributionIndicator } from "../../models/indicator";
import type { Flag } from "../../models/flags";

/**
 * Summary of unit ratios (e.g. school PTRs) for a distribution indicator. Returns the
 * value before the indicator's scale, or null with flags when undefined.
 */
export function summarise(
  def: DistributionIndicator,
  values: number[],
  weights: number[] | undefined,
  threshold: number | undefined,
  /** Weights of units whose ratio is infinite (zero denominator): above every norm. */
  infinite: number[] = [],
): { value: number | null; flags: Flag[] } {
  const share = def.summary === "share-above-norm" || def.summary === "share-below-norm";
  if (values.length === 0 && !(share && infinite.length > 0)) return { value: null, flags: ["empty-group"] };
  const flags: Flag[] = values.length === 1 ? ["single-unit"] : [];
  const opts = weights ? { weights } : {};
  switch (def.summary) {
    case "gini": {
      const g = gini(values, opts);
      return g === null ? { value: null, flags: [...flags, "zero-mean"] } : { value: g, flags };
    }
    case "cv": {
      const c = coefficientOfVariation(values, opts);
      return c === null ? { value: null, flags: [...flags, "zero-mean"] } : { value: c, flags };
    }
    case "median":
      return { value: weightedQuantile(values, 0.5, weights ? { weights } : {}), flags };
    case "mean-of-units": {
      let s = 0;
      let w = 0;
      values.forEach((v, i) => {
        const wi = weights ? weights[i] : 1;
        s += wi * v;
        w += wi;
      });
      return w > 0 ? { value: s / w, flags } : { value: null, flags: [...flags, "zero-denominator"] };
    }
    case "share-above-norm":
    case "share-below-norm": {
      if (threshold === undefined) return { value: null, flags: [...flags, "not-computable"] };
      let hit = 0;
      let w = 0;
      for (const wi of infinite) {
        w += wi;
        if (def.summary === "share-above-norm") hit += wi;
      }
      values.forEach((v, i) => {
        const wi = weights ? weights[i] : 1;
        w += wi;
        if (def.summary === "share-above-norm" ? v > threshold : v < threshold) hit += wi;
      });
      return w > 0 ? { value: hit / w, flags } : { value: null, flags: [...flags, "zero-denominator"] };
    }
  }
}
