/**
 * The cohort's figures, from the aggregates members published (« Agrégats reçus »), pooled honestly:
 * - only figures of one definition version together, and only when the member applied that version's definition (its
 *   fingerprint); a figure of another version or definition is set aside, and the line says why;
 * - two estimands, both labelled: **person-weighted** (the counts added: « 301 aidants sur 412 », Σk/Σn with a Wilson
 *   interval, Σx/Σn with a t interval) and **structure-weighted** (the median of the members' figures, each member
 *   counting once, with the quartiles around it) — never an average of averages;
 * - people of one member resemble each other: the clustering (ANOVA intraclass correlation) and its design effect are
 *   stated, with the interval of the effective sample;
 * - a before/after change: each member's change with its interval, pooled by DerSimonian–Laird random effects when at
 *   least five members published it, otherwise shown side by side without a pooled test;
 * - a figure a member published hidden (« < 11 ») is not counted, and the line says how many were.
 * Pure and in one pass: a cohort of hundreds of members holds hundreds of thousands of rows, so each row of the tab's
 * values is read once, straight into its group's running sums; its group is found without a lookup (members publish
 * their rows in the same order, so it is the one that followed the previous row's group last time), and what is kept
 * per row (its group, its figure) goes into typed arrays made once, not into an object or a growing list per row.
 */
import { termId, type Measure } from '../contract/words';
import type { Effect } from '../stats/meta';
import { tQuantile } from '../stats/distributions';
import { clipInterval, meanFromSums, meanInterval, wilsonInterval, Z95, type Interval } from '../stats/intervals';
import { derSimonianLaird, type RandomEffects } from '../stats/meta';
import { addCluster, clustering, effectiveMeanInterval, effectiveProportionInterval, memberSpread, type ClusterTotals, type Clustering } from '../stats/pooling';
import { comparePeriods, compareSegments, naturalOrder } from '../indicators/periods';

/** Fewer members than this and a change is shown side by side, with no pooled estimate or test. */
export const MIN_MEMBERS_FOR_POOLED_CHANGE = 5;

/** « Agrégats reçus » as read: the values (one array per sheet row) and where each column is (key → 0-based index). */
export interface ReceivedTable {
  values: readonly (readonly unknown[])[];
  columns: ReadonlyMap<string, number>;
}

/** A shared definition as the coordinator's registry holds it now, with the fingerprint of each version it had. */
export interface CohortDefinition {
  code: string;
  name: string;
  unit: string;
  /** Who the figure counts (« aidants »), from the outcome's stakeholder. */
  who: string;
  version: number;
  /** Version (as text) → fingerprint. */
  history: Readonly<Record<string, string>>;
  /** What the values range over (a scale's scores, a number's bounds): pooled intervals stay inside. */
  bounds?: { min: number; max: number } | null;
}

/** How a member is shown: its code, or its name when the coordinator chose to show names (to the members themselves). */
export type MemberLabel = (code: string) => string;

export interface MemberFigure {
  member: string;
  hidden: boolean;
  n: number | null;
  value: number | null;
  low: number | null;
  high: number | null;
}

export type ChangeKind = 'binary' | 'ordinal' | 'score';

export type Pooled =
  | { kind: 'proportion' | 'count'; k: number; n: number; value: number; interval: Interval | null; clustering: Clustering | null; adjusted: Interval | null }
  | { kind: 'mean'; n: number; value: number; sd: number | null; interval: Interval | null; clustering: Clustering | null; adjusted: Interval | null }
  | { kind: 'total'; value: number; n: number | null }
  | { kind: 'change'; randomEffects: RandomEffects | null; counts: { improved: number; stable: number; worse: number; pairs: number; interval: Interval | null } | null };

