/**
 * A tab Repère wrote reads well in any spreadsheet program: column widths fitted to what it holds, and only for the
 * columns Repère knows (people's own columns keep theirs). The widths come from shared/sheet/fit.ts; the local mode
 * saves them into the .xlsx like any other width.
 *
 * Service calls stay few: one per run of adjacent columns whose width changed, and a width is set again only when
 * the content asks for another one than Repère set last time (remembered in one document property), so a computation
 * whose figures keep their length sets none — and a width a person chose stays until the content changes.
 */
import type { ColumnSpec } from '../../shared/contract/tabs';
import { fitWidths, needsWrap, runs, type ColumnToFit } from '../../shared/sheet/fit';
import type { BoundTab, CellValue, TabFinder } from './registry';
import type { Sheet } from './spreadsheet';

const WIDTHS_PROPERTY = 'repere.widths';

/** The widths Repère set, by sheet id then column: read once per execution, written once if they moved. */
export class ColumnWidths {
  private set: Record<string, Record<string, number>> | null = null;
  private moved = false;

  /** `tabs`: a finder that already read the document properties, so they are not read again. */
  constructor(private readonly tabs?: TabFinder) {}

  private known(): Record<string, Record<string, number>> {
    if (!this.set) {
      const raw = this.tabs?.documentProperty ? this.tabs.documentProperty(WIDTHS_PROPERTY) : PropertiesService.getDocumentProperties().getProperty(WIDTHS_PROPERTY);
      try {
        this.set = JSON.parse(raw ?? '{}') as Record<string, Record<string, number>>;
      } catch {
        this.set = {};
      }
    }
    return this.set;
  }

  /**
   * Fits columns first, first + 1… to their headers and values (null: a column to leave alone), and wraps rows
   * `wrapRows` of the columns whose values are longer than their width.
   */
  fitColumns(sheet: Sheet, first: number, columns: ReadonlyArray<ColumnToFit | null>, wrapRows?: { from: number; count: number }, sheetId = sheet.getSheetId()): void {
    const known = columns.filter((c): c is ColumnToFit => c !== null);
    const fitted = fitWidths(known);
    let k = 0;
    const widths = columns.map((c) => (c === null ? null : fitted[k++]!));
    const id = String(sheetId);
    const before = (this.known()[id] ??= {});
    const changed = widths.map((width, i) => (width !== null && before[first + i] !== width ? width : null));
    for (const run of runs(changed, first)) {
      sheet.setColumnWidths(run.column, run.count, run.value);
      for (let c = run.column; c < run.column + run.count; c++) before[c] = run.value;
      this.moved = true;
    }
    if (!wrapRows || wrapRows.count <= 0) return;
    const wraps = columns.map((c, i) => (c !== null && needsWrap(c, widths[i]!) ? true : null));
    for (const run of runs(wraps, first)) sheet.getRange(wrapRows.from, run.column, wrapRows.count, run.count).setWrap(true);
  }

  /**
   * Fits a bound tab's known columns to their headers and the records just written, reading nothing: a header is
   * measured in the longer of its French and English labels.
   */
  fitTab(tab: BoundTab, specs: readonly ColumnSpec[], records: ReadonlyArray<Record<string, CellValue>>): void {
    if (tab.columns.size === 0) return;
    const indexes = [...tab.columns.values()];
    const first = Math.min(...indexes);
    const byColumn = new Map([...tab.columns].map(([key, column]) => [column, key]));
    this.fitColumns(
      tab.sheet,
      first,
      Array.from({ length: Math.max(...indexes) - first + 1 }, (_, i) => {
        const spec = specs.find((s) => s.key === byColumn.get(first + i));
        if (!spec) return null;
        const header = spec.label.fr.length >= spec.label.en.length ? spec.label.fr : spec.label.en;
        return { header, values: records.map((r) => r[spec.key]), shape: spec.shape };
      }),
      undefined,
      tab.sheetId,
    );
  }

  /** Remembers the widths set during this execution. */
  save(): void {
    if (this.moved) PropertiesService.getDocumentProperties().setProperty(WIDTHS_PROPERTY, JSON.stringify(this.set));
    this.moved = false;
  }
}
