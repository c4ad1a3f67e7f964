import type { IndicatorDefinition } from "../../models/indicator";
import type { ResultRow } from "../../models/result";
import { EmisInputError } from "../../models/errors";
import { writeFigures } from "./project";
import { pinnedCells } from "./linear-audit";
import { surveyAudit, withholdIntervals, type SurveyAudit } from "./suppress-survey";
import { MinHeap } from "./min-heap";
import { Residuals } from "./residuals";
import { cohortRelations, groupKeys, splitRelations, sumRelations, type AtomSource, type Cohort, type GroupKeys } from "./suppress-equations";

/** Disclosure-control options. */
export interface SuppressionOptions {
  /** Minimum count (and complement) a published cell must have; default the profile's `minCell`. */
  minCell?: number;
  /** Complementary (secondary) suppression across levels and indicators; default true. */
  complementary?: boolean;
  /**
   * Round published counts to a multiple of this base (e.g. 5, the UK Ofqual
   * convention, METHODS.md 6.2); default none. Applied after suppression, so it never
   * un-hides a cell. Counts (numerator, denominator, n, nExcluded, and the value of a
   * count indicator) are rounded to the nearest multiple; a positive count never
   * rounds to 0, so true zeros stay distinguishable; percentages, means, ratios and
   * intervals are computed from the unrounded counts. A mean's numerator (a sum of
   * scores, not a count) and a distribution's `n` (units) are left as they are.
   * Rounding is a presentation convention, not disclosure control: a percentage at full
   * precision beside a rounded denominator usually gives the exact count back.
   * Suppression (`minCell`) is the protection.
   */
  roundingBase?: number;
}

/** What suppression needs to know about each row. */
export interface RowMeta {
  def: IndicatorDefinition;
  set: number;
  /** Global codes of the group on the dimensions `U` (those of its grouping set matter). */
  codes: number[];
  U: string[];
  /** Numerator and denominator sums, and records behind the value. */
  x: number;
  n: number;
  records: number;
  /** Records of the cell whose outcome is unknown (left out of the value). */
  excluded: number;
  /** The group has the code `unknown` on one of its dimensions. */
  unknownGroup?: boolean;
  /**
   * Dimensions of `U` outside the row's set whose codes the set's codes determine in the
   * data (a school's dzongkhag); `codes` holds their values. Rows of a coarser set on
   * them are sums of this set's rows.
   */
  fixed?: readonly string[];
  /**
   * Design-weighted rows (see `design.ts`): the one design weight of the group's rows
   * (NaN when several, 0 with none) and the number of PSUs holding them.
   */
  survey?: { weight: number; psus: number };
}

/** Positive but under the minimum. */
function isSmall(v: number, min: number): boolean {
  return v > 0 && v < min;
}

/**
 * Primary rule: a count of people, or a proportion's count or complement, that is
 * positive but under the minimum; a mean over fewer records than the minimum; a
 * distribution summarising fewer units than the minimum, one of which has a count
 * under it. Resource ratios of institutions (PTR, class size: statistic `ratio`) and
 * distributions across more units are not primary-suppressed, but they are hidden
 * complementarily when they share a count with a hidden cell.
 */
function primary(def: IndicatorDefinition, m: RowMeta, min: number): boolean {
  // A distribution over one unit (a school's own row) is that unit's ratio, and a
  // summary of a few units (a Gini, mean or median of 2 or 3 schools' PTRs beside their
  // region's enrolment and PTR) can be solved back to each unit's counts. So a summary
  // of fewer units than the minimum is hidden when any of its units has a positive count
  // under the minimum (for distributions `records` is the number of units and `x` the
  // smallest unit count). Over more units, no unit's count can be solved for.
  if (def.kind === "distribution") return m.records > 0 && m.records < Math.max(2, min) && isSmall(m.x, min);
  if (def.statistic === "ratio") return false;
  // A headcount of records whose attribute is unrecorded (3 pupils of unknown sex in a
  // dzongkhag; see RowMaker.unknown: never crossed with a real attribute) states no
  // attribute of anyone, and it can be derived anyway by differencing two published
  // figures of different coverage (enrolment minus the girls-and-boys denominator), so
  // hiding it would protect nothing and cascade into hiding real figures. Outcomes of
  // such a group (its pass rate) stay protected.
  if (def.statistic === "count" && m.unknownGroup) return false;
  // A cell of a few people whose outcomes are all unknown is still a cell of a few
  // people (2 girls with disabilities whose results are unknown) — unless its group is
  // itself an unknown code, whose headcount is published as above.
  if (!m.unknownGroup && isSmall(m.records + m.excluded, min)) return true;
  if (!def.denominator) return isSmall(m.x, min);
  if (def.statistic === "proportion") return isSmall(m.x, min) || isSmall(m.n - m.x, min) || isSmall(m.records, min);
  return isSmall(m.records, min);
}

