/**
 * Chart specifications per indicator, from the registry's indicators and the engine's values: pure data that the
 * server turns into native Sheets charts and the local page into SVG.
 *
 * - evolution: the overall value period after period (line), its 95 % interval drawn at each period, and the target;
 * - segments: one bar per group of a breakdown (the answer labels, never a column's key) for the latest period with at
 *   least two groups shown, each with its interval; the whole group is not repeated as a bar;
 * - change: a before/after indicator drawn as change — the shares who progressed, stayed, went down, with their
 *   intervals — never as a value « first measured »;
 * - likert: diverging stacked bars of a single Likert question's answers, lower levels to the left (negative), the
 *   neutral level (odd number of levels) apart, n per bar;
 * - forest: a cohort's before/after change, one line per member with its estimate and interval on both sides of 0,
 *   and the pooled estimate as a diamond (shared/cohort/charts.ts makes them).
 *
 * Each chart is titled with its indicator (« I3 — Part des aidants… ») and states its finding in words beside it.
 * Suppressed values (fewer than 5 people, or the threshold of the audience a document is for) never reach a chart:
 * their period stays on the axis with no point, labelled « (< 5) ».
 */
import type { Lang } from '../contract/words';
import type { ValueRow } from '../indicators/model';
import { figureText, rowFigureText } from '../indicators/text';
import type { Indicator, Question } from '../registry/model';
import { DASHBOARD_MIN_N } from '../stats/suppression';

export type ChartKind = 'evolution' | 'segments' | 'change' | 'likert' | 'forest';
export type ChartCell = string | number | null;
/** What a series holds: the figure, the bounds of its interval, the target, or one answer level (Likert). */
export type SeriesRole = 'value' | 'low' | 'high' | 'target' | 'level';

export interface SeriesStyle {
  colour: string;
  role: SeriesRole;
  /** The neutral level of a Likert chart: drawn apart, never on either side. */
  neutral: boolean;
}

export interface ChartSpecification {
  /** `${indicator}:${kind}` (a breakdown's name after it): stable across computations. */
  key: string;
  indicator: string;
  kind: ChartKind;
  /** LINE: periods along the horizontal axis; COMBO: one bar per category, the interval's bounds as points; BAR: stacked bars. */
  type: 'LINE' | 'COMBO' | 'BAR';
  stacked: boolean;
  /** The indicator it shows: « I3 — Part des aidants qui ont pu prendre du temps pour eux dans le mois ». */
  title: string;
  /** What it shows, in words: « 92 % en T1 (n = 24), en hausse depuis T0 (72 %) ». */
  finding: string;
  /** What the value axis measures (the indicator's unit, or « % des réponses »). */
  axisTitle: string;
  /** Header row, then one row per category: the category label (with n), then one number (or null) per series. */
  table: ChartCell[][];
  series: SeriesStyle[];
  /** Value-axis window; null = from the data. Bars always start at 0. */
  min: number | null;
  max: number | null;
}

/** Okabe & Ito's colour-blind-safe palette, without yellow and black (too little contrast on white): one per indicator. */
export const INDICATOR_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;
export const INTERVAL_COLOUR = '#5F6368';
export const TARGET_COLOUR = '#000000';
export const NEUTRAL_COLOUR = '#BDBDBD';
/** ColorBrewer PuOr (colour-blind safe), darkest first: orange side for the lower levels, purple for the upper. */
const LOWER_SIDE = ['#B35806', '#F1A340', '#FEE0B6'];
const UPPER_SIDE = ['#D8DAEB', '#998EC3', '#542788'];

