/**
 * A chart specification as a native Sheets chart's options (and back): the server sets these options on the
 * embedded chart, the local page reads them back from the emulated sheet, with the data range's values, to draw the
 * same chart. Only documented Google Charts option names are used.
 */
import { isNeutralHeader, type ChartCell, type ChartKind, type ChartSpecification, type SeriesStyle } from './specs';

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 380;

const valueAxisOf = (type: string) => (type === 'LINE' || type === 'COLUMN' ? 'vAxis' : 'hAxis');

export function sheetsOptions(spec: ChartSpecification): Record<string, unknown> {
  const axis = valueAxisOf(spec.type);
  const window: Record<string, number> = {};
  if (spec.min !== null) window['min'] = spec.min;
  if (spec.max !== null) window['max'] = spec.max;
  const options: Record<string, unknown> = {
    title: spec.title,
    colors: spec.series.map((s) => s.colour),
    series: Object.fromEntries(
      spec.series.map((s, i) => [String(i), { color: s.colour, lineWidth: s.dashed ? 1 : 2, ...(s.dashed && { lineDashStyle: [6, 4] }) }]),
    ),
    isStacked: spec.stacked,
    'legend.position': 'bottom',
    [`${axis}.title`]: spec.axisTitle,
    [`${axis}.viewWindow`]: window,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
  // Lower Likert levels are stored as negative shares: show them without the minus sign.
  if (spec.kind === 'likert') options[`${axis}.format`] = '0;0';
  return options;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The specification back from a chart's type, options and data range (header row first), as the page draws it. */
export function specFromSheetsChart(type: string, options: Record<string, unknown>, table: ChartCell[][]): ChartSpecification {
  const kind: ChartKind = type === 'LINE' ? 'evolution' : options['isStacked'] === true ? 'likert' : 'segments';
  const axis = valueAxisOf(type);
  const title = typeof options['title'] === 'string' ? options['title'] : '';
  const indicator = title.split(' : ')[0] ?? '';
  const colours = Array.isArray(options['colors']) ? (options['colors'] as unknown[]) : [];
  const perSeries = (options['series'] ?? {}) as Record<string, { color?: string; lineDashStyle?: unknown }>;
  const header = table[0] ?? [];
  const series: SeriesStyle[] = header.slice(1).map((h, i) => ({
    colour: perSeries[String(i)]?.color ?? String(colours[i] ?? '#0072B2'),
    dashed: perSeries[String(i)]?.lineDashStyle !== undefined,
    neutral: kind === 'likert' && isNeutralHeader(String(h ?? '')),
  }));
  const window = (options[`${axis}.viewWindow`] ?? {}) as Record<string, unknown>;
  const rows = table.map((row, r) => row.map((cell, c) => (r === 0 || c === 0 ? String(cell ?? '') : num(cell))));
  return {
    key: `${indicator}:${kind}`,
    indicator,
    kind,
    type: type === 'LINE' ? 'LINE' : 'BAR',
    stacked: options['isStacked'] === true,
    title,
    axisTitle: String(options[`${axis}.title`] ?? ''),
    table: rows,
    series,
    min: num(window['min']),
    max: num(window['max']),
  };
}