/** A Gini or coefficient of variation of 0: every unit of the summary has the same ratio. */
function noSpread(def: IndicatorDefinition, value: number | null): boolean {
  return def.kind === "distribution" && (def.summary === "gini" || def.summary === "cv") && value === 0;
}

/**
 * Facts that count the same people under another name: createDataset's `sections`
 * carry each class's `pupils`, the enrolled pupils of the `students` fact, so class
 * size published for a school whose enrolment is hidden would give it back (3 pupils in
 * one section).
 */
function populationOf(fact: string, measure: string): string {
  return fact === "sections" && measure === "pupils" ? "students" : fact;
}

/**
 * Union-find over indicators that read the same fact table. Counts of one fact over
 * the same cell are linked whatever their filters: the girls-and-boys denominator of
 * a share, subtracted from the cell's enrolment, gives its unknown-sex pupils; a
 * repetition and a promotion rate over the same pupils give the dropout count. So a
 * cell hidden for one indicator is hidden for all indicators of the fact (and of facts
 * linked through a ratio, e.g. pupils and teachers through the PTR).
 */
function families(defs: IndicatorDefinition[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const owner = new Map<string, string>();
  for (const d of defs) {
    if (!parent.has(d.id)) parent.set(d.id, d.id);
    for (const spec of d.denominator ? [d.numerator, d.denominator] : [d.numerator]) {
      const key = populationOf(spec.fact, spec.measure);
      const o = owner.get(key);
      if (o) parent.set(find(d.id), find(o));
      else owner.set(key, d.id);
    }
  }
  const out = new Map<string, string>();
  for (const id of parent.keys()) out.set(id, find(id));
  return out;
}

/**
 * Primary and complementary suppression, in place, then optional rounding.
 *
 * Complementary rule: for every pair of published grouping sets P ⊂ C (any number of
 * dimensions apart: a total is the sum of every cell of a district × sex table, not
 * only of its district rows; or nested in the data: C's codes determine P's, as a
 * school its dzongkhag) and every published cell p of P, p equals the sum of the
 * cells of C that share p's codes (see {@link sumRelations} for the equations between
 * cross-cutting partitions); the number of hidden cells in that equation must
 * not be exactly one, and the other hidden cells of the equation must be able to absorb
 * a move of at least the minimum (their counts sum to at least min, so an intruder
 * solving all the equations together cannot pin a small cell: tested with an LP
 * attacker). When not, one more published child is hidden: preferably the
 * smallest whose counts (records, and a proportion's x and n - x) all reach the
 * minimum, so it gives the hidden one room to move both ways (zeros and small cells
 * give none); else the one with the most room; ties broken by group key so the pattern is
 * deterministic; the parent only when no child is left. A cell hidden for one indicator
 * is hidden for every indicator sharing a count with it (same fact, measure and
 * filter). Equations are checked smallest first, again whenever one of their cells is
 * hidden, until none needs more. Suppressed rows lose value, numerator, denominator, n
 * and interval bounds (bounds reveal counts).
 */
export function suppress(
  rows: ResultRow[],
  metas: RowMeta[],
  sets: string[][],
  options: SuppressionOptions,
  profileMin: number,
  cohort?: Cohort,
  codeOf?: (dim: string, value: string) => number,
  atomSource?: AtomSource,
  placeWeights?: (dims: string[]) => Map<string, number>,
): void {
  checkOptions(options);
  const callMin = options.minCell ?? profileMin;
  // An indicator may ask for a larger minimum than the call's (never a smaller one), and
  // it holds for its whole family: the indicators of a fact share its counts (the 7 girls
  // of a district hidden under a minimum of 10 as an enrolment cell are the numerator of
  // the district's share of girls), so each uses the largest minimum of its family.
  const defsById = new Map<string, IndicatorDefinition>();
  for (const m of metas) defsById.set(m.def.id, m.def);
  const fam = families([...defsById.values()]);
  const largest = new Map<string, number>();
  for (const d of defsById.values()) {
    const f = fam.get(d.id)!;
    largest.set(f, Math.max(largest.get(f) ?? callMin, d.minCell ?? 0));
  }
  const minOf = (def: IndicatorDefinition) => largest.get(fam.get(def.id)!)!;
  if (metas.some((m) => minOf(m.def) > 0)) {
    hide(rows, metas, sets, options, minOf, fam, cohort, codeOf, atomSource, placeWeights);
    withholdExclusions(rows, metas, minOf);
  }
  if (options.roundingBase !== undefined) roundCounts(rows, metas, options.roundingBase);
}

const KNOWN = ["minCell", "complementary", "roundingBase"];

/** A mistyped or out-of-range option must never turn disclosure control off silently. */
function checkOptions(o: SuppressionOptions): void {
  for (const k of Object.keys(o)) {
    if (!KNOWN.includes(k)) throw new EmisInputError("invalid-option", `disaggregate: unknown suppression option ${k}; use ${KNOWN.join(", ")}`);
  }
  if (o.minCell !== undefined && !(Number.isInteger(o.minCell) && o.minCell >= 0)) {
    throw new EmisInputError("invalid-option", `disaggregate: suppression.minCell must be a whole number ≥ 0, got ${o.minCell}; use e.g. 5 (0 turns primary suppression off explicitly)`);
  }
  if (o.complementary !== undefined && typeof o.complementary !== "boolean") {
    throw new EmisInputError("invalid-option", `disaggregate: suppression.complementary must be true or false, got ${String(o.complementary)}`);
  }
}

/**
 * Counts of records with an unknown outcome are counts of people too, and they add up
 * across levels like any count: they are published only for the national total
 * (grouping set with no dimension) and only when at least the minimum; elsewhere
 * `nExcluded` is null and the flag `unknown-excluded` still says records were left out.
 */
function withholdExclusions(rows: ResultRow[], metas: RowMeta[], minOf: (def: IndicatorDefinition) => number): void {
  rows.forEach((r, i) => {
    if (r.nExcluded === null) return;
    const national = r.level === "total";
    if (r.suppressed || !national || (r.nExcluded > 0 && r.nExcluded < minOf(metas[i].def))) r.nExcluded = null;
  });
}

/** Hidden-state of a cell. */
const PRIMARY = 1;
const COMPLEMENTARY = 2;

function hide(
  rows: ResultRow[],
  metas: RowMeta[],
  sets: string[][],
  options: SuppressionOptions,
  minOf: (def: IndicatorDefinition) => number,
  fam: Map<string, string>,
  cohort?: Cohort,
  codeOf?: (dim: string, value: string) => number,
  atomSource?: AtomSource,
  placeWeights?: (dims: string[]) => Map<string, number>,
): void {
  // Families numbered in order of first appearance; a cell is an integer id, one per
  // family and group key, numbered in order of its first row.
  const familyIndex = new Map<string, number>();
  for (const f of fam.values()) if (!familyIndex.has(f)) familyIndex.set(f, familyIndex.size);
  const familyOfDef = new Map<IndicatorDefinition, number>();
  const keys = groupKeys(metas, sets);
  const cellsOfFamily: Array<Map<number | string, number>> = [];
  for (let f = 0; f < familyIndex.size; f++) cellsOfFamily.push(new Map());
  const cellOfRow = new Int32Array(metas.length);
  // Rows hidden by themselves, not through their cell (see below).
  const rowOnly = new Set<number>();
  const residuals = new Residuals();
  // The minimum of each family (one per family: see `suppress`), for the room rule.
  const familyMin = new Array<number>(familyIndex.size).fill(0);
  const cellSize: number[] = [];
  const cellFamily: number[] = [];
  const cellFirst: number[] = [];
  // The row of each cell that knows the most dimensions its set determines (indicators
  // grouped over fewer sets know fewer): parent keys and nesting are read from it.
  const cellRow: number[] = [];
  // Families with flow rates, whose cells of different grades and years are linked.
  const flowFamilies = new Set<number>();
  const state: number[] = [];
  let hiddenCount = 0;
  let surveyRows = false;
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    if (m.survey) surveyRows = true;
    let f = familyOfDef.get(m.def);
    if (f === undefined) familyOfDef.set(m.def, (f = familyIndex.get(fam.get(m.def.id)!)!));
    const cells = cellsOfFamily[f];
    const key = keys.row(i);
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = cellFirst.length;
      cells.set(key, cell);
      cellSize.push(Number.POSITIVE_INFINITY);
      cellFamily.push(f);
      cellFirst.push(i);
      cellRow.push(i);
      state.push(0);
    }
    cellOfRow[i] = cell;
    if (m.def.kind === "flow") flowFamilies.add(f);
    if ((m.fixed?.length ?? 0) > (metas[cellRow[cell]].fixed?.length ?? 0)) cellRow[cell] = i;
    // Room a hidden cell gives its partners to move: its smallest published count.
    const size =
      m.def.kind === "distribution" ? Number.POSITIVE_INFINITY
      : m.def.statistic === "proportion" && m.def.denominator ? Math.min(m.records, m.x, m.n - m.x)
      : !m.def.denominator ? Math.min(m.records, m.x)
      : m.records;
    cellSize[cell] = Math.min(cellSize[cell], size);
    const min = minOf(m.def);
    familyMin[f] = min;
    if (m.def.kind !== "distribution") residuals.add(cell, m);
    if (m.def.kind === "distribution" && noSpread(m.def, rows[i].value) && m.records > 0 && isSmall(m.x, min)) {
      // A Gini or CV of 0 says every unit has the same ratio: the group's own ratio. With
      // the group's counts published, small units are solved (five schools, five teachers:
      // one teacher each, so 15 pupils are 3 per school), however many units there are.
      rowOnly.add(i);
      continue;
    }
    if (!primary(m.def, m, min)) continue;
    if (m.def.kind === "distribution") {
      // A summary of a few units is hidden on its own: it is no part of any sum, and the
      // counts of its cell (the region's enrolment) are not small, so its family and
      // the equations around it are left alone.
      rowOnly.add(i);
      continue;
    }
    if (state[cell] === 0) hiddenCount++;
    state[cell] = PRIMARY;
  }
  residuals.each((cell, left) => {
    // a count the call publishes by difference is a count like the others: it is
    // tested, and a cell whose remainder is 0 gives a hidden partner no room
    cellSize[cell] = Math.min(cellSize[cell], left);
    if (!isSmall(left, familyMin[cellFamily[cell]])) return;
    if (state[cell] === 0) hiddenCount++;
    state[cell] = PRIMARY;
  });

  // sets a pair of cross-cutting sets left unaudited (see PlaceAtoms), as `family|set`
  const unaudited = new Set<string>();
  if (options.complementary !== false && hiddenCount > 0) {
    // Unpublished totals two cross-cutting sets share (see sumRelations) are cells too:
    // unknown to an intruder, never written, known to the room rule until hidden.
    const virtualCell = (family: number, size: number) => {
      cellSize.push(size);
      cellFamily.push(family);
      cellFirst.push(-1);
      cellRow.push(-1);
      state.push(0);
      return state.length - 1;
    };
    const atomTies: Array<[number, number]> = [];
    const atomWeights = surveyRows && placeWeights ? { of: placeWeights, ties: atomTies } : undefined;
    const relations = sumRelations(metas, keys, sets, familyIndex.size, cellsOfFamily, cellFamily, cellRow, cellSize, virtualCell, atomSource, atomWeights, unaudited);
    if (cohort && flowFamilies.size > 0) relations.push(...cohortRelations(metas, keys, sets, cellsOfFamily, cellFamily, cellRow, cohort, flowFamilies));
    // Shares whose numerator is a code of a dimension (girls, pupils with a disability)
    // split their group by that code: see splitRelations. The two parts are cells of
    // their own, published or hidden with the share's cell.
    const baseOf = new Map<number, number>();
    const aliasesOf = new Map<number, number[]>();
    if (codeOf) {
      const parts = splitRelations(metas, keys, sets, cellFamily, cellRow, cellOfRow, codeOf, (base) => {
        const a = virtualCell(cellFamily[base], cellSize[base]);
        state[a] = state[base];
        baseOf.set(a, base);
        aliasesOf.set(base, [...(aliasesOf.get(base) ?? []), a]);
        return a;
      });
      relations.push(...parts);
    }
    // Smallest equations first, all kinds together: a complement chosen inside a school's
    // district also serves the national equation, while one chosen nationally first is
    // often a second school elsewhere that the district's equation cannot use (stable
    // sort: deterministic).
    relations.sort((a, b) => a.children.length - b.children.length);
    const isVirtual = (c: number) => cellRow[c] < 0 && !baseOf.has(c);
    const rank = (c: number) => {
      const size = cellSize[c];
      return size >= familyMin[cellFamily[c]] ? size : Number.MAX_VALUE / 2 - size;
    };
    // Ties by the group's text key (the cells of one equation share their family); a
    // part of a share has its base cell's row, an unpublished total none (it sorts last).
    const textOf = (c: number) => {
      const first = cellFirst[baseOf.get(c) ?? c];
      return first >= 0 ? keys.text(first) : `~${c}`;
    };
    const better = (a: number, b: number) => {
      const r = rank(a) - rank(b);
      if (r !== 0) return r;
      const ka = textOf(a);
      const kb = textOf(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    };
    // Equations are checked smallest first (sorted above), and a cell hidden makes
    // every equation it is part of due again, so a larger equation is checked only after
    // the smaller ones around its hidden cells have chosen their complements.
    const relationsOf: number[][] = Array.from({ length: state.length }, () => []);
    relations.forEach(({ parent, children }, r) => {
      relationsOf[parent].push(r);
      for (const c of children) relationsOf[c].push(r);
    });
    const due = new MinHeap(relations.length);
    const hideCell = (c: number) => {
      // a part of a share is hidden with the share's cell and the other part
      const base = baseOf.get(c) ?? c;
      for (const x of [base, ...(aliasesOf.get(base) ?? [])]) {
        if (state[x] === 0) state[x] = COMPLEMENTARY;
        for (const r of relationsOf[x]) due.push(r);
      }
    };
    const settle = () => {
      for (let r = due.pop(); r >= 0; r = due.pop()) {
        const { parent, children } = relations[r];
        let total = 0;
        let count = 0;
        let largest = 0;
        for (const c of children) {
          if (state[c] !== 0) {
            const cap = cellSize[c];
            total += cap;
            count++;
            largest = Math.max(largest, cap);
          }
        }
        if (state[parent] !== 0) {
          const cap = cellSize[parent];
          total += cap;
          count++;
          largest = Math.max(largest, cap);
        }
        if (count === 0) continue;
        // Room: a hidden cell can move only as far as the other hidden cells of the
        // equation can absorb (a large partner pinned by a small one pins what it
        // protects, so this holds for every hidden cell, not only the small ones): the
        // cell with the least room is the one with the largest count.
        if (count > 1 && total - largest >= familyMin[cellFamily[parent]]) continue;
        // Only an equation that needs one more hidden cell looks for the best child.
        let best = -1;
        for (const c of children) if (state[c] === 0 && (best < 0 || better(c, best) < 0)) best = c;
        if (best >= 0) hideCell(best);
        // The parent is hidden only against exact recovery (one unknown), never for room
        // alone: that would cascade every small cell up to the national total. A hidden
        // common total makes the equations of its other set due, where a child hides.
        else if (count === 1 && state[parent] === 0) hideCell(parent);
      }
    };
    settle();
    // Survey designs: weighted totals are unknowns of their own (suppress-survey.ts).
    const survey: SurveyAudit | undefined = surveyRows ? surveyAudit(metas, cellOfRow, cellFamily, state.length, atomTies) : undefined;
    // Among partners with room, one of the pinned cell's own weight first: with it,
    // neither the counts nor the weighted totals tell the two apart.
    const partnerOrder = (h: number) => {
      if (!survey?.second || !(survey.weightOf[h] > 0)) return better;
      const w = survey.weightOf[h];
      const tight = (c: number) => Number(cellSize[c] < familyMin[cellFamily[c]]);
      const other = (c: number) => Number(survey.weightOf[c] !== w);
      return (a: number, b: number) => tight(a) - tight(b) || other(a) - other(b) || better(a, b);
    };
    // The room rule looks at one equation at a time; sums of several can still pin a
    // cell (a hidden school that is the total minus a dzongkhag minus a location). The
    // audit finds every cell the equations together determine; each gets one more
    // hidden partner from its own equations, and the rules run again, until none is.
    for (;;) {
      const pinned = pinnedCells(relations, (c) => state[c] !== 0 || isVirtual(c), (c) => state[c] !== 0 && !isVirtual(c), survey?.second);
      let progress = false;
      for (const h of pinned) {
        const partner = partnerOf(h, relations, relationsOf, state, isVirtual, partnerOrder(h));
        if (partner >= 0) {
          hideCell(partner);
          progress = true;
        }
      }
      if (!progress) break;
      settle();
    }
  }

  const linked = hiddenCount > 0 ? hiddenUnits(metas, sets, keys, state, cellFamily, cellRow, cellOfRow, rowOnly) : new Set<number>();
  if (hiddenCount === 0 && rowOnly.size === 0) return;
  for (let i = 0; i < metas.length; i++) {
    const why = rowOnly.has(i) ? PRIMARY : linked.has(i) ? COMPLEMENTARY : state[cellOfRow[i]];
    if (why === 0) continue;
    // Other flags would describe the hidden figures (zero-denominator says the hidden
    // denominator is 0; unknown-excluded that some records were unknown).
    writeFigures(rows[i], null, null, null, null, null, null, null, true, [why === PRIMARY ? "suppressed" : "suppressed-complementary"]);
  }
  if (unaudited.size > 0) {
    // a family with a hidden cell whose two sets could not be audited together: say so on
    // every row of those sets (the equations kept their common total only)
    const hiddenIn = new Set<number>();
    for (let c = 0; c < state.length; c++) if (state[c] !== 0) hiddenIn.add(cellFamily[c]);
    for (let i = 0; i < metas.length; i++) {
      const f = cellFamily[cellOfRow[i]];
      if (hiddenIn.has(f) && unaudited.has(`${f}|${metas[i].set}`) && !rows[i].flags.includes("audit-incomplete")) rows[i].flags.push("audit-incomplete");
    }
  }
  if (surveyRows && hiddenCount > 0) {
    const hiddenCells: number[] = [];
    for (let c = 0; c < state.length; c++) if (state[c] !== 0 && cellRow[c] >= 0) hiddenCells.push(c);
    withholdIntervals(rows, metas, (i) => rows[i].suppressed, cellOfRow, cellFamily, hiddenCells);
  }
}

