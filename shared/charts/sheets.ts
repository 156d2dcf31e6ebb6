/**
 * A chart specification as a native Sheets chart's options (and back): the server sets these options on the
 * embedded chart, the local page reads them back from the emulated sheet, with the data range's values, to draw the
 * same chart. Option names are those of Google Charts that Sheets keeps (`subtitle` as in the Sheets API's ChartSpec).
 * Sheets has no error bars per point: an interval's bounds are two series drawn as marks (dashes on a line, points on
 * bars), so the interval is seen, not only named in the legend.
 */
import { isChangeHeader, isForestHeader, isNeutralHeader, seriesRole, type ChartCell, type ChartKind, type ChartSpecification, type SeriesStyle } from './specs';

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 380;

const valueAxisOf = (type: string) => (type === 'BAR' ? 'hAxis' : 'vAxis');

function seriesOptions(spec: ChartSpecification): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    spec.series.map((s, i) => {
      const bound = s.role === 'low' || s.role === 'high';
      // A forest: each member's change is a point between its bounds (a change may be below 0, a bar would mislead).
      if (spec.kind === 'forest') return [String(i), { type: 'line', color: s.colour, lineWidth: 0, pointSize: bound ? 7 : 11, pointShape: bound ? 'diamond' : 'circle' }];
      if (spec.type === 'COMBO') return [String(i), bound ? { type: 'line', color: s.colour, lineWidth: 0, pointSize: 9, pointShape: 'diamond' } : { type: 'bars', color: s.colour }];
      if (bound || s.role === 'target') return [String(i), { color: s.colour, lineWidth: 1, lineDashStyle: [6, 4], pointSize: bound ? 6 : 0 }];
      return [String(i), { color: s.colour, lineWidth: 2, pointSize: spec.type === 'LINE' ? 7 : 0 }];
    }),
  );
}

export function sheetsOptions(spec: ChartSpecification): Record<string, unknown> {
  const axis = valueAxisOf(spec.type);
  const window: Record<string, number> = {};
  if (spec.min !== null) window['min'] = spec.min;
  if (spec.max !== null) window['max'] = spec.max;
  const options: Record<string, unknown> = {
    title: spec.title,
    subtitle: spec.finding,
    colors: spec.series.map((s) => s.colour),
    series: seriesOptions(spec),
    isStacked: spec.stacked,
    'legend.position': 'bottom',
    [`${axis}.title`]: spec.axisTitle,
    [`${axis}.viewWindow`]: window,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
  if (spec.type === 'COMBO') options['seriesType'] = 'bars';
  // Lower Likert levels are stored as negative shares: show them without the minus sign.
  if (spec.kind === 'likert') options[`${axis}.format`] = '0;0';
  return options;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function kindOf(type: string, header: readonly ChartCell[]): ChartKind {
  if (type === 'LINE') return 'evolution';
  if (type === 'BAR') return 'likert';
  const first = String(header[0] ?? '');
  return isForestHeader(first) ? 'forest' : isChangeHeader(first) ? 'change' : 'segments';
}

/** The specification back from a chart's type, options and data range (header row first), as the page draws it. */
export function specFromSheetsChart(type: string, options: Record<string, unknown>, table: ChartCell[][]): ChartSpecification {
  const header = table[0] ?? [];
  const kind = kindOf(type, header);
  const axis = valueAxisOf(type);
  const title = typeof options['title'] === 'string' ? options['title'] : '';
  const indicator = title.split(' — ')[0] ?? '';
  const colours = Array.isArray(options['colors']) ? (options['colors'] as unknown[]) : [];
  const perSeries = (options['series'] ?? {}) as Record<string, { color?: string }>;
  const series: SeriesStyle[] = header.slice(1).map((h, i) => ({
    colour: perSeries[String(i)]?.color ?? String(colours[i] ?? '#0072B2'),
    role: seriesRole(String(h ?? ''), kind),
    neutral: kind === 'likert' && isNeutralHeader(String(h ?? '')),
  }));
  const window = (options[`${axis}.viewWindow`] ?? {}) as Record<string, unknown>;
  const rows = table.map((row, r) => row.map((cell, c) => (r === 0 || c === 0 ? String(cell ?? '') : num(cell))));
  const segmentsColumn = kind === 'segments' ? String(header[0] ?? '') : '';
  return {
    key: kind === 'segments' ? `${indicator}:segments:${segmentsColumn}` : `${indicator}:${kind}`,
    indicator,
    kind,
    type: type === 'LINE' ? 'LINE' : type === 'BAR' ? 'BAR' : 'COMBO',
    stacked: options['isStacked'] === true,
    title,
    finding: typeof options['subtitle'] === 'string' ? options['subtitle'] : '',
    axisTitle: String(options[`${axis}.title`] ?? ''),
    table: rows,
    series,
    min: num(window['min']),
    max: num(window['max']),
  };
}
