/**
 * Native Sheets charts per indicator, on the computed « Graphiques » tab: the charts' data tables are rewritten
 * wholesale in one setValues, then each chart is updated in place only when its specification changed (found by the
 * chart id kept in the document properties under its key, with a fingerprint of what was set on it: charts carry no
 * developer metadata), inserted when new, and removed when its indicator or kind disappeared. Charts on this tab that
 * Repère does not know are removed too, so a lost property can never leave duplicates behind. A chart reads its data
 * range, so new figures in an unchanged layout need no chart call at all.
 */
import { TAB_METADATA_KEY, tabSpec, type TabKey } from '../../shared/contract/tabs';
import type { Lang } from '../../shared/contract/words';
import { sheetsOptions } from '../../shared/charts/sheets';
import { chartSpecifications, type ChartSpecification } from '../../shared/charts/specs';
import type { ValueRow } from '../../shared/indicators/model';
import type { Indicator, Question } from '../../shared/registry/model';
import { textCell } from '../../shared/sheet/cell';
import { sha256Hex } from '../../shared/crypto/sha256';
import { ensureColumns, ensureRows, tagSheet, type TabFinder } from './registry';
import type { ColumnWidths } from './sheet-layout';
import type { Sheet, Spreadsheet } from './spreadsheet';

export const CHARTS_PROPERTY = 'repere.charts';
/** Rows a chart's block takes at least, so that charts anchored at each block's first row never overlap (≈ 380 px). */
const BLOCK_ROWS = 20;

type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

export interface ChartsReport {
  charts: number;
  inserted: number;
  updated: number;
  removed: number;
}

/** The tabs that hold charts: the registry's « Graphiques », a coordinator's « Graphiques de cohorte ». */
export type ChartsTab = Extract<TabKey, 'charts' | 'cohortCharts'>;

function chartsSheet(ss: Spreadsheet, tabs: TabFinder, key: ChartsTab, lang: Lang): Sheet {
  const found = tabs.sheet(key);
  if (found) return found;
  const sheet = ss.insertSheet(tabSpec(key).label[lang]);
  tagSheet(sheet, TAB_METADATA_KEY, key);
  return sheet;
}

interface Block {
  spec: ChartSpecification;
  row: number;
}

/** One matrix for the whole tab: a note in A1, then each chart's table (header row first), BLOCK_ROWS apart at least. */
function layOut(specs: readonly ChartSpecification[], lang: Lang): { matrix: Array<Array<string | number>>; blocks: Block[]; width: number } {
  const width = Math.max(1, ...specs.map((s) => s.table[0]!.length));
  const note = lang === 'fr' ? 'Données des graphiques, réécrites à chaque calcul : ne pas modifier.' : 'Chart data, rewritten at each computation: do not edit.';
  const matrix: Array<Array<string | number>> = [[note, ...new Array<string>(width - 1).fill('')]];
  const blocks: Block[] = [];
  for (const spec of specs) {
    const row = matrix.length + 2;
    while (matrix.length < row - 1) matrix.push(new Array<string>(width).fill(''));
    blocks.push({ spec, row });
    for (const line of spec.table) {
      const cells = line.map((c) => (c === null ? '' : typeof c === 'string' ? textCell(c) : c));
      matrix.push([...cells, ...new Array<string>(width - cells.length).fill('')]);
    }
    while (matrix.length < row - 1 + BLOCK_ROWS) matrix.push(new Array<string>(width).fill(''));
  }
  return { matrix, blocks, width };
}

/** Everything set on a native chart for a block: its type, data range, place and options. */
function settingsOf(block: Block, chartColumn: number): { type: string; range: [number, number, number, number]; position: [number, number]; options: Record<string, unknown> } {
  const { spec, row } = block;
  return { type: spec.type, range: [row, 1, spec.table.length, spec.table[0]!.length], position: [row, chartColumn], options: sheetsOptions(spec) };
}

function configure(builder: Builder, sheet: Sheet, settings: ReturnType<typeof settingsOf>): Builder {
  let b = builder.clearRanges();
  b = settings.type === 'LINE' ? b.asLineChart() : settings.type === 'COMBO' ? b.asComboChart() : b.asBarChart();
  b.addRange(sheet.getRange(...settings.range)).setNumHeaders(1).setPosition(settings.position[0], settings.position[1], 0, 0);
  for (const [option, value] of Object.entries(settings.options)) b.setOption(option, value);
  return b;
}

