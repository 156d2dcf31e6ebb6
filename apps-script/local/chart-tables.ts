/**
 * The embedded charts of a workbook with the values of their data ranges, as plain data: what the local page draws as
 * SVG and the workbook's writer renders as PNG images, both through shared/charts.
 */
import type { ChartCell } from '../../shared/charts/specs';
import { parseA1 } from './emulator/a1';
import { getCell, lastColumn, lastRow, type ChartSpec, type SheetModel, type WorkbookModel } from './emulator/model';

export interface ChartTable {
  chartId: number;
  type: string;
  options: Record<string, unknown>;
  table: ChartCell[][];
}

export interface ChartsView {
  sheets: Array<{ name: string; charts: ChartTable[] }>;
}

/** A chart with the current values of its first data range (dates as ISO text). */
export function chartTable(sheet: SheetModel, chart: ChartSpec): ChartTable {
  const ref = chart.ranges[0] ? parseA1(chart.ranges[0]) : null;
  const rows = ref ? ref.numRows ?? Math.max(0, lastRow(sheet) - ref.row + 1) : 0;
  const cols = ref ? ref.numCols ?? Math.max(0, lastColumn(sheet) - ref.col + 1) : 0;
  const table = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c): ChartCell => {
      const v = getCell(sheet, ref!.row + r, ref!.col + c)?.v ?? null;
      return v instanceof Date ? v.toISOString() : typeof v === 'boolean' ? String(v) : v;
    }),
  );
  return { chartId: chart.chartId, type: chart.type, options: chart.options, table };
}

export function chartsView(model: WorkbookModel): ChartsView {
  return {
    sheets: model.sheets.filter((sheet) => sheet.charts.length > 0).map((sheet) => ({ name: sheet.name, charts: sheet.charts.map((chart) => chartTable(sheet, chart)) })),
  };
}
