import type { IndicatorDefinition } from "../../models/indicator";
import type { ResultRow } from "../../models/result";
import type { Flag } from "../../models/flags";
import { EmisInputError } from "../../models/errors";
import { writeFigures } from "./project";
import { pinnedCells } from "./linear-audit";

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
  // A headcount of records whose code is unknown (3 pupils of unrecorded sex) states no
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
export function suppress(rows: ResultRow[], metas: RowMeta[], sets: string[][], options: SuppressionOptions, profileMin: number, cohort?: Cohort): void {
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
    hide(rows, metas, sets, options, minOf, fam, cohort);
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
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
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
    const relations = sumRelations(metas, keys, sets, familyIndex.size, cellsOfFamily, cellFamily, cellRow, cellSize, virtualCell);
    if (cohort && flowFamilies.size > 0) relations.push(...cohortRelations(metas, keys, sets, cellsOfFamily, cellFamily, cellRow, cohort, flowFamilies));
    const isVirtual = (c: number) => cellRow[c] < 0;
    const rank = (c: number) => {
      const size = cellSize[c];
      return size >= familyMin[cellFamily[c]] ? size : Number.MAX_VALUE / 2 - size;
    };
    // Ties by the group's text key (the cells of one equation share their family).
    const better = (a: number, b: number) => {
      const r = rank(a) - rank(b);
      if (r !== 0) return r;
      const ka = keys.text(cellFirst[a]);
      const kb = keys.text(cellFirst[b]);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    };
    // Equations are checked smallest first (see sumRelations), and a cell hidden makes
    // every equation it is part of due again, so a larger equation is checked only after
    // the smaller ones around its hidden cells have chosen their complements.
    const relationsOf: number[][] = Array.from({ length: state.length }, () => []);
    relations.forEach(({ parent, children }, r) => {
      relationsOf[parent].push(r);
      for (const c of children) relationsOf[c].push(r);
    });
    const due = new MinHeap(relations.length);
    const hideCell = (c: number) => {
      state[c] = COMPLEMENTARY;
      for (const r of relationsOf[c]) due.push(r);
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
    // The room rule looks at one equation at a time; sums of several can still pin a
    // cell (a hidden school that is the total minus a dzongkhag minus a location). The
    // audit finds every cell the equations together determine; each gets one more
    // hidden partner from its own equations, and the rules run again, until none is.
    for (;;) {
      const pinned = pinnedCells(relations, (c) => state[c] !== 0 || isVirtual(c), (c) => state[c] !== 0 && !isVirtual(c));
      let progress = false;
      for (const h of pinned) {
        const partner = partnerOf(h, relations, relationsOf, state, isVirtual, better);
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
        if (isVirtual(rel.parent) && !seen.has(rel.parent)) {
          seen.add(rel.parent);
          next.push(rel.parent);
        }
      }
    }
    if (child >= 0) return child;
    if (parent >= 0) return parent;
    frontier = next;
  }
  return -1;
}

/** Next grade (profile order) and next year as codes of the call, -1 when none. */
export interface Cohort {
  next(dim: "grade" | "year", code: number): number;
}

/**
 * Flow rates tie cells of different grades and years: the UIS reconstructed cohort
 * takes promoted(g, t) = E(g+1, t+1) − R(g+1, t+1), so the enrolment of grade g+1 in
 * year t+1 is the promotion numerator of (g, t) plus the repetition numerator of
 * (g+1, t). A trial read a hidden 2 repeaters as 28 enrolled − 26 promoted. For sets
 * grouped by grade and year, in families with flow rates, each such triple is an
 * equation: parent (g+1, t+1), children (g, t) and (g+1, t).
 */
function cohortRelations(
  metas: RowMeta[],
  keys: GroupKeys,
  sets: string[][],
  cellsOfFamily: Array<Map<number | string, number>>,
  cellFamily: number[],
  cellRow: number[],
  cohort: Cohort,
  withFlow: Set<number>,
): Array<{ parent: number; children: number[] }> {
  const out: Array<{ parent: number; children: number[] }> = [];
  for (let cell = 0; cell < cellRow.length; cell++) {
    if (cellRow[cell] < 0 || !withFlow.has(cellFamily[cell])) continue;
    const m = metas[cellRow[cell]];
    const set = sets[m.set];
    if (!set.includes("grade") || !set.includes("year")) continue;
    const at = (d: string) => m.codes[m.U.indexOf(d)];
    const g1 = cohort.next("grade", at("grade"));
    const y1 = cohort.next("year", at("year"));
    if (g1 < 0 || y1 < 0) continue;
    const cells = cellsOfFamily[cellFamily[cell]];
    const kb = keys.of(m.set, (d) => (d === "grade" ? g1 : at(d)));
    const kc = keys.of(m.set, (d) => (d === "grade" ? g1 : d === "year" ? y1 : at(d)));
    const b = kb === undefined ? undefined : cells.get(kb);
    const c = kc === undefined ? undefined : cells.get(kc);
    if (b !== undefined && c !== undefined) out.push({ parent: c, children: [cell, b] });
  }
  return out;
}

