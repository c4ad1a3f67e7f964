/**
 * Names a rule's `text` may use as `{{name}}` and its `evidence` may cite, by the kind
 * of its `when` condition. Every kind also offers `affected` (number of groups or units
 * that meet the condition) and `groups` (their list, worst first).
 */
export const TEMPLATE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  threshold: ["indicator", "name", "group", "value", "threshold", "n", "unit"],
  parity: ["indicator", "name", "by", "group", "reference", "where", "groupValue", "referenceValue", "gap", "parity", "unit"],
  gap: ["indicator", "name", "by", "group", "reference", "where", "groupValue", "referenceValue", "gap", "parity", "unit"],
  trend: ["indicator", "name", "group", "fromYear", "toYear", "from", "to", "change", "unit"],
  rank: ["indicator", "name", "across", "unit", "group", "value", "rank", "national"],
  readiness: ["dimension", "cells", "indicators", "reasons"],
  n: ["indicator", "name", "group", "n", "below"],
};

/** Fields every kind offers. */
export const COMMON_TEMPLATE_FIELDS: readonly string[] = ["affected", "groups"];