const FR = {
  period: 'Période', value: 'Valeur', low: 'Borne basse (IC 95 %)', high: 'Borne haute (IC 95 %)', target: 'Cible',
  group: 'Groupe', answers: '% des réponses', people: '% des personnes', neutral: 'neutre', up: 'en hausse', down: 'en baisse',
  flat: 'stable', first: 'première mesure', in: 'en', since: 'depuis', from: 'de', to: 'à', by: 'selon', orMore: 'ou plus',
  answer: 'répondent', improved: 'ont progressé', stable: 'stables', worse: 'en baisse', between: 'entre', and: 'et',
  onAverage: 'en moyenne', outOf: 'sur', pairs: 'personnes suivies', change: 'Évolution', points: 'points',
  fewer: 'moins de', persons: 'personnes',
};
const WORDS: Record<Lang, typeof FR> = {
  fr: FR,
  en: {
    period: 'Period', value: 'Value', low: 'Lower bound (95% CI)', high: 'Upper bound (95% CI)', target: 'Target',
    group: 'Group', answers: '% of answers', people: '% of people', neutral: 'neutral', up: 'up', down: 'down',
    flat: 'stable', first: 'first measure', in: 'in', since: 'since', from: 'from', to: 'to', by: 'by', orMore: 'or more',
    answer: 'answer', improved: 'improved', stable: 'stable', worse: 'worse', between: 'between', and: 'and',
    onAverage: 'on average', outOf: 'out of', pairs: 'people followed', change: 'Change', points: 'points',
    fewer: 'fewer than', persons: 'people',
  },
};

const NEUTRAL_SUFFIX = /\s\((neutre|neutral)\)$/;

/** Whether a Likert header names the neutral level (the page draws it apart from the diverging bars). */
export function isNeutralHeader(header: string): boolean {
  return NEUTRAL_SUFFIX.test(header);
}

/** The first header of a forest chart, and the label of its pooled line: the page draws these apart. */
export const FOREST_HEADER: Readonly<Record<Lang, string>> = { fr: 'Évolution par structure', en: 'Change by structure' };
export const POOLED_LABEL: Readonly<Record<Lang, string>> = { fr: 'Ensemble', en: 'All' };

export function isForestHeader(header: string): boolean {
  return header === FOREST_HEADER.fr || header === FOREST_HEADER.en;
}

/** Whether a row of a cohort chart is the pooled figure (« Ensemble (effets aléatoires) »), not a member's. */
export function isPooledLabel(label: string): boolean {
  return label.startsWith(`${POOLED_LABEL.fr} `) || label.startsWith(`${POOLED_LABEL.en} `);
}

/** Whether a bar chart's first header names a change between two waves (« Évolution T0 → T1 »). */
export function isChangeHeader(header: string): boolean {
  return !isForestHeader(header) && (header.startsWith(`${FR.change} `) || header.startsWith(`${WORDS.en.change} `));
}

/** The role of a series from its header, as the table carries it (the page reads charts back from the sheet). */
export function seriesRole(header: string, kind: ChartKind): SeriesRole {
  if (kind === 'likert') return 'level';
  for (const lang of ['fr', 'en'] as const) {
    const w = WORDS[lang];
    if (header === w.low) return 'low';
    if (header === w.high) return 'high';
    if (header === w.target) return 'target';
  }
  return 'value';
}

const round1 = (x: number) => Math.round(x * 10) / 10;

const nText = (n: number | null) => (n === null ? '' : ` (n = ${n})`);
const shown = (r: ValueRow): r is ValueRow & { value: number } => !r.suppressed && r.value !== null && Number.isFinite(r.value);
const titleOf = (indicator: Indicator) => `${indicator.code} — ${indicator.name || indicator.code}`;

/** The columns an interval adds to a table, and their series. */
function intervalColumns(lang: Lang): { header: ChartCell[]; series: SeriesStyle[] } {
  const w = WORDS[lang];
  return { header: [w.low, w.high], series: [{ colour: INTERVAL_COLOUR, role: 'low', neutral: false }, { colour: INTERVAL_COLOUR, role: 'high', neutral: false }] };
}

/** How a chart is drawn for its audience: the dashboard's small-cell threshold, or an outward document's. */
export interface ChartOptions {
  /** Figures from fewer people are hidden (they arrive `suppressed`); the axis says « (< threshold) ». */
  threshold?: number;
}