/** Relation indices due for a check, smallest first; each index is held at most once. */
class MinHeap {
  private readonly heap: Int32Array;
  private readonly held: Uint8Array;
  private size: number;

  /** Starts holding 0..n-1 (in order, already a heap). */
  constructor(n: number) {
    this.heap = new Int32Array(n);
    this.held = new Uint8Array(n).fill(1);
    for (let i = 0; i < n; i++) this.heap[i] = i;
    this.size = n;
  }

  push(v: number): void {
    if (this.held[v] === 1) return;
    this.held[v] = 1;
    const h = this.heap;
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (h[up] <= v) break;
      h[i] = h[up];
      i = up;
    }
    h[i] = v;
  }

  /** The smallest index held, or -1. */
  pop(): number {
    if (this.size === 0) return -1;
    const h = this.heap;
    const top = h[0];
    this.held[top] = 0;
    const last = h[--this.size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && h[c + 1] < h[c]) c++;
      if (h[c] >= last) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = last;
    return top;
  }
}

/**
 * Counts a cell publishes by difference, though no row states them. Repetition 10/40
 * and promotion 28/40 give 2 dropouts; so do repetition 10/40 beside a count of 28
 * promoted pupils; and a count of 38 girls beside a rate over the same 40 pupils gives
 * 2 who are not girls. For each cell and fact, each proportion denominator (a whole:
 * its value, whatever its filter or measure, since equal values are all an intruder
 * needs) is compared with its parts: the numerators of the proportions over that same
 * value and the counts of the fact under it. When there are two parts or more, or a
 * count among them, the whole minus the parts, and the whole minus each count, are
 * counts too. Where parts overlap (girls, and pupils with a disability) a difference
 * counts nobody and may hide a cell for nothing: the safe side.
 */
class Residuals {
  private readonly byCell = new Map<string, { cell: number; wholes: Map<number, number[]>; counts: number[] }>();

  add(cell: number, m: RowMeta): void {
    const def = m.def;
    const den = def.denominator;
    const proportion = def.statistic === "proportion" && den !== undefined && den.fact === def.numerator.fact;
    const count = def.statistic === "count" && den === undefined;
    if (!proportion && !count) return;
    const key = `${cell}\u0000${def.numerator.fact}`;
    let e = this.byCell.get(key);
    if (!e) this.byCell.set(key, (e = { cell, wholes: new Map(), counts: [] }));
    if (count) e.counts.push(m.x);
    else {
      const parts = e.wholes.get(m.n);
      if (parts) parts.push(m.x);
      else e.wholes.set(m.n, [m.x]);
    }
  }

  /** Calls `f` with every count left over (at least 0) and its cell. */
  each(f: (cell: number, left: number) => void): void {
    for (const { cell, wholes, counts } of this.byCell.values()) {
      for (const [whole, numerators] of wholes) {
        const under = counts.filter((x) => x < whole);
        if (numerators.length + under.length < 2 && under.length === 0) continue;
        let left = whole;
        for (const x of numerators) left -= x;
        for (const x of under) {
          left -= x;
          f(cell, whole - x);
        }
        if (left >= 0) f(cell, left);
      }
    }
  }
}

/**
 * Every published equation parent = sum of children: for each family, each pair of
 * grouping sets P ⊊ C (by name, or in the data through {@link RowMeta.fixed}), and each
 * published cell of P, the published cells of C below it; and, between two sets of
 * parents of the same C that cut across each other, each parent whose children all lie
 * under one parent of the other set.
 * Cells are the integer ids of `hide`; `cellsOfFamily` maps a family's group keys to them,
 * and `cellRow` gives the row each cell's keys are read from.
 */
