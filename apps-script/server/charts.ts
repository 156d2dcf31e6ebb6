/**
 * Native Sheets charts per indicator, on the computed « Graphiques » tab: the charts' data tables are rewritten
 * wholesale in one setValues, then each chart is updated in place (found by the chart id kept in the document
 * properties under its indicator and kind: charts carry no developer metadata), inserted when new, and removed when
 * its indicator or kind disappeared. Charts on this tab that Repère does not know are removed too, so a lost property
 * can never leave duplicates behind.
 */
import { TAB_METADATA_KEY, tabSpec } from '../../shared/contract/tabs';
import type { Lang } from '../../shared/contract/words';
import { sheetsOptions } from '../../shared/charts/sheets';
import { chartSpecifications, type ChartSpecification } from '../../shared/charts/specs';
import type { ValueRow } from '../../shared/indicators/model';
import type { Indicator } from '../../shared/registry/model';
import { textCell } from '../../shared/sheet/cell';
import { ensureColumns, ensureRows, findTab, tagSheet } from './registry';
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

function chartsSheet(ss: Spreadsheet, lang: Lang): Sheet {
  const found = findTab(ss, 'charts');
  if (found) return found;
  const sheet = ss.insertSheet(tabSpec('charts').label[lang]);
  tagSheet(sheet, TAB_METADATA_KEY, 'charts');
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

function configure(builder: Builder, sheet: Sheet, block: Block, chartColumn: number): Builder {
  const { spec, row } = block;
  let b = builder.clearRanges();
  b = spec.type === 'LINE' ? b.asLineChart() : b.asBarChart();
  b.addRange(sheet.getRange(row, 1, spec.table.length, spec.table[0]!.length)).setNumHeaders(1).setPosition(row, chartColumn, 0, 0);
  for (const [option, value] of Object.entries(sheetsOptions(spec))) b.setOption(option, value);
  return b;
}

function readKnown(): Record<string, number> {
  const raw = PropertiesService.getDocumentProperties().getProperty(CHARTS_PROPERTY);
  try {
    const parsed = raw ? (JSON.parse(raw) as unknown) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export function refreshCharts(ss: Spreadsheet, indicators: readonly Indicator[], values: readonly ValueRow[], lang: Lang): ChartsReport {
  const specs = chartSpecifications(indicators, values, lang);
  const sheet = chartsSheet(ss, lang);
  const { matrix, blocks, width } = layOut(specs, lang);

  // Data: the tab is Repère's, rewritten wholesale in one write.
  sheet.clearContents();
  ensureRows(sheet, matrix.length);
  ensureColumns(sheet, width + 8);
  sheet.getRange(1, 1, matrix.length, width).setValues(matrix);

  // Charts: update in place by id, insert the new ones, remove the rest.
  const known = readKnown();
  const existing = new Map<number, Chart>();
  for (const chart of sheet.getCharts()) {
    const id = chart.getChartId();
    if (id !== null) existing.set(id, chart);
  }
  const chartColumn = width + 2;
  const kept: Record<string, number> = {};
  const fresh: Block[] = [];
  let updated = 0;
  for (const block of blocks) {
    const id = known[block.spec.key];
    const chart = id === undefined ? undefined : existing.get(id);
    if (!chart || id === undefined) {
      fresh.push(block);
      continue;
    }
    sheet.updateChart(configure(chart.modify(), sheet, block, chartColumn).build());
    existing.delete(id);
    kept[block.spec.key] = id;
    updated++;
  }
  let removed = 0;
  for (const chart of existing.values()) {
    sheet.removeChart(chart);
    removed++;
  }
  for (const block of fresh) sheet.insertChart(configure(sheet.newChart(), sheet, block, chartColumn).build());
  if (fresh.length > 0) {
    // A built chart learns its id only once inserted: read the tab's charts once, match new ones by title, then order.
    const taken = new Set(Object.values(kept));
    const added = sheet.getCharts().filter((c) => c.getChartId() !== null && !taken.has(c.getChartId()!));
    for (const block of fresh) {
      const i = added.findIndex((c) => c.getOptions().get('title') === block.spec.title);
      const chart = added.splice(i >= 0 ? i : 0, 1)[0];
      if (chart) kept[block.spec.key] = chart.getChartId()!;
    }
  }
  PropertiesService.getDocumentProperties().setProperty(CHARTS_PROPERTY, JSON.stringify(kept));
  return { charts: specs.length, inserted: fresh.length, updated, removed };
}