function evolution(indicator: Indicator, rows: readonly ValueRow[], colour: string, lang: Lang, threshold: number): ChartSpecification | null {
  const w = WORDS[lang];
  const points = rows.filter(shown);
  const last = points[points.length - 1];
  if (!last) return null;
  const withInterval = points.some((r) => r.low !== null && r.high !== null);
  const withTarget = rows.some((r) => r.target !== null);
  const header: ChartCell[] = [w.period, indicator.unit.trim() || w.value];
  const series: SeriesStyle[] = [{ colour, role: 'value', neutral: false }];
  if (withInterval) {
    const interval = intervalColumns(lang);
    header.push(...interval.header);
    series.push(...interval.series);
  }
  if (withTarget) {
    header.push(w.target);
    series.push({ colour: TARGET_COLOUR, role: 'target', neutral: false });
  }
  const table: ChartCell[][] = [header];
  for (const r of rows) {
    const visible = shown(r);
    const label = visible ? `${r.period}${nText(r.n)}` : `${r.period} (< ${threshold})`;
    const line: ChartCell[] = [label, visible ? round1(r.value!) : null];
    if (withInterval) line.push(visible && r.low !== null ? round1(r.low) : null, visible && r.high !== null ? round1(r.high) : null);
    if (withTarget) line.push(r.target === null ? null : round1(r.target));
    table.push(line);
  }
  const before = points[points.length - 2];
  const figure = (r: ValueRow) => rowFigureText(r, indicator.unit, lang);
  // No earlier figure shown: the first measure, unless an earlier period was measured and hidden (then said so).
  const earlier = rows[rows.indexOf(last) - 1];
  let trend = earlier ? `${earlier.period} : ${w.fewer} ${threshold} ${w.persons}` : w.first;
  if (before) {
    const delta = last.value - before.value;
    trend = `${Math.abs(delta) < 0.05 ? w.flat : delta > 0 ? w.up : w.down} ${w.since} ${before.period} (${figure(before)})`;
  }
  // A later period hidden (too few people) is said, not passed over as if the shown one were the latest.
  const latest = rows[rows.length - 1]!;
  const hiddenLater = latest !== last && !shown(latest) ? ` ; ${latest.period} : ${w.fewer} ${threshold} ${w.persons}` : '';
  const percent = indicator.unit.trim() === '%';
  const window = percent ? { min: 0, max: 100 } : scaleWindow(last.detail.bounds, table);
  return {
    key: `${indicator.code}:evolution`, indicator: indicator.code, kind: 'evolution', type: 'LINE', stacked: false,
    title: titleOf(indicator), finding: `${figure(last)} ${w.in} ${last.period}${nText(last.n)}, ${trend}${hiddenLater}`,
    axisTitle: indicator.unit.trim() || w.value, table, series, min: window?.min ?? null, max: window?.max ?? null,
  };
}

/**
 * The whole scale as the value axis (a WHO-5 score on 0–100, fatigue on 0–10), so a reader sees where the figure sits;
 * not when the figures use a sliver of it (hours of respite on a possible 0–744): then the axis follows the figures.
 */
function scaleWindow(bounds: { min: number; max: number } | undefined, table: readonly ChartCell[][]): { min: number; max: number } | null {
  if (!bounds) return null;
  const numbers = table.slice(1).flatMap((r) => r.slice(1)).filter((v): v is number => typeof v === 'number');
  const largest = Math.max(bounds.min, ...numbers);
  return largest - bounds.min >= 0.25 * (bounds.max - bounds.min) ? bounds : null;
}

/** « lien_aide = Conjoint » → column and value. */
function splitSegment(segment: string): { column: string; value: string } {
  const i = segment.indexOf(' = ');
  return i < 0 ? { column: '', value: segment } : { column: segment.slice(0, i), value: segment.slice(i + 3) };
}

/** A breakdown's name as a person reads it: the question's wording for a question's key, else the name as typed. */
function columnName(column: string, indicator: Indicator, questions: readonly Question[]): string {
  const survey = indicator.source.type === 'survey' ? indicator.source.survey : '';
  const question = questions.find((q) => q.survey === survey && q.key === column);
  return question?.label || column;
}