function sumRelations(
  metas: RowMeta[],
  keys: GroupKeys,
  sets: string[][],
  familyCount: number,
  cellsOfFamily: Array<Map<number | string, number>>,
  cellFamily: number[],
  cellRow: number[],
  cellSize: number[],
  virtualCell: (family: number, size: number) => number,
): Array<{ parent: number; children: number[] }> {
  const relations: Array<{ parent: number; children: number[] }> = [];
  // Cells per family and set, in order of first row.
  const byFamilySet: number[][] = [];
  for (let k = 0; k < familyCount * sets.length; k++) byFamilySet.push([]);
  for (let cell = 0; cell < cellFamily.length; cell++) byFamilySet[cellFamily[cell] * sets.length + metas[cellRow[cell]].set].push(cell);
  sets.forEach((child, ci) => {
    // per family, the parents of this child set found in each coarser set
    const coarser: Array<{ pi: number; family: number; parentOf: Map<number, number>; childrenOf: Map<number, number[]> }> = [];
    sets.forEach((par, pi) => {
      if (pi === ci) return;
      const nested = child.length > par.length && par.every((d) => child.includes(d));
      // Not nested by name, the pair is nested in the data when the child set's codes
      // determine the parent's other dimensions (schools within dzongkhags) in every row.
      const extra = par.filter((d) => !child.includes(d));
      if (!nested && extra.length === 0) return;
      for (let f = 0; f < familyCount; f++) {
        const kids = byFamilySet[f * sets.length + ci];
        if (kids.length === 0) continue;
        if (!nested && !kids.every((cell) => extra.every((d) => metas[cellRow[cell]].fixed?.includes(d)))) continue;
        const groups = new Map<number | string, number[]>();
        for (const cell of kids) {
          const pk = keys.parent(cellRow[cell], pi);
          let g = groups.get(pk);
          if (!g) groups.set(pk, (g = []));
          g.push(cell);
        }
        // An equation exists only where the parent is published for this family.
        const cells = cellsOfFamily[f];
        const parentOf = new Map<number, number>();
        const childrenOf = new Map<number, number[]>();
        for (const [pk, children] of groups) {
          const parent = cells.get(pk);
          if (parent === undefined) continue;
          relations.push({ parent, children });
          childrenOf.set(parent, children);
          for (const c of children) parentOf.set(c, parent);
        }
        coarser.push({ pi, family: f, parentOf, childrenOf });
      }
    });
    // Two partitions of the same cells that cut across each other (regions and
    // locations of schools) give more equations by difference: when all schools of
    // region R2 are rural, rural = R2 + the other rural schools, and a hidden school
    // that is the only rural one outside R2 is rural minus R2. Each parent whose
    // children all lie under one parent of the other set is a child of that parent.
    for (const a of coarser) {
      for (const b of coarser) {
        if (a === b || a.family !== b.family) continue;
        const pa = sets[a.pi];
        const pb = sets[b.pi];
        // nested sets (by name, or a school within its dzongkhag) have their own equations
        const within = (x: typeof a, dims: string[]) => dims.every((d) => sets[x.pi].includes(d) || [...x.childrenOf.keys()].every((p) => metas[cellRow[p]].fixed?.includes(d)));
        if (within(a, pb) || within(b, pa)) continue;
        for (const [p1, k1] of a.childrenOf) {
          const p2 = b.parentOf.get(k1[0]);
          if (p2 === undefined) continue;
          const k2 = b.childrenOf.get(p2)!;
          if (k2.length <= k1.length || !k1.every((c) => b.parentOf.get(c) === p2)) continue;
          const inside = new Set(k1);
          relations.push({ parent: p2, children: [p1, ...k2.filter((c) => !inside.has(c))] });
        }
      }
    }
  });
  // Two sets that cut across each other (dzongkhags and locations, gewog × sex and
  // schools) both add up to their common coarsening (the total; each gewog), published
  // or not: Σ dzongkhags = Σ locations even when no total row is asked for. Where that
  // coarsening is not a published set, each of its groups is an unpublished cell with
  // an equation to each set.
  const determines = (si: number, f: number) => {
    const cells = byFamilySet[f * sets.length + si];
    const known = new Set(sets[si]);
    const first = metas[cellRow[cells[0]]];
    for (const d of first.fixed ?? []) if (cells.every((c) => metas[cellRow[c]].fixed?.includes(d))) known.add(d);
    return known;
  };
  const virtualOf = new Map<string, number>();
  const linked = new Set<string>();
  for (let f = 0; f < familyCount; f++) {
    const present = sets.map((_, si) => byFamilySet[f * sets.length + si].length > 0);
    const knownBy = sets.map((_, si) => (present[si] ? determines(si, f) : new Set<string>()));
    for (let a = 0; a < sets.length; a++) {
      for (let b = a + 1; b < sets.length; b++) {
        if (!present[a] || !present[b]) continue;
        if (sets[a].every((d) => knownBy[b].has(d)) || sets[b].every((d) => knownBy[a].has(d))) continue;
        const common = [...knownBy[a]].filter((d) => knownBy[b].has(d)).sort();
        const published = sets.some((set, si) => present[si] && set.length === common.length && set.every((d) => common.includes(d)));
        if (published) continue;
        const groupsOf = (si: number) => {
          const out = new Map<string, number[]>();
          for (const c of byFamilySet[f * sets.length + si]) {
            const m = metas[cellRow[c]];
            const k = common.map((d) => m.codes[m.U.indexOf(d)]).join(",");
            let g = out.get(k);
            if (!g) out.set(k, (g = []));
            g.push(c);
          }
          return out;
        };
        const ga = groupsOf(a);
        const gb = groupsOf(b);
        for (const [k, ka] of ga) {
          const kb = gb.get(k);
          if (!kb) continue;
          const id = `${f}|${common.join("+")}|${k}`;
          let v = virtualOf.get(id);
          if (v === undefined) virtualOf.set(id, (v = virtualCell(f, ka.reduce((t, c) => t + cellSize[c], 0))));
          for (const [si, children] of [[a, ka], [b, kb]] as const) {
            if (linked.has(`${v}|${si}`)) continue;
            linked.add(`${v}|${si}`);
            relations.push({ parent: v, children });
          }
        }
      }
    }
  }
  // Smallest equations first: a complement chosen inside a school's district also serves
  // the national equation, while one chosen nationally first is often a second school
  // elsewhere that the district's equation cannot use (stable sort: deterministic).
  return relations.sort((a, b) => a.children.length - b.children.length);
}

