/**
 * Finds the registry's tabs and columns by developer metadata (falling back to header labels, never positions) and
 * writes records into them in one batched call, leaving columns Repère does not know untouched.
 */
import {
  COLUMN_METADATA_KEY,
  QUESTION_METADATA_KEY,
  SURVEY_METADATA_KEY,
  TAB_METADATA_KEY,
  tabSpec,
  type ColumnSpec,
  type TabKey,
} from '../../shared/contract/tabs';
import { sha256Hex } from '../../shared/crypto/sha256';
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
  /** The sheet's id when already known (a remembered layout), saving a call. */
  sheetId?: number;
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

/**
 * The runs of adjacent known columns of a tab: a column people added between two of Repère's is never written over,
 * so records are written one run at a time (one run, one write, when nobody added a column in between).
 */
function columnRuns(tab: BoundTab): Array<{ first: number; width: number }> {
  const indexes = [...new Set(tab.columns.values())].sort((a, b) => a - b);
  const runs: Array<{ first: number; width: number }> = [];
  for (const column of indexes) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.width === column) last.width++;
    else runs.push({ first: column, width: 1 });
  }
  return runs;
}

/** Appends records (by column key) after the last row, in one setValues call. */
export function appendRecords(tab: BoundTab, records: ReadonlyArray<Record<string, CellValue>>): number {
  const start = Math.max(tab.sheet.getLastRow(), 1) + 1;
  writeRecords(tab, start, records);
  return start;
}

/**
 * Writes records (by column key) from `start` down, over the span of the tab's known columns, in one setValues call.
 * `lastRow`: a row known to exist already (the sheet's last row, just read), so no need to ask how many rows it has.
 */
export function writeRecords(tab: BoundTab, start: number, records: ReadonlyArray<Record<string, CellValue>>, lastRow = 0): void {
  if (records.length === 0 || tab.columns.size === 0) return;
  if (start + records.length - 1 > lastRow) ensureRows(tab.sheet, start + records.length - 1);
  for (const { first, width } of columnRuns(tab)) {
    tab.sheet.getRange(start, first, records.length, width).setValues(records.map((record) => rowValues(tab, record, first, width)));
  }
}

/**
 * Replaces the records below the header of a computed tab with `records`, blanking the known cells of the rows that
 * held more records before, in one write (no separate clear).
 */
export function rewriteRecords(tab: BoundTab, records: ReadonlyArray<Record<string, CellValue>>): void {
  const before = Math.max(0, tab.sheet.getLastRow() - 1);
  const blanks = Math.max(0, before - records.length);
  writeRecords(tab, 2, [...records, ...Array.from({ length: blanks }, () => ({}))], before + 1);
}

/**
 * Writes only the columns `keys` of consecutive records from `start` (one write per run of adjacent columns): the
 * columns Repère keeps up to date in a tab people type into, whose other cells are theirs.
 */
export function writeColumns(tab: BoundTab, keys: readonly string[], start: number, records: ReadonlyArray<Record<string, CellValue>>, lastRow = 0): void {
  writeRecords({ ...tab, columns: new Map([...tab.columns].filter(([key]) => keys.includes(key))) }, start, records, lastRow);
}

/** Empties the known cells of `count` rows from `start`, leaving the tab's other columns alone. */
export function clearRecords(tab: BoundTab, start: number, count: number): void {
  if (count <= 0 || tab.columns.size === 0) return;
  for (const { first, width } of columnRuns(tab)) tab.sheet.getRange(start, first, count, width).clearContent();
}

/**
 * Writes records into the rows they replace (lowest first), the rest after the tab's last row, and empties the replaced
 * rows left over: one write per run of consecutive rows, so a table rewritten in place costs a few calls, not one a row.
 */