export interface PooledFigure {
  indicator: string;
  version: number;
  /** The definition's current version (older versions are pooled among themselves, apart). */
  current: boolean;
  period: string;
  before: string;
  segment: string;
  measure: Measure;
  changeKind: ChangeKind | null;
  /** How many members' figures are pooled. */
  contributing: number;
  /** People pooled (Σn of the contributors). */
  n: number;
  pooled: Pooled | null;
  /** Each member counting once: the median of their figures and the quartiles. */
  spread: ReturnType<typeof memberSpread>;
  /** Why figures were left out: hidden by the member, another version, a definition applied differently. */
  excluded: { hidden: number; otherVersion: Array<{ member: string; version: number }>; otherDefinition: string[] };
}

export interface CohortPooling {
  figures: PooledFigure[];
  /** Codes published that are not (or no longer) in the shared set. */
  unknown: string[];
  /**
   * Every member's figure of a whole group's pooled figure (no segment), as received, hidden ones « < 11 »: to show
   * side by side, never ranked.
   */
  members(figure: PooledFigure): MemberFigure[];
  /** Each member's periods and when they were received: where each member stands. */
  published: Array<{ member: string; period: string; receivedAt: number }>;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v).trim());
/** A cell of the codes Repère wrote itself (member, indicator, period, group, fingerprint): read as it is, not trimmed. */
const code = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const num = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const x = Number(v.replace(',', '.'));
  return Number.isFinite(x) ? x : null;
};
/** A date cell (a Date from the sheet, else ISO text) as ms since the epoch; NaN if unreadable. */
const time = (v: unknown): number => (typeof v === 'object' && v !== null && typeof (v as Date).getTime === 'function' ? (v as Date).getTime() : Date.parse(text(v)));
const totals = (): ClusterTotals => ({ clusters: 0, n: 0, sum: 0, sumSquares: 0, sumSquaredOverN: 0, nSquared: 0 });

/** One group's running sums: everything any measure needs, added as each row is read. */
interface Group {
  /** Its place in the list of all groups. */
  index: number;
  indicator: string;
  version: number;
  period: string;
  segment: string;
  before: string;
  measure: Measure;
  changeKind: ChangeKind | null;
  print: string | undefined;
  hidden: number;
  otherDefinition: string[];
  contributing: number;
  n: number;
  yes: ClusterTotals;
  scores: ClusterTotals;
  /** How many members' figures it has, and where they start in the figures of all groups once the rows are read. */
  valueCount: number;
  valueStart: number;
  /** How many rows of the whole group (hidden included) it has, and where they start among all such rows. */
  lineCount: number;
  lineStart: number;
  /** For a change, the members' changes that have a variance (from their interval), with it. */
  effects: Effect[];
  total: number;
  totalN: number;
  allHaveN: boolean;
  improved: number;
  stable: number;
  worse: number;
  pairs: number;
  allHaveCounts: boolean;
  /** The group met after this one last time: members publish their rows in the same order, so usually the next row's. */
  next: Group | undefined;
}

/** t quantiles by degrees of freedom: members' sizes repeat, and each quantile costs an iteration. */
const T975 = new Map<number, number>();

/** The change's variance from the member's own 95 % interval: a t interval for a mean change, else normal-based. */
function changeVariance(kind: ChangeKind | null, n: number | null, low: number | null, high: number | null): number | null {
  if (low === null || high === null || n === null || high <= low) return null;
  let quantile = Z95;
  if (kind === 'score' && n > 1) {
    quantile = T975.get(n - 1) ?? tQuantile(0.975, n - 1);
    T975.set(n - 1, quantile);
  }
  return ((high - low) / (2 * quantile)) ** 2;
}

