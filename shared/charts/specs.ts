/**
 * Chart specifications per indicator, from the registry's indicators and the engine's values: pure data that the
 * server turns into native Sheets charts and the local page into SVG.
 *
 * - evolution: the overall value period after period (line), its 95 % interval (low/high lines) and the target;
 * - segments: bars by segment for the latest period that has segments, with « Ensemble » first;
 * - likert: diverging stacked bars of a single Likert question's answers, lower levels to the left (negative), the
 *   neutral level (odd number of levels) apart, n per bar.
 *
 * Suppressed values (fewer than 5 people) never reach a chart: their period stays on the axis with no point.
 * Every chart is titled with its finding, 6 to 12 words, the indicator's code first.
 */
import type { Lang } from '../contract/words';
import type { ValueRow } from '../indicators/model';
import type { Indicator } from '../registry/model';
import { DASHBOARD_MIN_N } from '../stats/suppression';

export type ChartKind = 'evolution' | 'segments' | 'likert';
export type ChartCell = string | number | null;

export interface SeriesStyle {
  colour: string;
  /** Interval bounds and targets are dashed lines. */
  dashed: boolean;
  /** The neutral level of a Likert chart: drawn apart, never on either side. */
  neutral: boolean;
}

export interface ChartSpecification {
  /** `${indicator}:${kind}`: stable across computations, the key a native chart is found by. */
  key: string;
  indicator: string;
  kind: ChartKind;
  /** LINE: categories along the horizontal axis; BAR: horizontal bars, categories down the vertical axis. */
  type: 'LINE' | 'BAR';
  stacked: boolean;
  title: string;
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
export const INTERVAL_COLOUR = '#7F7F7F';
export const TARGET_COLOUR = '#000000';
export const NEUTRAL_COLOUR = '#BDBDBD';
/** ColorBrewer PuOr (colour-blind safe), darkest first: orange side for the lower levels, purple for the upper. */
const LOWER_SIDE = ['#B35806', '#F1A340', '#FEE0B6'];
const UPPER_SIDE = ['#D8DAEB', '#998EC3', '#542788'];

const FR = {
    period: 'Période', value: 'Valeur', low: 'Borne basse (IC 95 %)', high: 'Borne haute (IC 95 %)', target: 'Cible',
    segment: 'Groupe', everyone: 'Ensemble', answers: '% des réponses', neutral: 'neutre', up: 'en hausse', down: 'en baisse',
    flat: 'stable', first: 'première mesure', in: 'en', groups: 'selon les groupes', single: 'pour le seul groupe affichable',
    from: 'de', to: 'à', top: 'en haut de l’échelle', orMore: 'ou plus', answer: 'répondent', of: 'des', score: 'score de',
};
const WORDS: Record<Lang, typeof FR> = {
  fr: FR,
  en: {
    period: 'Period', value: 'Value', low: 'Lower bound (95% CI)', high: 'Upper bound (95% CI)', target: 'Target',
    segment: 'Group', everyone: 'Everyone', answers: '% of answers', neutral: 'neutral', up: 'up', down: 'down',
    flat: 'stable', first: 'first measure', in: 'in', groups: 'across groups', single: 'for the only group shown',
    from: 'from', to: 'to', top: 'at the top of the scale', orMore: 'or more', answer: 'answer', of: 'of', score: 'score',
  },
};

const NEUTRAL_SUFFIX = /\s\((neutre|neutral)\)$/;

/** Whether a Likert header names the neutral level (the page draws it apart from the diverging bars). */
export function isNeutralHeader(header: string): boolean {
  return NEUTRAL_SUFFIX.test(header);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function formatNumber(x: number, lang: Lang): string {
  const s = String(round1(x));
  return lang === 'fr' ? s.replace('.', ',') : s;
}

/** « 72 % », « 120 personnes », « score de 5,2 ». */
export function valueText(x: number, unit: string, lang: Lang): string {
  const n = formatNumber(x, lang);
  const u = unit.trim();
  if (u === '%') return lang === 'fr' ? `${n} %` : `${n}%`;
  if (u === '') return n;
  if (/^score$/i.test(u)) return `${WORDS[lang].score} ${n}`;
  return `${n} ${u}`;
}

/** Words of a title: tokens with a letter or a digit (« : », « % », « = » are not words). */
export function titleWords(title: string): number {
  return title.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
}

/** The first candidate of 6 to 12 words (else the shortest one). */
function fit(candidates: string[]): string {
  const good = candidates.find((c) => {
    const w = titleWords(c);
    return w >= 6 && w <= 12;
  });
  return good ?? [...candidates].sort((a, b) => titleWords(a) - titleWords(b))[0]!;
}

const nText = (n: number | null) => (n === null ? '' : ` (n = ${n})`);
const shown = (r: ValueRow): r is ValueRow & { value: number } => !r.suppressed && r.value !== null && Number.isFinite(r.value);

/** « des aidants » from « Part des aidants qui… », for a proportion's title. */
function subjectOf(indicator: Indicator, lang: Lang): string {
  if (lang !== 'fr') return '';
  const m = /^(?:part|proportion|pourcentage)\s+(des|de)\s+([\p{L}-]+)/iu.exec(indicator.name.trim());
  return m ? ` ${m[1]!.toLowerCase()} ${m[2]}` : '';
}

function evolution(indicator: Indicator, rows: readonly ValueRow[], colour: string, lang: Lang): ChartSpecification | null {
  const w = WORDS[lang];
  const points = rows.filter(shown);
  const last = points[points.length - 1];
  if (!last) return null;
  const withInterval = points.some((r) => r.low !== null && r.high !== null);
  const withTarget = rows.some((r) => r.target !== null);
  const header: ChartCell[] = [w.period, indicator.unit.trim() || w.value];
  const series: SeriesStyle[] = [{ colour, dashed: false, neutral: false }];
  if (withInterval) {
    header.push(w.low, w.high);
    series.push({ colour: INTERVAL_COLOUR, dashed: true, neutral: false }, { colour: INTERVAL_COLOUR, dashed: true, neutral: false });
  }
  if (withTarget) {
    header.push(w.target);
    series.push({ colour: TARGET_COLOUR, dashed: true, neutral: false });
  }
  const table: ChartCell[][] = [header];
  for (const r of rows) {
    const visible = shown(r);
    const label = visible ? `${r.period}${nText(r.n)}` : `${r.period} (< ${DASHBOARD_MIN_N})`;
    const line: ChartCell[] = [label, visible ? round1(r.value!) : null];
    if (withInterval) line.push(visible && r.low !== null ? round1(r.low) : null, visible && r.high !== null ? round1(r.high) : null);
    if (withTarget) line.push(r.target === null ? null : round1(r.target));
    table.push(line);
  }
  const before = points[points.length - 2];
  let trend = w.first;
  if (before) {
    const delta = last.value - before.value;
    trend = Math.abs(delta) < 0.05 ? w.flat : delta > 0 ? w.up : w.down;
  }
  const v = valueText(last.value, indicator.unit, lang);
  const status = last.status && last.status !== 'données insuffisantes' ? `, ${last.status}` : '';
  const subject = indicator.unit.trim() === '%' ? subjectOf(indicator, lang) : '';
  const head = `${indicator.code} : `;
  const title = fit([
    `${head}${v}${subject} ${w.in} ${last.period}${nText(last.n)}, ${trend}${status}`,
    `${head}${v}${subject} ${w.in} ${last.period}${nText(last.n)}, ${trend}`,
    `${head}${v} ${w.in} ${last.period}${nText(last.n)}, ${trend}`,
  ]);
  const percent = indicator.unit.trim() === '%';
  return {
    key: `${indicator.code}:evolution`, indicator: indicator.code, kind: 'evolution', type: 'LINE', stacked: false, title,
    axisTitle: indicator.unit.trim() || w.value, table, series, min: percent ? 0 : null, max: percent ? 100 : null,
  };
}

/** « lien = Conjoint » → column and value. */
function splitSegment(segment: string): { column: string; value: string } {
  const i = segment.indexOf(' = ');
  return i < 0 ? { column: '', value: segment } : { column: segment.slice(0, i), value: segment.slice(i + 3) };
}

function segments(indicator: Indicator, rows: readonly ValueRow[], overall: readonly ValueRow[], colour: string, lang: Lang): ChartSpecification | null {
  const w = WORDS[lang];
  const segmented = rows.filter((r) => r.segment !== '' && shown(r));
  const period = segmented[segmented.length - 1]?.period;
  if (period === undefined) return null;
  const bars = segmented.filter((r) => r.period === period);
  const columns = new Set(bars.map((r) => splitSegment(r.segment).column));
  const label = (r: ValueRow) => {
    const { column, value } = splitSegment(r.segment);
    return `${columns.size > 1 ? `${column} : ${value}` : value}${nText(r.n)}`;
  };
  const everyone = overall.find((r) => r.period === period && shown(r));
  const table: ChartCell[][] = [[w.segment, indicator.unit.trim() || w.value]];
  if (everyone) table.push([`${w.everyone}${nText(everyone.n)}`, round1(everyone.value!)]);
  for (const r of bars) table.push([label(r), round1(r.value!)]);
  const values = bars.map((r) => r.value!);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const unit = indicator.unit;
  const head = `${indicator.code} : `;
  const title =
    bars.length === 1
      ? fit([`${head}${valueText(lo, unit, lang)} ${w.single} ${w.in} ${period}`])
      : fit([`${head}${w.from} ${valueText(lo, unit, lang)} ${w.to} ${valueText(hi, unit, lang)} ${w.groups} ${w.in} ${period}`]);
  const percent = unit.trim() === '%';
  return {
    key: `${indicator.code}:segments`, indicator: indicator.code, kind: 'segments', type: 'BAR', stacked: false, title,
    axisTitle: unit.trim() || w.value, table, series: [{ colour, dashed: false, neutral: false }], min: 0, max: percent ? 100 : null,
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
  const style = (colour: string, neutral = false): SeriesStyle => ({ colour, dashed: false, neutral });
  return [...lower.map((c) => style(c)), ...upper.map((c) => style(c)), ...(levels % 2 === 1 ? [style(NEUTRAL_COLOUR, true)] : [])];
}

function likert(indicator: Indicator, overall: readonly ValueRow[], lang: Lang): ChartSpecification | null {
  const w = WORDS[lang];
  const bars = overall.filter((r) => {
    const total = (r.detail.distribution ?? []).reduce((s, d) => s + d.count, 0);
    return !r.suppressed && (r.detail.distribution?.length ?? 0) >= 2 && total >= DASHBOARD_MIN_N;
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
  const p = valueText(topShare, '%', lang);
  const head = `${indicator.code} : `;
  const title = fit([
    `${head}${p} ${w.answer} « ${firstUpper} » ${w.orMore} ${w.in} ${last.period}${nText(lastTotal)}`,
    `${head}${p} ${w.answer} « ${firstUpper} » ${w.orMore} ${w.in} ${last.period}`,
    `${head}${p} ${w.top} ${w.in} ${last.period}${nText(lastTotal)}`,
  ]);
  return {
    key: `${indicator.code}:likert`, indicator: indicator.code, kind: 'likert', type: 'BAR', stacked: true, title,
    axisTitle: w.answers, table, series: likertColours(levels.length), min: -100, max: 100,
  };
}

/** Every chart of every indicator, in the registry's order: evolution, then segments, then Likert answers. */
export function chartSpecifications(indicators: readonly Indicator[], values: readonly ValueRow[], lang: Lang = 'fr'): ChartSpecification[] {
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
    for (const spec of [evolution(indicator, overall, colour, lang), segments(indicator, rows, overall, colour, lang), likert(indicator, overall, lang)]) {
      if (spec) out.push(spec);
    }
  });
  return out;
}