/** Per chart key: the native chart's id and the fingerprint of its settings. */
type Known = Record<string, { id: number; settings: string }>;

function readKnown(raw: string | null): Known {
  try {
    const parsed = raw ? (JSON.parse(raw) as unknown) : {};
    if (!parsed || typeof parsed !== 'object') return {};
    // Ids saved alone (before fingerprints) are kept: their charts are updated once, then fingerprinted.
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).map(([key, v]) => [key, typeof v === 'number' ? { id: v, settings: '' } : (v as Known[string])]),
    );
  } catch {
    return {};
  }
}

export function refreshCharts(ss: Spreadsheet, tabs: TabFinder, indicators: readonly Indicator[], values: readonly ValueRow[], lang: Lang, questions: readonly Question[] = [], widths?: ColumnWidths): ChartsReport {
  return drawCharts(ss, tabs, 'charts', CHARTS_PROPERTY, chartSpecifications(indicators, values, lang, questions), lang, widths);
}

/** Any list of specifications on a charts tab, its charts' ids and fingerprints kept under `property`. */
export function drawCharts(ss: Spreadsheet, tabs: TabFinder, key: ChartsTab, property: string, specs: readonly ChartSpecification[], lang: Lang, widths?: ColumnWidths): ChartsReport {
  const sheet = chartsSheet(ss, tabs, key, lang);
  const { matrix, blocks, width } = layOut(specs, lang);

  // Data: the tab is Repère's, rewritten wholesale in one write.
  sheet.clearContents();
  ensureRows(sheet, matrix.length);
  ensureColumns(sheet, width + 8);
  sheet.getRange(1, 1, matrix.length, width).setValues(matrix);
  // Widths from the tables, not from the note above them (which may spill over the empty cells to its right).
  widths?.fitColumns(sheet, 1, Array.from({ length: width }, (_, c) => ({ header: '', values: matrix.slice(1).map((row) => row[c]) })));

  const chartColumn = width + 2;
  const wanted = blocks.map((block) => {
    const settings = settingsOf(block, chartColumn);
    return { block, settings, print: sha256Hex(JSON.stringify(settings)) };
  });
  const properties = PropertiesService.getDocumentProperties();
  const known = readKnown(properties.getProperty(property));
  const charts = sheet.getCharts();
  // Nothing changed: as many charts as remembered, each remembered with the settings wanted now.
  const unchanged = charts.length === wanted.length && Object.keys(known).length === wanted.length && wanted.every((w) => known[w.block.spec.key]?.settings === w.print);
  if (unchanged) return { charts: specs.length, inserted: 0, updated: 0, removed: 0 };

  // Charts: update in place by id when their settings changed, insert the new ones, remove the rest.
  const existing = new Map<number, Chart>();
  for (const chart of charts) {
    const id = chart.getChartId();
    if (id !== null) existing.set(id, chart);
  }
  const kept: Known = {};
  const fresh: typeof wanted = [];
  let updated = 0;
  for (const w of wanted) {
    const before = known[w.block.spec.key];
    const chart = before === undefined ? undefined : existing.get(before.id);
    if (!chart || before === undefined) {
      fresh.push(w);
      continue;
    }
    if (before.settings !== w.print) {
      sheet.updateChart(configure(chart.modify(), sheet, w.settings).build());
      updated++;
    }
    existing.delete(before.id);
    kept[w.block.spec.key] = { id: before.id, settings: w.print };
  }
  let removed = 0;
  for (const chart of existing.values()) {
    sheet.removeChart(chart);
    removed++;
  }
  for (const w of fresh) sheet.insertChart(configure(sheet.newChart(), sheet, w.settings).build());
  if (fresh.length > 0) {
    // A built chart learns its id only once inserted: read the tab's charts once, match new ones by title and finding.
    const taken = new Set(Object.values(kept).map((k) => k.id));
    const added = sheet.getCharts().filter((c) => c.getChartId() !== null && !taken.has(c.getChartId()!));
    for (const w of fresh) {
      const i = added.findIndex((c) => c.getOptions().get('title') === w.block.spec.title && c.getOptions().get('subtitle') === w.block.spec.finding);
      const chart = added.splice(i >= 0 ? i : 0, 1)[0];
      if (chart) kept[w.block.spec.key] = { id: chart.getChartId()!, settings: w.print };
    }
  }
  properties.setProperty(property, JSON.stringify(kept));
  return { charts: specs.length, inserted: fresh.length, updated, removed };
}