function pooled(g: Group, unit: string, bounds: { min: number; max: number } | null): Pooled | null {
  if (g.contributing === 0) return null;
  const inside = (i: Interval | null) => (i && bounds ? clipInterval(i, bounds.min, bounds.max) : i);
  switch (g.measure) {
    case 'proportion':
    case 'count': {
      if (g.yes.clusters === 0) return null;
      const { sum: k, n } = g.yes;
      const c = clustering(g.yes);
      const w = wilsonInterval(k, n);
      const adjusted = c && c.deff > 1 ? effectiveProportionInterval(k, n, c.deff) : null;
      return { kind: g.measure, k, n, value: (100 * k) / n, interval: w && { low: 100 * w.low, high: 100 * w.high }, clustering: c, adjusted: adjusted && { low: 100 * adjusted.low, high: 100 * adjusted.high } };
    }
    case 'mean': {
      if (g.scores.clusters === 0) return null;
      const total = { n: g.scores.n, sum: g.scores.sum, sumSquares: g.scores.sumSquares };
      const summary = meanFromSums(total.n, total.sum, total.sumSquares)!;
      const c = clustering(g.scores);
      return { kind: 'mean', n: total.n, value: summary.mean, sd: summary.sd, interval: inside(meanInterval(summary)), clustering: c, adjusted: c && c.deff > 1 ? inside(effectiveMeanInterval(total, c.deff)) : null };
    }
    case 'sum':
    case 'value':
      // Totals of what adds up (people, hours, observations); a share or a score does not.
      if (g.measure === 'value' && /^(%|score)$/i.test(unit.trim())) return null;
      return { kind: 'total', value: g.total, n: g.allHaveN ? g.totalN : null };
    case 'change': {
      let randomEffects = g.effects.length >= MIN_MEMBERS_FOR_POOLED_CHANGE ? derSimonianLaird(g.effects) : null;
      // A mean change cannot pass ± the scale's range (as each member's own interval).
      const span = bounds && g.changeKind === 'score' ? bounds.max - bounds.min : null;
      if (randomEffects && span !== null) randomEffects = { ...randomEffects, ...clipInterval(randomEffects, -span, span) };
      let counts = null;
      if (g.allHaveCounts) {
        const w = wilsonInterval(g.improved, g.pairs);
        counts = { improved: g.improved, stable: g.stable, worse: g.worse, pairs: g.pairs, interval: w && { low: 100 * w.low, high: 100 * w.high } };
      }
      return { kind: 'change', randomEffects, counts };
    }
    default:
      return null;
  }
}

/**
 * Every pooled figure: one per shared indicator × version × period × group that any member published, in the shared
 * set's order, the current version first.
 */