/**
 * Distribution rows over units hidden in the same call. A Gini and a CV of five schools'
 * PTRs, beside the district's totals and the rows of the two schools left published,
 * leave the three hidden schools few integer solutions (a trial found one: the hidden
 * 3 pupils and 2 teachers), and with tiny units the same holds for five hidden schools
 * or more. So a summary whose units include a hidden one (a unit with a hidden cell in
 * a set holding the unit dimension, within the summary's group) is hidden with it.
 * Summaries with no hidden unit add nothing to the units' own rows. Returns the rows to
 * hide.
 */
function hiddenUnits(
  metas: RowMeta[],
  sets: string[][],
  keys: GroupKeys,
  state: number[],
  cellFamily: number[],
  cellRow: number[],
  cellOfRow: Int32Array,
  rowOnly: Set<number>,
): Set<number> {
  const out = new Set<number>();
  const hidden: number[] = [];
  for (let c = 0; c < state.length; c++) if (state[c] !== 0 && cellRow[c] >= 0) hidden.push(c);
  // Per family, summary set and unit dimension: the hidden units of each group, by group
  // key ("all" when a hidden cell's set does not determine the summary's groups).
  const byGroup = new Map<string, Map<number | string, Set<number>> | "all">();
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    if (m.def.kind !== "distribution" || rowOnly.has(i) || state[cellOfRow[i]] !== 0) continue;
    const f = cellFamily[cellOfRow[i]];
    const unit = m.def.unitOf;
    const id = `${f}\u0000${m.set}\u0000${unit}`;
    let t = byGroup.get(id);
    if (t === undefined) {
      const groups = new Map<number | string, Set<number>>();
      t = groups;
      const S = sets[m.set];
      for (const c of hidden) {
        if (cellFamily[c] !== f) continue;
        const cm = metas[cellRow[c]];
        const C = sets[cm.set];
        if (!C.includes(unit)) continue;
        if (!S.every((d) => C.includes(d) || cm.fixed?.includes(d))) {
          t = "all";
          break;
        }
        const g = keys.parent(cellRow[c], m.set);
        let units = groups.get(g);
        if (!units) groups.set(g, (units = new Set()));
        units.add(cm.codes[cm.U.indexOf(unit)]);
      }
      byGroup.set(id, t);
    }
    const units = t === "all" ? undefined : t.get(keys.row(i));
    if (t === "all" || units !== undefined) out.add(i);
  }
  return out;
}

