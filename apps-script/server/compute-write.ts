/**
 * Writes the engine's results: « Valeurs » keeps every row people entered and replaces only Repère's computed rows
 * (in place, then after the last row); « Tableau de bord » is rebuilt wholesale, one line per indicator by outcome,
 * each value with its unit, its interval and n; « Contrôles » is rebuilt wholesale with the checks of each survey
 * wave and the answer sheets to review.
 */
import { tabSpec } from '../../shared/contract/tabs';
import { NO_TARGET, RECORD_LANG, termId, termLabel, type Lang, type StatusId } from '../../shared/contract/words';
import type { PersonFlag, Status, SurveyCheck, ValueRow } from '../../shared/indicators/model';
import { intervalRangeText, rowFigureText, statisticsNote } from '../../shared/indicators/text';
import type { Indicator, Outcome } from '../../shared/registry/model';
import { DASHBOARD_MIN_N } from '../../shared/stats/suppression';
import type { TabRows } from '../../shared/registry/validate';
import { replaceRecords, rewriteRecords, type BoundTab, type CellValue, type TabFinder } from './registry';
import type { ColumnWidths } from './sheet-layout';

const round = (x: number | null | undefined, decimals = 1): CellValue => (x === null || x === undefined ? '' : Math.round(x * 10 ** decimals) / 10 ** decimals);

const statusWord = (status: StatusId): string => termLabel('status', status, RECORD_LANG);
const statusCell = (status: Status): string => (status === '' ? '' : statusWord(status));

function valueCells(row: ValueRow, origin: string, computedAt: Date): Record<string, CellValue> {
  return {
    indicator: row.indicator,
    period: row.period,
    segment: row.segment,
    value: round(row.value),
    n: row.n ?? '',
    low: round(row.low),
    high: round(row.high),
    k: row.detail.k ?? '',
    sd: round(row.detail.sd, 2),
    p: round(row.detail.p, 4),
    test: statisticsNote(row.detail),
    baseline: round(row.baseline),
    target: round(row.target),
    status: statusCell(row.status),
    flags: row.flags.map((f) => f.message).join(' ; '),
    methodText: row.methodText,
    origin,
    computedAt,
  };
}

/**
 * Returns the number of computed rows written. `current` is « Valeurs » as the registry read found it: the rows of the
 * previous computation are those whose origin says « calculé ».
 */
export function writeValues(tabs: TabFinder, current: TabRows | undefined, rows: readonly ValueRow[], lang: Lang, now: Date, widths?: ColumnWidths): number {
  const tab = tabs.tab('values');
  if (!tab) return 0;
  const previous = (current?.rows ?? []).filter((r) => termId('valueOrigin', String(r.cells.origin ?? '')) === 'computed').map((r) => r.row);
  const computed = rows.filter((r) => r.computed);
  const origin = termLabel('valueOrigin', 'computed', lang);
  const records = computed.map((r) => valueCells(r, origin, now));
  replaceRecords(tab, previous, records);
  widths?.fitTab(tab, tabSpec('values').columns, records);
  return computed.length;
}

const TREND = { up: '↗', down: '↘', flat: '→' } as const;

function trendOf(last: ValueRow, before: ValueRow | undefined): string {
  if (!before || last.value === null || before.value === null || last.suppressed || before.suppressed) return '';
  const delta = last.value - before.value;
  if (Math.abs(delta) < 1e-9) return TREND.flat;
  return delta > 0 ? TREND.up : TREND.down;
}

/** A sparkline of the overall values, period after period (English function syntax, as setFormula expects). */
function sparkline(series: readonly ValueRow[]): string {
  const shown = series.filter((r) => r.value !== null && !r.suppressed).map((r) => round(r.value));
  return shown.length >= 2 ? `=SPARKLINE({${shown.join(',')}})` : '';
}