export function poolCohort(definitions: readonly CohortDefinition[], table: ReceivedTable): CohortPooling {
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  const at = (key: string) => table.columns.get(key) ?? -1;
  const c = {
    member: at('member'), indicator: at('indicator'), version: at('version'), definition: at('definition'), period: at('period'), before: at('before'),
    segment: at('segment'), measure: at('measure'), changeKind: at('changeKind'), suppressed: at('suppressed'), n: at('n'), k: at('k'), value: at('value'),
    low: at('low'), high: at('high'), sum: at('sum'), sumSquares: at('sumSquares'), improved: at('improved'), stable: at('stable'), worse: at('worse'), receivedAt: at('receivedAt'),
  };
  const cell = (line: readonly unknown[], i: number) => (i < 0 ? '' : line[i]);
  const rows = table.values;
  // Groups by indicator, version, period and group label, one map inside the other: no key to build per row.
  const groups = new Map<string, Map<number, Map<string, Map<string, Group>>>>();
  const all: Group[] = [];
  const unknown = new Set<string>();
  /** The group of an indicator, version, period and group label, made at its first row; undefined if not shared. */
  const findGroup = (line: readonly unknown[], indicator: string, version: number, period: string, segment: string): Group | undefined => {
    const definition = byCode.get(indicator);
    if (!definition) return undefined;
    let byVersion = groups.get(indicator);
    if (!byVersion) groups.set(indicator, (byVersion = new Map()));
    let byPeriod = byVersion.get(version);
    if (!byPeriod) byVersion.set(version, (byPeriod = new Map()));
    let bySegment = byPeriod.get(period);
    if (!bySegment) byPeriod.set(period, (bySegment = new Map()));
    let g = bySegment.get(segment);
    if (!g) {
      g = {
        index: all.length, indicator, version, period, segment, before: text(cell(line, c.before)), measure: termId('measure', text(cell(line, c.measure))) ?? 'value',
        changeKind: termId('changeKind', text(cell(line, c.changeKind))),
        print: definition.history[String(version)], hidden: 0, otherDefinition: [], contributing: 0, n: 0, yes: totals(), scores: totals(),
        valueCount: 0, valueStart: 0, lineCount: 0, lineStart: 0, effects: [], total: 0, totalN: 0, allHaveN: true, improved: 0, stable: 0, worse: 0, pairs: 0,
        allHaveCounts: true, next: undefined,
      };
      bySegment.set(segment, g);
      all.push(g);
    }
    return g;
  };
  // Per row, in arrays made once: its group's place in `all` (-1 if it counts nowhere) and its figure (NaN if none).
  const rowGroup = new Int32Array(rows.length).fill(-1);
  const rowValue = new Float64Array(rows.length).fill(NaN);
  // Each member's periods, and the last time each was received.
  const periodsOf = new Map<string, Map<string, number>>();
  let lastMember = '';
  let lastPeriod = '';
  let periods: Map<string, number> | undefined;
  let previous: Group | undefined;
  for (let row = 0; row < rows.length; row++) {
    const line = rows[row]!;
    const member = code(cell(line, c.member));
    const indicator = code(cell(line, c.indicator));
    if (member === '' || indicator === '') continue;
    const period = code(cell(line, c.period));
    // A publication's rows sit together: its time is read once per member and period met.
    if (member !== lastMember) {
      periods = periodsOf.get(member);
      if (!periods) periodsOf.set(member, (periods = new Map()));
      lastMember = member;
      lastPeriod = '\u0000';
    }
    if (period !== lastPeriod) {
      lastPeriod = period;
      const received = time(cell(line, c.receivedAt));
      const before = periods!.get(period);
      if (before === undefined || received > before || Number.isNaN(before)) periods!.set(period, received);
    }
    const version = num(cell(line, c.version)) ?? 0;
    const segment = code(cell(line, c.segment));
    let g = previous?.next;
    if (!g || g.segment !== segment || g.period !== period || g.indicator !== indicator || g.version !== version) {
      g = findGroup(line, indicator, version, period, segment);
      if (!g) {
        unknown.add(indicator);
        continue;
      }
      if (previous) previous.next = g;
    }
    previous = g;
    if (g.print === undefined || code(cell(line, c.definition)) !== g.print) {
      g.otherDefinition.push(member);
      continue;
    }
    rowGroup[row] = g.index;
    if (segment === '') g.lineCount++;
    if (code(cell(line, c.suppressed)) !== '') {
      g.hidden++;
      continue;
    }
    g.contributing++;
    const n = num(cell(line, c.n));
    const value = num(cell(line, c.value));
    g.n += n ?? 0;
    if (value !== null) {
      rowValue[row] = value;
      g.valueCount++;
    }
    switch (g.measure) {
      case 'proportion':
      case 'count': {
        const k = num(cell(line, c.k));
        if (k !== null && n !== null) addCluster(g.yes, n, k, k);
        break;
      }
      case 'mean': {
        const sum = num(cell(line, c.sum));
        const sumSquares = num(cell(line, c.sumSquares));
        if (n !== null && sum !== null && sumSquares !== null) addCluster(g.scores, n, sum, sumSquares);
        break;
      }
      case 'change': {
        const variance = changeVariance(g.changeKind, n, num(cell(line, c.low)), num(cell(line, c.high)));
        if (value !== null && variance !== null) g.effects.push({ estimate: value, variance });
        const [improved, stable, worse] = [num(cell(line, c.improved)), num(cell(line, c.stable)), num(cell(line, c.worse))];
        if (improved === null || stable === null || worse === null || n === null) g.allHaveCounts = false;
        else {
          g.improved += improved;
          g.stable += stable;
          g.worse += worse;
          g.pairs += n;
        }
        break;
      }
      default: {
        const counted = g.measure === 'sum' ? num(cell(line, c.sum)) ?? value : value;
        g.total += counted ?? 0;
        if (n === null) g.allHaveN = false;
        else g.totalN += n;
      }
    }
  }

  // Each group's members' figures side by side in one array, and the rows of the whole groups in another: the counts
  // are known, so each group gets its stretch and the rows are placed in one pass over the two arrays above.
  let valueEnd = 0;
  let lineEnd = 0;
  for (const g of all) {
    g.valueStart = valueEnd;
    valueEnd += g.valueCount;
    g.lineStart = lineEnd;
    lineEnd += g.lineCount;
  }
  const memberValues = new Float64Array(valueEnd);
  const wholeRows = new Int32Array(lineEnd);
  const valueAt = all.map((g) => g.valueStart);
  const lineAt = all.map((g) => g.lineStart);
  for (let row = 0; row < rows.length; row++) {
    const index = rowGroup[row]!;
    if (index < 0) continue;
    const value = rowValue[row]!;
    if (!Number.isNaN(value)) memberValues[valueAt[index]!++] = value;
    if (all[index]!.segment === '') wholeRows[lineAt[index]!++] = row;
  }

  /**
   * Who published under the versions of `others` (a definition changed during the programme: rare): the rows of these
   * groups only, so the common case keeps no member list per group.
   */
  const membersUnder = (others: readonly Group[]): Array<{ member: string; version: number }> => {
    const wanted = new Set(others.map((g) => g.index));
    const out: Array<{ member: string; version: number }> = [];
    for (let row = 0; row < rows.length; row++) {
      if (!wanted.has(rowGroup[row]!)) continue;
      const g = all[rowGroup[row]!]!;
      const member = code(cell(rows[row]!, c.member));
      if (!g.otherDefinition.includes(member)) out.push({ member, version: g.version });
    }
    return out;
  };

  // The groups of one indicator, period and group label under different versions: each line says who is on the others.
  const versionsOf = new Map<string, Group[]>();
  for (const g of all) {
    const place = `${g.indicator}\u0000${g.period}\u0000${g.segment}`;
    const list = versionsOf.get(place);
    if (list) list.push(g);
    else versionsOf.set(place, [g]);
  }
  const groupOf = new Map<PooledFigure, Group>();
  const figures: PooledFigure[] = [];
  for (const g of all) {
    const definition = byCode.get(g.indicator)!;
    const others = (versionsOf.get(`${g.indicator}\u0000${g.period}\u0000${g.segment}`) ?? []).filter((other) => other !== g);
    const otherVersion = others.length === 0 ? [] : membersUnder(others);
    const figure: PooledFigure = {
      indicator: g.indicator, version: g.version, current: g.version === definition.version, period: g.period, before: g.before, segment: g.segment,
      measure: g.measure, changeKind: g.changeKind, contributing: g.contributing, n: g.n, pooled: pooled(g, definition.unit, definition.bounds ?? null), spread: memberSpread(memberValues.subarray(g.valueStart, g.valueStart + g.valueCount)),
      excluded: { hidden: g.hidden, otherVersion, otherDefinition: g.otherDefinition },
    };
    groupOf.set(figure, g);
    figures.push(figure);
  }
  const order = new Map(definitions.map((d, i) => [d.code, i]));
  figures.sort(
    (a, b) =>
      (order.get(a.indicator) ?? 1e9) - (order.get(b.indicator) ?? 1e9) || b.version - a.version || comparePeriods(a.period, b.period) || compareSegments(a.segment, b.segment),
  );
  return {
    figures,
    unknown: [...unknown].sort(naturalOrder),
    published: [...periodsOf].flatMap(([member, periods]) => [...periods].map(([period, receivedAt]) => ({ member, period, receivedAt }))),
    members: (figure) => {
      const g = groupOf.get(figure);
      const out: MemberFigure[] = [];
      for (let i = 0; g && i < g.lineCount; i++) {
        const line = rows[wholeRows[g.lineStart + i]!]!;
        const hidden = code(cell(line, c.suppressed)) !== '';
        out.push({ member: code(cell(line, c.member)), hidden, n: hidden ? null : num(cell(line, c.n)), value: hidden ? null : num(cell(line, c.value)), low: hidden ? null : num(cell(line, c.low)), high: hidden ? null : num(cell(line, c.high)) });
      }
      return out;
    },
  };
}