/**
 * One more cell to hide for a hidden cell `h` that the equations pin: the best published
 * cell of its equations (children first, as the room rule chooses), else a published
 * parent; through an unpublished common total, the equations of its other set. -1 when
 * every cell around is hidden already.
 */
function partnerOf(
  h: number,
  relations: ReadonlyArray<{ parent: number; children: number[] }>,
  relationsOf: number[][],
  state: number[],
  isVirtual: (c: number) => boolean,
  better: (a: number, b: number) => number,
): number {
  const seen = new Set<number>([h]);
  let frontier = [h];
  while (frontier.length > 0) {
    let child = -1;
    let parent = -1;
    const next: number[] = [];
    for (const c of frontier) {
      for (const r of relationsOf[c]) {
        const rel = relations[r];
        for (const k of rel.children) if (state[k] === 0 && !isVirtual(k) && (child < 0 || better(k, child) < 0)) child = k;
        if (state[rel.parent] === 0 && !isVirtual(rel.parent) && (parent < 0 || better(rel.parent, parent) < 0)) parent = rel.parent;
        // through unpublished cells, parents (a common total) and children (an
        // intersection of places), to the published cells that share them
        for (const v of [rel.parent, ...rel.children]) {
          if (isVirtual(v) && !seen.has(v)) {
            seen.add(v);
            next.push(v);
          }
        }
      }
    }
    if (child >= 0) return child;
    if (parent >= 0) return parent;
    frontier = next;
  }
  return -1;
}

/** Rounds published counts to `base` (see {@link SuppressionOptions.roundingBase}). */
function roundCounts(rows: ResultRow[], metas: RowMeta[], base: number): void {
  if (!(base > 0) || !Number.isFinite(base)) {
    throw new EmisInputError("invalid-options", `disaggregate: suppression.roundingBase must be a positive number, got ${base}; use e.g. 5`);
  }
  const round = (v: number | null) => (v === null || v === 0 ? v : Math.max(base, Math.round(v / base) * base));
  rows.forEach((r, i) => {
    if (r.suppressed) return;
    const def = metas[i].def;
    const distribution = def.kind === "distribution";
    if (def.statistic !== "mean") r.numerator = round(r.numerator);
    r.denominator = round(r.denominator);
    if (!distribution) {
      r.n = round(r.n);
      r.nExcluded = round(r.nExcluded);
    }
    if (!def.denominator && def.statistic === "count" && def.scale === 1) r.value = round(r.value);
  });
}