/** Keys of a row's group (in its own set, or in a coarser set `pi`), and its text key for ties. */
export interface GroupKeys {
  row(i: number): number | string;
  parent(i: number, pi: number): number | string;
  text(i: number): string;
  /** Key of the group of set `si` with the codes `code(d)` (undefined: no such group in the call). */
  of(si: number, code: (d: string) => number): number | string | undefined;
}

/**
 * A group is identified by its grouping set and its codes on that set's dimensions. The
 * key is one number, set + (number of sets) × (codes in mixed radix, each dimension's
 * radix one more than its largest code in the call), so looking a cell up hashes no
 * string; when that number could pass 2^53 (very large cubes) it is the text key
 * instead (`limit` lowers that bound, for tests). The text key `set:code,code` orders
 * ties deterministically either way.
 */
export function groupKeys(metas: RowMeta[], sets: string[][], limit = Number.MAX_SAFE_INTEGER): GroupKeys {
  // Where each set's dimensions sit in a row's codes, per U (one U per indicator).
  const positions = new Map<string[], number[][]>();
  const at = (m: RowMeta, si: number) => {
    let byU = positions.get(m.U);
    if (!byU) positions.set(m.U, (byU = sets.map((set) => set.map((d) => m.U.indexOf(d)))));
    return byU[si];
  };
  const dims = [...new Set(sets.flat())];
  const radix = new Map(dims.map((d) => [d, 1]));
  for (const m of metas) {
    const set = sets[m.set];
    const p = at(m, m.set);
    for (let j = 0; j < set.length; j++) radix.set(set[j], Math.max(radix.get(set[j])!, m.codes[p[j]] + 1));
    // a row's parent key in a coarser set may read a dimension its set determines
    if (m.fixed) for (const d of m.fixed) if (radix.has(d)) radix.set(d, Math.max(radix.get(d)!, m.codes[m.U.indexOf(d)] + 1));
  }
  const strides = sets.map((set) => {
    let product = 1;
    return set.map((d) => {
      const s = product;
      product *= radix.get(d)!;
      return s;
    });
  });
  const fits = sets.every((set) => set.reduce((a, d) => a * radix.get(d)!, 1) * sets.length <= limit);
  const text = (m: RowMeta, si: number) => `${si}:${at(m, si).map((p) => m.codes[p]).join(",")}`;
  const numeric = (m: RowMeta, si: number) => {
    const p = at(m, si);
    const st = strides[si];
    let k = 0;
    for (let j = 0; j < p.length; j++) k += m.codes[p[j]] * st[j];
    return k * sets.length + si;
  };
  const texts: string[] = [];
  const of = (si: number, code: (d: string) => number) => {
    const set = sets[si];
    const codes = set.map(code);
    if (codes.some((c, j) => !(c >= 0 && c < radix.get(set[j])!))) return undefined;
    if (!fits) return `${si}:${codes.join(",")}`;
    let k = 0;
    for (let j = 0; j < codes.length; j++) k += codes[j] * strides[si][j];
    return k * sets.length + si;
  };
  return {
    of,
    row: (i) => (fits ? numeric(metas[i], metas[i].set) : text(metas[i], metas[i].set)),
    parent: (i, pi) => (fits ? numeric(metas[i], pi) : text(metas[i], pi)),
    text: (i) => (texts[i] ??= text(metas[i], metas[i].set)),
  };
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
