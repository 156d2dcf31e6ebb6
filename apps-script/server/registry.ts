/**
 * Finds the registry's tabs and columns by developer metadata (falling back to header labels, never positions) and
 * writes records into them in one batched call, leaving columns Repère does not know untouched.
 */
import {
  COLUMN_METADATA_KEY,
  TAB_METADATA_KEY,
  tabSpec,
  type ColumnSpec,
  type TabKey,
} from '../../shared/contract/tabs';
import { textCell } from '../../shared/sheet/cell';
import type { Sheet, Spreadsheet } from './spreadsheet';

export type CellValue = string | number | boolean | Date;

export interface BoundTab {
  sheet: Sheet;
  /** Column key → 1-based column index, for every column found. */
  columns: Map<string, number>;
  /** Keys of the columns written as text (risky prefixes neutralised). */
  textKeys: Set<string>;
  /** Keys found by their header label only, not yet tagged with metadata. */
  untagged: Set<string>;
}

const DOCUMENT = () => SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT;

export function sheetsWithMetadata(ss: Spreadsheet, key: string, value: string): Sheet[] {
  return ss
    .createDeveloperMetadataFinder()
    .withKey(key)
    .withValue(value)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find()
    .map((m) => m.getLocation().getSheet())
    .filter((sheet): sheet is Sheet => sheet !== null);
}

/** The tab holding `key`, found by metadata first, then by its French or English name. */
export function findTab(ss: Spreadsheet, key: TabKey): Sheet | null {
  const tagged = sheetsWithMetadata(ss, TAB_METADATA_KEY, key)[0];
  if (tagged) return tagged;
  const spec = tabSpec(key);
  return ss.getSheetByName(spec.label.fr) ?? ss.getSheetByName(spec.label.en);
}

export function tagSheet(sheet: Sheet, key: string, value: string): void {
  sheet.addDeveloperMetadata(key, value, DOCUMENT());
}

/**
 * Column index (1-based) of every column of `sheet` carrying metadata `metaKey`, by metadata value. The sheet's own
 * finder: its cost follows this tab's columns, not every tagged column of the spreadsheet.
 */
export function taggedColumns(sheet: Sheet, metaKey: string): Map<string, number> {
  const map = new Map<string, number>();
  const found = sheet
    .createDeveloperMetadataFinder()
    .withKey(metaKey)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.COLUMN)
    .find();
  for (const meta of found) {
    const column = meta.getLocation().getColumn();
    if (column) map.set(meta.getValue() ?? '', column.getColumn());
  }
  return map;
}

export function tagColumn(sheet: Sheet, column: number, metaKey: string, value: string): void {
  sheet.getRange(1, column, sheet.getMaxRows(), 1).addDeveloperMetadata(metaKey, value, DOCUMENT());
}

export function headerRow(sheet: Sheet): string[] {
  const width = sheet.getLastColumn();
  if (width === 0) return [];
  return sheet.getRange(1, 1, 1, width).getValues()[0]!.map((v) => String(v).trim());
}

/** Binds a tab's known columns: metadata first, then untagged headers matching a French or English label. */
export function bindColumns(ss: Spreadsheet, sheet: Sheet, specs: readonly ColumnSpec[]): BoundTab {
  const columns = taggedColumns(sheet, COLUMN_METADATA_KEY);
  const missing = specs.filter((c) => !columns.has(c.key));
  const untagged = new Set<string>();
  if (missing.length > 0) {
    const taken = new Set(columns.values());
    const headers = headerRow(sheet);
    for (const spec of missing) {
      const labels = [spec.label.fr, spec.label.en].map((l) => l.toLowerCase());
      const index = headers.findIndex((h, i) => !taken.has(i + 1) && labels.includes(h.toLowerCase()));
      if (index >= 0) {
        columns.set(spec.key, index + 1);
        untagged.add(spec.key);
        taken.add(index + 1);
      }
    }
  }
  return { sheet, columns, untagged, textKeys: new Set(specs.filter((c) => c.text).map((c) => c.key)) };
}

export function bindTab(ss: Spreadsheet, key: TabKey): BoundTab | null {
  const sheet = findTab(ss, key);
  return sheet ? bindColumns(ss, sheet, tabSpec(key).columns) : null;
}

/** Grows the grid so that `lastRow` exists: writing past the last row of a sheet fails in Sheets. */
export function ensureRows(sheet: Sheet, lastRow: number): void {
  const max = sheet.getMaxRows();
  if (lastRow > max) sheet.insertRowsAfter(max, lastRow - max);
}

export function ensureColumns(sheet: Sheet, lastColumn: number): void {
  const max = sheet.getMaxColumns();
  if (lastColumn > max) sheet.insertColumnsAfter(max, lastColumn - max);
}

function cellFor(tab: BoundTab, key: string, value: CellValue): CellValue {
  return typeof value === 'string' && tab.textKeys.has(key) ? textCell(value) : value;
}

/** One row of values spanning the tab's known columns, from the first to the last; null where nothing is written. */
function rowSpan(tab: BoundTab): { first: number; width: number } {
  const indexes = [...tab.columns.values()];
  const first = Math.min(...indexes);
  return { first, width: Math.max(...indexes) - first + 1 };
}

/** Appends records (by column key) after the last row, in one setValues call. */
export function appendRecords(tab: BoundTab, records: ReadonlyArray<Record<string, CellValue>>): number {
  const start = Math.max(tab.sheet.getLastRow(), 1) + 1;
  writeRecords(tab, start, records);
  return start;
}

/**
 * Writes records (by column key) from `start` down, over the span of the tab's known columns, in one setValues call,
 * wrapped so that a long text stays readable in its column rather than cut or spilling over the next one.
 */
export function writeRecords(tab: BoundTab, start: number, records: ReadonlyArray<Record<string, CellValue>>): void {
  if (records.length === 0 || tab.columns.size === 0) return;
  const { first, width } = rowSpan(tab);
  ensureRows(tab.sheet, start + records.length - 1);
  tab.sheet.getRange(start, first, records.length, width).setValues(records.map((record) => rowValues(tab, record, first, width))).setWrap(true);
}

/** Empties the known cells of `count` rows from `start`, leaving the tab's other columns alone. */
export function clearRecords(tab: BoundTab, start: number, count: number): void {
  if (count <= 0 || tab.columns.size === 0) return;
  const { first, width } = rowSpan(tab);
  tab.sheet.getRange(start, first, count, width).clearContent();
}

function rowValues(tab: BoundTab, record: Record<string, CellValue>, first: number, width: number): CellValue[] {
  const row: CellValue[] = new Array(width).fill('');
  for (const [key, value] of Object.entries(record)) {
    const column = tab.columns.get(key);
    if (column !== undefined) row[column - first] = cellFor(tab, key, value);
  }
  return row;
}

/**
 * Rewrites the known cells of one existing row, cell by cell: the row's other columns may hold people's formulas,
 * which reading and writing the whole span back would flatten into values. Updates are rare (an edited observation).
 */
export function updateRecord(tab: BoundTab, row: number, record: Record<string, CellValue>): void {
  for (const [key, value] of Object.entries(record)) {
    const column = tab.columns.get(key);
    if (column !== undefined) tab.sheet.getRange(row, column).setValue(cellFor(tab, key, value));
  }
}

/** The values of one column below the header, read in one call. */
export function columnValues(tab: BoundTab, key: string): CellValue[] {
  const column = tab.columns.get(key);
  const last = tab.sheet.getLastRow();
  if (column === undefined || last < 2) return [];
  return tab.sheet.getRange(2, column, last - 1, 1).getValues().map((r) => r[0] as CellValue);
}
