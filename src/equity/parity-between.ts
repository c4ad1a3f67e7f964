import type { Flag } from "../models/flags";
import type { ResultRow, ResultTable } from "../models/result";
import { EmisInputError } from "../models/errors";
import { gap } from "./gap";
import { parityBand } from "./parity-band";
import { parityIndex } from "./parity-index";
import { readDirection } from "./internal/direction";
import { checkOptionKeys } from "./internal/options";
import type { Direction } from "./internal/direction";
import { dimensionColumns, groupRows, requireTable } from "./internal/result-table";

/** Options for {@link parityBetween}. */
export interface ParityBetweenOptions {
  /** The dimension compared, e.g. `"sex"` or `"location"`. */
  dimension: string;
  /** The reference (comparison) code, e.g. `"male"`, `"urban"`, quintile `"5"`. */
  reference: string;
  /** The group(s) of interest; default every other code of the dimension. */
  group?: string | string[];
  /** Keep only this indicator; default all. */
  indicator?: string;
  /** Keep only rows at this level; default all. */
  level?: string;
  /** `value` is the adjusted parity index (default `true`, as SDG 4.5.1) or the plain one. */
  adjusted?: boolean;
  /** Direction of the indicator(s): one for all, or per indicator id. Default higher-is-better. */
  direction?: Direction | Record<string, Direction>;
  /** Parity band edges; default 0.97..1.03. */
  band?: { lower?: number; upper?: number };
}

/** One comparison of a group with the reference, within one indicator and cell of the other dimensions. */
export interface ParityRow {
  indicator: string;
  level: string;
  dimension: string;
  group: string;
  reference: string;
  measure: "parity-index" | "adjusted-parity-index";
  /** The (adjusted) parity index, `null` when undefined or an input is suppressed. */
  value: number | null;
  parityIndex: number | null;
  adjustedParityIndex: number | null;
  groupValue: number | null;
  referenceValue: number | null;
  groupN: number | null;
  referenceN: number | null;
  /** group - reference, in the indicator's unit (percentage points for percents). */
  gapAbsolute: number | null;
  gapRelative: number | null;
  band: "parity" | "below" | "above" | null;
  disadvantaged: "group" | "reference" | null;
  /** `suppressed`, `empty-group` (no reference row), `zero-denominator`, `undefined-measure`. */
  flags: Flag[];
  /** The other dimension columns of the cell. */
  [dimension: string]: string | number | null | Flag[];
}

/**
 * Parity indices, gaps and parity-band readings between groups of a ResultTable: girls
 * against boys, rural against urban, each quintile against the richest, in every cell of
 * the other dimensions (per district, per level...).
 *
 * For each indicator and combination of the other dimension columns, the row whose
 * `dimension` equals `reference` is the comparison; each other row (or the chosen
 * `group`s) gives one output row with `parityIndex` (group / reference),
 * `adjustedParityIndex` (UIS, symmetric around 1), the absolute and relative gap, and
 * the band reading with the indicator's direction (see `parityIndex`, `gap`,
 * `parityBand`). A suppressed input gives `value: null` with `suppressed`; a missing
 * reference row gives `empty-group`; a `null` value keeps the row's own flags.
 * Rolled-up rows (dimension `null`) are not groups.
 *
 * @param table a ResultTable (already suppressed)
 * @param options {@link ParityBetweenOptions}
 * @returns one {@link ParityRow} per group and cell, in first-seen order
 * @throws EmisInputError `invalid-input`, `invalid-option`
 * @example
 * parityBetween(passRates, { dimension: "sex", reference: "male", group: "female" });
 * // [{ indicator: "pass-rate", dzongkhag: "Thimphu", group: "female", reference: "male", value: 1.04, band: "above", ... }]
 */
export function parityBetween(table: ResultTable, options: ParityBetweenOptions): ParityRow[] {
  const fn = "parityBetween";
  const rows = requireTable(fn, table);
  if (!options || typeof options.dimension !== "string" || options.reference === undefined || options.reference === null) {
    throw new EmisInputError("invalid-option", `${fn} requires options { dimension, reference }`, { function: fn });
  }
  checkOptionKeys(fn, options, ["dimension", "reference", "group", "indicator", "level", "adjusted", "direction", "band"]);
  const { dimension } = options;
  const reference = String(options.reference);
  const wanted = options.group === undefined ? null : new Set((Array.isArray(options.group) ? options.group : [options.group]).map(String));
  const adjusted = options.adjusted ?? true;
  const directionOf = (indicator: string): Direction =>
    readDirection(fn, typeof options.direction === "object" && options.direction !== null ? options.direction[indicator] : options.direction);
  const kept = rows.filter(
    (r) =>
      (options.indicator === undefined || r.indicator === options.indicator) &&
      (options.level === undefined || r.level === options.level) &&
      r[dimension] !== null &&
      r[dimension] !== undefined,
  );
  const out: ParityRow[] = [];
  const cells = groupRows(kept, (r) => [r.indicator, r.level, ...dimensionColumns(r).filter((d) => d !== dimension).sort().map((d) => [d, r[d]])]);
  for (const { rows: cell } of cells) {
    const ref = cell.find((r) => String(r[dimension]) === reference);
    const direction = directionOf(cell[0].indicator);
    for (const r of cell) {
      const code = String(r[dimension]);
      if (code === reference || (wanted !== null && !wanted.has(code))) continue;
      out.push(compare(r, ref, { dimension, reference, adjusted, direction, band: options.band }));
    }
  }
  return out;
}

function compare(
  r: ResultRow,
  ref: ResultRow | undefined,
  o: { dimension: string; reference: string; adjusted: boolean; direction: Direction; band?: { lower?: number; upper?: number } },
): ParityRow {
  const row: ParityRow = {
    indicator: r.indicator,
    level: r.level,
    dimension: o.dimension,
    group: String(r[o.dimension]),
    reference: o.reference,
    measure: o.adjusted ? "adjusted-parity-index" : "parity-index",
    value: null,
    parityIndex: null,
    adjustedParityIndex: null,
    groupValue: r.suppressed ? null : r.value,
    referenceValue: ref && !ref.suppressed ? ref.value : null,
    groupN: r.suppressed ? null : r.n,
    referenceN: ref && !ref.suppressed ? ref.n : null,
    gapAbsolute: null,
    gapRelative: null,
    band: null,
    disadvantaged: null,
    flags: [],
  };
  for (const d of dimensionColumns(r)) if (d !== o.dimension) row[d] = r[d] as string | null;
  const flags = new Set<Flag>();
  if (!ref) flags.add("empty-group");
  else if (r.suppressed || ref.suppressed) flags.add("suppressed");
  else if (r.value === null || ref.value === null) {
    for (const f of [...r.flags, ...ref.flags]) flags.add(f);
    flags.add("undefined-measure");
  } else {
    row.parityIndex = parityIndex(r.value, ref.value);
    row.adjustedParityIndex = parityIndex(r.value, ref.value, { adjusted: true });
    row.value = o.adjusted ? row.adjustedParityIndex : row.parityIndex;
    const g = gap(r.value, ref.value, { direction: o.direction });
    row.gapAbsolute = g.absolute;
    row.gapRelative = g.relative;
    const b = parityBand(row.value, { ...o.band, direction: o.direction });
    row.band = b.band;
    row.disadvantaged = b.disadvantaged;
    if (row.value === null) flags.add(ref.value === 0 ? "zero-denominator" : "undefined-measure");
  }
  row.flags = [...flags];
  return row;
}