/** One chart per breakdown column: its groups at the latest period that shows at least two of them. */
function segments(indicator: Indicator, rows: readonly ValueRow[], colour: string, lang: Lang, questions: readonly Question[]): ChartSpecification[] {
  const w = WORDS[lang];
  const columns = [...new Set(rows.filter((r) => r.segment !== '').map((r) => splitSegment(r.segment).column))];
  const out: ChartSpecification[] = [];
  for (const column of columns) {
    const groups = rows.filter((r) => r.segment !== '' && splitSegment(r.segment).column === column && shown(r));
    const periods = [...new Set(groups.map((r) => r.period))];
    const period = periods.reverse().find((p) => groups.filter((r) => r.period === p).length >= 2);
    if (period === undefined) continue;
    const bars = groups.filter((r) => r.period === period);
    const withInterval = bars.some((r) => r.low !== null && r.high !== null);
    const interval = intervalColumns(lang);
    const name = columnName(column, indicator, questions);
    const table: ChartCell[][] = [[name, indicator.unit.trim() || w.value, ...(withInterval ? interval.header : [])]];
    for (const r of bars) {
      table.push([`${splitSegment(r.segment).value}${nText(r.n)}`, round1(r.value!), ...(withInterval ? [r.low === null ? null : round1(r.low), r.high === null ? null : round1(r.high)] : [])]);
    }
    const sorted = [...bars].sort((a, b) => a.value! - b.value!);
    const low = sorted[0]!;
    const high = sorted[sorted.length - 1]!;
    const figure = (r: ValueRow) => `${rowFigureText(r, indicator.unit, lang)} (${splitSegment(r.segment).value})`;
    const percent = indicator.unit.trim() === '%';
    out.push({
      key: `${indicator.code}:segments:${name}`, indicator: indicator.code, kind: 'segments', type: 'COMBO', stacked: false,
      title: titleOf(indicator), finding: `${w.from} ${figure(low)} ${w.to} ${figure(high)} ${w.by} « ${name} », ${w.in} ${period}`,
      axisTitle: indicator.unit.trim() || w.value, table,
      series: [{ colour, role: 'value', neutral: false }, ...(withInterval ? interval.series : [])],
      min: 0, max: percent ? 100 : (scaleWindow(low.detail.bounds, table)?.max ?? null),
    });
  }
  return out;
}

/** A before/after indicator as change: who progressed, stayed, went down between the two waves, with intervals. */
function change(indicator: Indicator, overall: readonly ValueRow[], colour: string, lang: Lang): ChartSpecification | null {
  const w = WORDS[lang];
  const last = [...overall].reverse().find((r) => shown(r) && r.detail.change?.shares);
  if (!last) return null;
  const c = last.detail.change!;
  const shares = c.shares!;
  const interval = intervalColumns(lang);
  const table: ChartCell[][] = [[`${w.change} ${c.before} → ${c.after}`, w.people, ...interval.header]];
  const share = (label: string, s: typeof shares.improved) => [`${label} (${s.count})`, round1(s.percent), s.low === null ? null : round1(s.low), s.high === null ? null : round1(s.high)];
  table.push(share(w.improved, shares.improved), share(w.stable, shares.stable), share(w.worse, shares.worse));
  const pct = (x: number) => figureText(Math.round(x), '%', lang);
  const span = `${w.between} ${c.before} ${w.and} ${c.after}`;
  const finding =
    c.kind === 'binary'
      ? `${rowFigureText(last, indicator.unit, lang)} ${span} (${c.shareBefore !== undefined && c.shareAfter !== undefined ? `${pct(c.shareBefore)} → ${pct(c.shareAfter)}, ` : ''}n = ${c.pairs})`
      : c.kind === 'ordinal'
        ? `${pct(shares.improved.percent)} ${w.improved} ${span} (${shares.improved.count} ${w.outOf} ${c.pairs}), ${pct(shares.worse.percent)} ${w.worse}`
        : `${rowFigureText(last, indicator.unit, lang)} ${w.onAverage} ${span} (n = ${c.pairs}) : ${pct(shares.improved.percent)} ${w.improved}`;
  return {
    key: `${indicator.code}:change`, indicator: indicator.code, kind: 'change', type: 'COMBO', stacked: false,
    title: titleOf(indicator), finding, axisTitle: w.people, table,
    series: [{ colour, role: 'value', neutral: false }, ...interval.series], min: 0, max: 100,
  };
}