function dashboardLine(indicator: Indicator, outcome: Outcome | undefined, series: readonly ValueRow[]): Record<string, CellValue> {
  const last = series[series.length - 1];
  const head = { outcome: outcome ? `${outcome.id} — ${outcome.change}` : indicator.outcome, indicator: `${indicator.code} — ${indicator.name}` };
  if (!last) return { ...head, status: statusWord('données insuffisantes'), flag: 'Pas encore de données pour cet indicateur.' };
  const hidden = last.suppressed;
  const alert = last.flags.find((f) => f.level === 'alerte') ?? last.flags[0];
  return {
    ...head,
    period: last.period,
    value: hidden ? `moins de ${Math.max(DASHBOARD_MIN_N, indicator.minN)} personnes` : rowFigureText(last, indicator.unit, RECORD_LANG),
    interval: hidden ? '' : intervalRangeText(last, indicator.unit, RECORD_LANG),
    trend: trendOf(last, series[series.length - 2]),
    // No target and no baseline: nothing to judge against, which the line says rather than leaving a blank.
    status: last.status === '' ? NO_TARGET[RECORD_LANG] : statusWord(last.status),
    sparkline: sparkline(series),
    n: last.n ?? '',
    flag: hidden ? `Moins de ${Math.max(DASHBOARD_MIN_N, indicator.minN)} personnes : valeur masquée.` : alert?.message ?? '',
  };
}

const STATUS_COLOURS: Array<[StatusId, string]> = [
  ['atteint', '#c8e6c9'],
  ['en bonne voie', '#e6f4ea'],
  ['à surveiller', '#fff4ce'],
  ['non atteint', '#f9d6d5'],
  ['données insuffisantes', '#eeeeee'],
];

/** Colours each status word, once: the rules cover the whole column, so later computations need not set them again. */
function colourStatuses(tab: BoundTab): void {
  const column = tab.columns.get('status');
  if (column === undefined || tab.sheet.getConditionalFormatRules().length >= STATUS_COLOURS.length) return;
  const range = tab.sheet.getRange(2, column, Math.max(tab.sheet.getMaxRows() - 1, 1), 1);
  tab.sheet.setConditionalFormatRules(
    STATUS_COLOURS.map(([status, colour]) => SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(statusWord(status)).setBackground(colour).setRanges([range]).build()),
  );
}

/** The overall series (no segment) of each indicator, oldest period first, as the engine ordered them. */
function overallSeries(rows: readonly ValueRow[]): Map<string, ValueRow[]> {
  const series = new Map<string, ValueRow[]>();
  for (const row of rows) {
    if (row.segment !== '') continue;
    const list = series.get(row.indicator) ?? [];
    list.push(row);
    series.set(row.indicator, list);
  }
  return series;
}

export function writeDashboard(tabs: TabFinder, indicators: readonly Indicator[], outcomes: readonly Outcome[], rows: readonly ValueRow[], widths?: ColumnWidths): number {
  const tab = tabs.tab('dashboard');
  if (!tab) return 0;
  const series = overallSeries(rows);
  const order = new Map(outcomes.map((o, i) => [o.id, i]));
  const sorted = [...indicators].sort((a, b) => (order.get(a.outcome) ?? 1e9) - (order.get(b.outcome) ?? 1e9));
  const lines = sorted.map((i) => dashboardLine(i, outcomes.find((o) => o.id === i.outcome), series.get(i.code) ?? []));
  rewriteRecords(tab, lines);
  widths?.fitTab(tab, tabSpec('dashboard').columns, lines);
  colourStatuses(tab);
  return lines.length;
}

/** One line per check of each survey wave, then one per answer sheet to review, named by what the team knows. */
export function writeChecks(tabs: TabFinder, checks: readonly SurveyCheck[], people: readonly PersonFlag[], widths?: ColumnWidths): number {
  const tab = tabs.tab('checks');
  if (!tab) return 0;
  const word = (key: 'check' | 'checkLevel', id: string) => (termId(key, id) === null ? id : termLabel(key, termId(key, id)!, RECORD_LANG));
  const lines: Array<Record<string, CellValue>> = [
    ...checks.flatMap((c) => c.flags.map((f) => ({ survey: c.survey, wave: c.wave, check: word('check', f.code), level: word('checkLevel', f.level), who: '', message: f.message }))),
    ...people.map((p) => ({ survey: p.survey, wave: p.wave, check: word('check', p.code), level: word('checkLevel', 'review'), who: p.who, message: p.message })),
  ];
  rewriteRecords(tab, lines);
  widths?.fitTab(tab, tabSpec('checks').columns, lines);
  return lines.length;
}