export function replaceRecords(tab: BoundTab, replaced: readonly number[], records: ReadonlyArray<Record<string, CellValue>>): void {
  const places = [...replaced].sort((a, b) => a - b);
  const last = Math.max(tab.sheet.getLastRow(), 1);
  const appended = Array.from({ length: Math.max(0, records.length - places.length) }, (_, i) => last + 1 + i);
  let next = 0;
  for (const run of consecutiveRuns([...places.slice(0, records.length), ...appended])) {
    writeRecords(tab, run.start, records.slice(next, next + run.count), last);
    next += run.count;
  }
  for (const run of consecutiveRuns(places.slice(records.length))) clearRecords(tab, run.start, run.count);
}

/** Row numbers in ascending order grouped into runs of consecutive rows. */
function consecutiveRuns(rows: readonly number[]): Array<{ start: number; count: number }> {
  const out: Array<{ start: number; count: number }> = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last && last.start + last.count === row) last.count++;
    else out.push({ start: row, count: 1 });
  }
  return out;
}

/** A record's cells for the run of columns from `first`, '' where the record has nothing. */
function rowValues(tab: BoundTab, record: Record<string, CellValue>, first: number, width: number): CellValue[] {
  const row: CellValue[] = new Array(width).fill('');
  for (const [key, value] of Object.entries(record)) {
    const column = tab.columns.get(key);
    if (column !== undefined && column >= first && column < first + width) row[column - first] = cellFor(tab, key, value);
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

/** A responses tab: its contract columns (paradata, provenance) and its question columns by question key. */
export interface SurveyTab {
  tab: BoundTab;
  questions: Map<string, number>;
}

/** How one run finds the tabs it reads and writes: each tab bound once, whatever number of times it is asked for. */
export interface TabFinder {
  tab(key: TabKey): BoundTab | null;
  /** A tab's sheet alone (« Graphiques » has no columns to bind). */
  sheet(key: TabKey): Sheet | null;
  survey(id: string): SurveyTab | null;
  /** A document property the finder already read (sparing a call), when it read them; undefined when it did not. */
  documentProperty?(name: string): string | null;
}

/** Finds tabs by their developer metadata every time it is asked for a new one (what the rare operations need). */
export function directFinder(ss: Spreadsheet): TabFinder {
  const tabs = new Map<TabKey, BoundTab | null>();
  const surveys = new Map<string, SurveyTab | null>();
  return {
    tab(key) {
      if (!tabs.has(key)) tabs.set(key, bindTab(ss, key));
      return tabs.get(key)!;
    },
    sheet: (key) => tabs.get(key)?.sheet ?? findTab(ss, key),
    survey(id) {
      if (!surveys.has(id)) {
        const sheet = sheetsWithMetadata(ss, SURVEY_METADATA_KEY, id)[0];
        surveys.set(id, sheet ? { tab: bindColumns(ss, sheet, tabSpec('responses').columns), questions: taggedColumns(sheet, QUESTION_METADATA_KEY) } : null);
      }
      return surveys.get(id)!;
    },
  };
}

const LAYOUT_PROPERTY = 'repere.layout.';

/** Where a tab's columns were found, and the fingerprint of its header row then. */
interface SavedLayout {
  sheetId: number;
  header: string;
  columns: Array<[string, number]>;
  questions?: Array<[string, number]>;
}

/**
 * Tabs found from the layouts remembered by earlier runs. Reading where each column is from developer metadata costs
 * four service calls per column (a hundred and fifty columns in a registry), each time. So the run that reads them
 * keeps, in the document properties, where each known column of a tab was and a fingerprint of the tab's header row.
 * The next runs read that header row once: the same headers in the same order mean the columns are where they were;
 * moving, adding, renaming or removing a column changes the fingerprint, and the tab is found and bound from its
 * metadata again (then remembered anew). The metadata stay the truth; the layout only saves reading them again.
 */
export class TabLayouts implements TabFinder {
  private readonly direct: TabFinder;
  private readonly saved: Record<string, SavedLayout> = {};
  private readonly bound = new Map<string, BoundTab | SurveyTab | null>();
  private readonly sheets = new Map<number, Sheet | null>();
  private properties: Record<string, string> = {};

  documentProperty(name: string): string | null {
    return this.properties[name] ?? null;
  }

  constructor(private readonly ss: Spreadsheet) {
    this.direct = directFinder(ss);
    const all = PropertiesService.getDocumentProperties().getProperties();
    this.properties = all;
    for (const [name, raw] of Object.entries(all)) {
      if (!name.startsWith(LAYOUT_PROPERTY)) continue;
      try {
        this.saved[name.slice(LAYOUT_PROPERTY.length)] = JSON.parse(raw) as SavedLayout;
      } catch {
        // An unreadable layout is found again from the metadata.
      }
    }
  }

  tab(key: TabKey): BoundTab | null {
    const id = `tab:${key}`;
    if (!this.bound.has(id)) this.bound.set(id, this.remembered(id, tabSpec(key).columns)?.tab ?? this.remember(id, this.direct.tab(key), new Map()));
    return this.bound.get(id) as BoundTab | null;
  }

  sheet(key: TabKey): Sheet | null {
    const id = `sheet:${key}`;
    const saved = this.saved[id];
    const known = saved ? this.sheetById(saved.sheetId) : null;
    if (known) return known;
    const sheet = this.direct.sheet(key);
    if (sheet) this.keep(id, { sheetId: sheet.getSheetId(), header: '', columns: [] });
    return sheet;
  }

  survey(surveyId: string): SurveyTab | null {
    const id = `survey:${surveyId}`;
    if (!this.bound.has(id)) {
      const found = this.remembered(id, tabSpec('responses').columns);
      if (found) this.bound.set(id, found);
      else {
        const direct = this.direct.survey(surveyId);
        this.remember(id, direct?.tab ?? null, direct?.questions ?? new Map());
        this.bound.set(id, direct);
      }
    }
    return this.bound.get(id) as SurveyTab | null;
  }

  private sheetById(sheetId: number): Sheet | null {
    if (!this.sheets.has(sheetId)) this.sheets.set(sheetId, this.ss.getSheetById(sheetId));
    return this.sheets.get(sheetId)!;
  }

  /** The layout remembered for `id`, if the tab's header row still reads the same. */
  private remembered(id: string, specs: readonly ColumnSpec[]): SurveyTab | null {
    const saved = this.saved[id];
    const sheet = saved ? this.sheetById(saved.sheetId) : null;
    if (!saved || !sheet || headerFingerprint(sheet) !== saved.header) return null;
    const tab: BoundTab = { sheet, sheetId: saved.sheetId, columns: new Map(saved.columns), untagged: new Set(), textKeys: new Set(specs.filter((c) => c.text).map((c) => c.key)) };
    return { tab, questions: new Map(saved.questions ?? []) };
  }

  private remember(id: string, tab: BoundTab | null, questions: Map<string, number>): BoundTab | null {
    // Columns found by their header only are tagged by set-up; until then they are looked for again each run.
    if (tab && tab.untagged.size === 0) {
      this.keep(id, { sheetId: tab.sheet.getSheetId(), header: headerFingerprint(tab.sheet), columns: [...tab.columns], ...(questions.size > 0 && { questions: [...questions] }) });
    }
    return tab;
  }

  private keep(id: string, layout: SavedLayout): void {
    try {
      PropertiesService.getDocumentProperties().setProperty(LAYOUT_PROPERTY + id, JSON.stringify(layout));
    } catch {
      // Too large for one property (a survey of hundreds of long questions): that tab is found from its metadata.
    }
  }
}

/**
 * The whole header row, fingerprinted: a column moved, renamed, inserted, removed or added (set-up adding a column,
 * an import adding a question) changes it, so no code that changes a tab needs to forget its layout.
 */
function headerFingerprint(sheet: Sheet): string {
  return sha256Hex(JSON.stringify(headerRow(sheet)));
}

/** The last of a tab's known columns: reading up to it reads every column Repère knows, without asking the width. */
export function lastKnownColumn(tab: BoundTab, others: Iterable<number> = []): number {
  return Math.max(0, ...tab.columns.values(), ...others);
}