/** Diverging palette for `levels` levels: lower half orange (darkest lowest), upper half purple, neutral grey. */
function likertColours(levels: number): SeriesStyle[] {
  const half = Math.floor(levels / 2);
  const lower = LOWER_SIDE.slice(0, half);
  const upper = UPPER_SIDE.slice(UPPER_SIDE.length - half);
  // Beyond 6 sided levels, repeat the palette's middle shades rather than invent colours.
  while (lower.length < half) lower.splice(1, 0, LOWER_SIDE[1]!);
  while (upper.length < half) upper.splice(1, 0, UPPER_SIDE[1]!);
  const style = (colour: string, neutral = false): SeriesStyle => ({ colour, role: 'level', neutral });
  return [...lower.map((c) => style(c)), ...upper.map((c) => style(c)), ...(levels % 2 === 1 ? [style(NEUTRAL_COLOUR, true)] : [])];
}

function likert(indicator: Indicator, overall: readonly ValueRow[], lang: Lang, threshold: number): ChartSpecification | null {
  const w = WORDS[lang];
  const bars = overall.filter((r) => {
    const total = (r.detail.distribution ?? []).reduce((s, d) => s + d.count, 0);
    return !r.suppressed && (r.detail.distribution?.length ?? 0) >= 2 && total >= threshold;
  });
  const last = bars[bars.length - 1];
  if (!last) return null;
  const levels = last.detail.distribution!.map((d) => d.level);
  const half = Math.floor(levels.length / 2);
  const neutralIndex = levels.length % 2 === 1 ? half : -1;
  // Columns: lower levels (as negative shares), upper levels, then the neutral level apart (last).
  const order = [...levels.keys()].filter((i) => i !== neutralIndex);
  if (neutralIndex >= 0) order.push(neutralIndex);
  const header: ChartCell[] = [w.period, ...order.map((i) => (i === neutralIndex ? `${levels[i]} (${w.neutral})` : levels[i]!))];
  const table: ChartCell[][] = [header];
  let topShare = 0;
  for (const r of bars) {
    const counts = new Map(r.detail.distribution!.map((d) => [d.level, d.count]));
    const total = [...counts.values()].reduce((s, c) => s + c, 0);
    const share = (i: number) => ((counts.get(levels[i]!) ?? 0) / total) * 100;
    table.push([`${r.period}${nText(total)}`, ...order.map((i) => round1(i < half ? -share(i) : share(i)))]);
    if (r === last) topShare = order.filter((i) => i >= levels.length - half).reduce((s, i) => s + share(i), 0);
  }
  const lastTotal = last.detail.distribution!.reduce((s, d) => s + d.count, 0);
  const firstUpper = levels[levels.length - half]!;
  return {
    key: `${indicator.code}:likert`, indicator: indicator.code, kind: 'likert', type: 'BAR', stacked: true,
    title: titleOf(indicator),
    finding: `${figureText(round1(topShare), '%', lang)} ${w.answer} « ${firstUpper} » ${w.orMore} ${w.in} ${last.period}${nText(lastTotal)}`,
    axisTitle: w.answers, table, series: likertColours(levels.length), min: -100, max: 100,
  };
}

/**
 * Every chart of every indicator, in the registry's order: evolution (or change, for a before/after indicator), then
 * one per breakdown, then the Likert answers. `questions` name the breakdowns that are questions.
 */
export function chartSpecifications(indicators: readonly Indicator[], values: readonly ValueRow[], lang: Lang = 'fr', questions: readonly Question[] = [], options: ChartOptions = {}): ChartSpecification[] {
  const threshold = options.threshold ?? DASHBOARD_MIN_N;
  const byIndicator = new Map<string, ValueRow[]>();
  for (const row of values) {
    const list = byIndicator.get(row.indicator) ?? [];
    list.push(row);
    byIndicator.set(row.indicator, list);
  }
  const out: ChartSpecification[] = [];
  indicators.forEach((indicator, i) => {
    const rows = byIndicator.get(indicator.code) ?? [];
    const overall = rows.filter((r) => r.segment === '');
    const colour = INDICATOR_COLOURS[i % INDICATOR_COLOURS.length]!;
    // A change by group is read in « Valeurs »: its figure may be a difference of either sign, not a bar from 0.
    const isChange = indicator.method === 'change';
    const main = isChange ? change(indicator, overall, colour, lang) : evolution(indicator, overall, colour, lang, threshold);
    for (const spec of [main, ...(isChange ? [] : segments(indicator, rows, colour, lang, questions)), likert(indicator, overall, lang, threshold)]) {
      if (spec) out.push(spec);
    }
  });
  return out;
}
