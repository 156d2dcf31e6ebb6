/**
 * A tab Repère wrote reads well in any spreadsheet program: column widths fitted to what it holds, set in one call per
 * run of equal widths, and only for the columns Repère knows (people's own columns keep theirs). The widths come from
 * shared/sheet/fit.ts; the local mode saves them into the .xlsx like any other width.
 */
import type { ColumnSpec } from '../../shared/contract/tabs';
import { fitWidths, needsWrap, runs, type ColumnToFit } from '../../shared/sheet/fit';
import type { BoundTab, CellValue } from './registry';
import type { Sheet } from './spreadsheet';

/**
 * Sets the widths of columns first, first + 1… from their headers and values (null: a column to leave alone), and
 * wraps rows [fromRow, fromRow + rows) of the columns whose values are longer than their width.
 */
export function fitColumns(sheet: Sheet, first: number, columns: ReadonlyArray<ColumnToFit | null>, wrapRows?: { from: number; count: number }): void {
  const known = columns.filter((c): c is ColumnToFit => c !== null);
  const fitted = fitWidths(known);
  let k = 0;
  const widths = columns.map((c) => (c === null ? null : fitted[k++]!));
  for (const run of runs(widths, first)) sheet.setColumnWidths(run.column, run.count, run.value);
  if (!wrapRows || wrapRows.count <= 0) return;
  const wraps = columns.map((c, i) => (c !== null && needsWrap(c, widths[i]!) ? true : null));
  for (const run of runs(wraps, first)) sheet.getRange(wrapRows.from, run.column, wrapRows.count, run.count).setWrap(true);
}

/**
 * Fits a bound tab's known columns to their headers and the records just written, reading nothing: a header is
 * measured in the longer of its French and English labels. Columns in between that Repère does not know are left as
 * they are.
 */
export function fitTab(tab: BoundTab, specs: readonly ColumnSpec[], records: ReadonlyArray<Record<string, CellValue>>): void {
  if (tab.columns.size === 0) return;
  const indexes = [...tab.columns.values()];
  const first = Math.min(...indexes);
  const byColumn = new Map([...tab.columns].map(([key, column]) => [column, key]));
  fitColumns(
    tab.sheet,
    first,
    Array.from({ length: Math.max(...indexes) - first + 1 }, (_, i) => {
      const spec = specs.find((s) => s.key === byColumn.get(first + i));
      if (!spec) return null;
      const header = spec.label.fr.length >= spec.label.en.length ? spec.label.fr : spec.label.en;
      return { header, values: records.map((r) => r[spec.key]), shape: spec.shape };
    }),
  );
}
