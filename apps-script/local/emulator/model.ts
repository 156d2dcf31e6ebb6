// The in-memory workbook the emulated services read and write: plain data only, so it can be saved to .xlsx and
// inspected by tests without going through the Apps Script surface.

export type CellScalar = number | string | boolean | Date;

export interface ValidationSpec {
  /** VALUE_IN_RANGE keeps one value: the source range in A1 notation with its sheet name. */
  criteria: 'VALUE_IN_LIST' | 'VALUE_IN_RANGE' | 'NUMBER_BETWEEN';
  values: Array<string | number>;
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CellStyle {
  bold?: boolean;
  background?: string;
  fontColor?: string;
  hAlign?: string;
}

export interface Cell {
  /** Stored (or, for a formula, evaluated) value; null when the cell is empty. */
  v: CellScalar | null;
  /** Formula text with its leading "=". */
  f?: string;
  /**
   * The cell's own number format, which wins over its column's default; '' = explicitly automatic (a cell cleared
   * inside a formatted column). Read through `numberFormatAt`.
   */
  fmt?: string;
  note?: string;
  /** The cell's own validation, which wins over its column's default; null = explicitly none. Read through `validationAt`. */
  dv?: ValidationSpec | null;
  /** Whether the cell's text wraps, over its column's default; false = explicitly not. Read through `wrapAt`. */
  wrap?: boolean;
  st?: CellStyle;
}

/** A format or validation applied to a column from `fromRow` down to the last row of the grid, whatever it grows to. */
export interface ColumnRun<T> {
  fromRow: number;
  value: T;
}

/**
 * Formats and validations set on ranges that reach the last row (setup formats rows 2..max of whole columns): kept
 * per column rather than per cell, as Sheets and xlsx do, so 1000 formatted empty rows cost nothing.
 */
export interface ColumnDefaults {
  /** By 1-based column. */
  fmt: Record<number, ColumnRun<string>>;
  dv: Record<number, ColumnRun<ValidationSpec>>;
  /** Text wrapping (only « wraps » is a default: not wrapping is what a cell does unless told). */
  wrap: Record<number, ColumnRun<true>>;
}

export type FormatProp = keyof ColumnDefaults;
export const FORMAT_PROPS: readonly FormatProp[] = ['fmt', 'dv', 'wrap'];
type FormatValue<P extends FormatProp> = P extends 'fmt' ? string : P extends 'wrap' ? true : ValidationSpec;

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'COLUMN' | 'ROW'; sheetId: number; start: number; count: number };

export interface MetadataEntry {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

export interface ChartSpec {
  chartId: number;
  type: string;
  /** A1 notations inside the chart's own sheet. */
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
}

export interface ConditionalRuleSpec {
  criteria: string;
  values: unknown[];
  format: { background?: string | null; fontColor?: string | null; bold?: boolean | null };
  /** A1 notations inside the owning sheet. */
  ranges: string[];
}

export interface ProtectionSpec {
  id: number;
  type: 'SHEET' | 'RANGE';
  /** For RANGE protections: A1 inside the sheet. */
  a1?: string;
  warningOnly: boolean;
  description: string;
}

export interface SheetModel {
  /** Google's gid: stable across renames, used to anchor metadata. */
  sheetId: number;
  name: string;
  /** cells[row - 1][col - 1], sparse. */
  cells: Array<Array<Cell | undefined> | undefined>;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  /** Column widths in pixels, by 1-based column. */
  colWidths: Record<number, number>;
  colDefaults: ColumnDefaults;
  charts: ChartSpec[];
  conditionalRules: ConditionalRuleSpec[];
  protections: ProtectionSpec[];
}

/** A Google Form item, as the FormApp emulation keeps it. */
export interface FormItemModel {
  id: number;
  type: string;
  title: string;
  help: string;
  required: boolean;
  choices?: Array<{ value: string; navigation: string | null }>;
  rows?: string[];
  columns?: string[];
  validation?: { kind: 'number' | 'between'; min?: number; max?: number; help: string };
}

/** A Google Form made by the script: in local mode it lives with the workbook, as a form lives in Drive. */
export interface FormModel {
  id: string;
  title: string;
  description: string;
  confirmation: string;
  published: boolean;
  settings: Record<string, boolean>;
  /** The tab its responses go to; `columns` keeps each answer column's item (`id` or `id/row`), as Google does. */
  destination: { spreadsheetId: string; sheetId: number; columns: string[] } | null;
  items: FormItemModel[];
  responses: number;
}

export interface WorkbookModel {
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  sheets: SheetModel[];
  activeSheetId: number;
  /** The selected range of the active sheet (A1), as set by setActiveRange; not saved with the file. */
  activeA1?: string;
  metadata: MetadataEntry[];
  properties: { script: Record<string, string>; document: Record<string, string>; user: Record<string, string> };
  /** Google Forms the script created (FormApp), kept with the workbook. */
  forms?: FormModel[];
  nextId: number;
  /** Incremented by every change; the host saves when it moved. */
  revision: number;
  /** Set by every change, cleared by saveWorkbook. */
  dirty: boolean;
}

export function touch(model: WorkbookModel): void {
  model.revision++;
  model.dirty = true;
}

export function nextId(model: WorkbookModel): number {
  return model.nextId++;
}

/** The width of a column nobody sized, in pixels, as in Google Sheets. */
export const DEFAULT_COLUMN_WIDTH = 100;

export function newSheetModel(sheetId: number, name: string, maxRows = 1000, maxCols = 26): SheetModel {
  return {
    sheetId,
    name,
    cells: [],
    maxRows,
    maxCols,
    frozenRows: 0,
    frozenCols: 0,
    hidden: false,
    colWidths: {},
    colDefaults: { fmt: {}, dv: {}, wrap: {} },
    charts: [],
    conditionalRules: [],
    protections: [],
  };
}

function randomId(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let s = '1';
  for (let i = 0; i < 43; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/** A new workbook like a fresh French Google spreadsheet: one sheet "Feuille 1", 1000 × 26. */
export function createEmptyWorkbook(options: { id?: string; name?: string; locale?: string; timeZone?: string } = {}): WorkbookModel {
  return {
    id: options.id ?? randomId(),
    name: options.name ?? 'Repère',
    locale: options.locale ?? 'fr_FR',
    timeZone: options.timeZone ?? 'Europe/Paris',
    sheets: [newSheetModel(0, 'Feuille 1')],
    activeSheetId: 0,
    metadata: [],
    properties: { script: {}, document: {}, user: {} },
    nextId: 1,
    revision: 0,
    dirty: false,
  };
}

export function getCell(sheet: SheetModel, row: number, col: number): Cell | undefined {
  return sheet.cells[row - 1]?.[col - 1];
}

/** The cell at (row, col), created when missing. */
export function cellAt(sheet: SheetModel, row: number, col: number): Cell {
  let r = sheet.cells[row - 1];
  if (!r) {
    r = [];
    sheet.cells[row - 1] = r;
  }
  let c = r[col - 1];
  if (!c) {
    c = { v: null };
    r[col - 1] = c;
  }
  return c;
}

// ---- formats and validations: a cell's own, else its column's default ----------------------------------------

/** The number format shown at (row, col): the cell's own, else its column's default; undefined = automatic. */
export function numberFormatAt(sheet: SheetModel, row: number, col: number, cell: Cell | undefined = getCell(sheet, row, col)): string | undefined {
  if (cell && cell.fmt !== undefined) return cell.fmt === '' ? undefined : cell.fmt;
  const run = sheet.colDefaults.fmt[col];
  return run && row >= run.fromRow ? run.value : undefined;
}

/** Whether the text at (row, col) wraps: the cell's own setting, else its column's default. */
export function wrapAt(sheet: SheetModel, row: number, col: number, cell: Cell | undefined = getCell(sheet, row, col)): boolean {
  if (cell && cell.wrap !== undefined) return cell.wrap;
  const run = sheet.colDefaults.wrap[col];
  return !!run && row >= run.fromRow;
}

/** The validation at (row, col): the cell's own, else its column's default. */
export function validationAt(sheet: SheetModel, row: number, col: number, cell: Cell | undefined = getCell(sheet, row, col)): ValidationSpec | undefined {
  if (cell && cell.dv !== undefined) return cell.dv ?? undefined;
  const run = sheet.colDefaults.dv[col];
  return run && row >= run.fromRow ? run.value : undefined;
}

function copyValue<P extends FormatProp>(prop: P, v: FormatValue<P>): FormatValue<P> {
  if (prop !== 'dv') return v;
  const spec = v as ValidationSpec;
  return { ...spec, values: [...spec.values] } as FormatValue<P>;
}

function sameValue<P extends FormatProp>(prop: P, a: FormatValue<P> | undefined, b: FormatValue<P> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return prop === 'dv' ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

/** The cell's own value for `prop`: undefined = follows the column; '' / null = explicitly none. */
function ownOf(cell: Cell | undefined, prop: FormatProp): unknown {
  return cell?.[prop];
}

function noneMarker(prop: FormatProp): '' | null | false {
  return prop === 'fmt' ? '' : prop === 'wrap' ? false : null;
}

/** Sets (or, with undefined, clears) the format/validation of one cell, as an override of its column's default. */
export function setCellFormat<P extends FormatProp>(sheet: SheetModel, prop: P, row: number, col: number, value: FormatValue<P> | undefined): void {
  const run = sheet.colDefaults[prop][col] as ColumnRun<FormatValue<P>> | undefined;
  const inherited = run && row >= run.fromRow ? run.value : undefined;
  if (sameValue(prop, value, inherited)) {
    const cell = getCell(sheet, row, col);
    if (cell) delete cell[prop];
    return;
  }
  const cell = cellAt(sheet, row, col);
  if (value === undefined) (cell as Record<FormatProp, unknown>)[prop] = noneMarker(prop);
  else (cell as Record<FormatProp, unknown>)[prop] = copyValue(prop, value);
}

/** Gives each cell of rows [from, to] that follows the column the value `value` as its own (before a run moves away). */
function materialize<P extends FormatProp>(sheet: SheetModel, prop: P, col: number, from: number, to: number, value: FormatValue<P>): void {
  for (let r = from; r <= to; r++) {
    const cell = cellAt(sheet, r, col);
    if (ownOf(cell, prop) === undefined) (cell as Record<FormatProp, unknown>)[prop] = copyValue(prop, value);
  }
}

/** Sets (or, with undefined, clears) the format/validation of rows [fromRow, last row] of a column: one column default. */
export function setColumnFormat<P extends FormatProp>(sheet: SheetModel, prop: P, col: number, fromRow: number, value: FormatValue<P> | undefined): void {
  const runs = sheet.colDefaults[prop] as Record<number, ColumnRun<FormatValue<P>>>;
  const old = runs[col];
  const keep = old && value !== undefined && old.fromRow <= fromRow && sameValue(prop, old.value, value);
  if (old && old.fromRow < fromRow && !keep) materialize(sheet, prop, col, old.fromRow, fromRow - 1, old.value);
  // Below fromRow nothing changes; from fromRow down every cell now follows the column.
  for (let r = fromRow; r <= sheet.cells.length; r++) {
    const cell = sheet.cells[r - 1]?.[col - 1];
    if (cell) delete cell[prop];
  }
  if (keep) return;
  if (value === undefined) delete runs[col];
  else runs[col] = { fromRow, value: copyValue(prop, value) };
}

/** Sets the format/validation of a rectangle: whole-column defaults when it reaches the last row, else per cell. */
export function setRangeFormat<P extends FormatProp>(
  sheet: SheetModel,
  prop: P,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
  value: (r: number, c: number) => FormatValue<P> | undefined,
): void {
  const toEnd = row + numRows - 1 >= sheet.maxRows;
  for (let c = col; c < col + numCols; c++) {
    if (toEnd && numRows > 1) {
      const first = value(row, c);
      let uniform = true;
      for (let r = row + 1; r < row + numRows && uniform; r++) uniform = sameValue(prop, value(r, c), first);
      if (uniform) {
        setColumnFormat(sheet, prop, c, row, first);
        continue;
      }
    }
    for (let r = row; r < row + numRows; r++) setCellFormat(sheet, prop, r, c, value(r, c));
  }
}

/** Drops every format (prop 'fmt') or validation of the sheet. */
export function clearSheetFormats(sheet: SheetModel, prop: FormatProp): void {
  sheet.colDefaults[prop] = {};
  for (const row of sheet.cells) for (const cell of row ?? []) if (cell) delete cell[prop];
}

/**
 * After rows were permuted (moveRows): `oldRowOf(newRow)` gives where each row came from. Each column default keeps
 * covering the rows it covered; rows that ended up above the covered tail take the value as their own.
 */
export function remapColumnRuns(sheet: SheetModel, oldRowOf: (newRow: number) => number): void {
  for (const prop of FORMAT_PROPS) {
    const runs = sheet.colDefaults[prop] as Record<number, ColumnRun<FormatValue<typeof prop>>>;
    for (const [k, run] of Object.entries(runs)) {
      const col = Number(k);
      const covered = (r: number) => oldRowOf(r) >= run.fromRow;
      let from = sheet.maxRows + 1;
      while (from > 1 && covered(from - 1)) from--;
      for (let r = 1; r < from; r++) if (covered(r)) materialize(sheet, prop, col, r, r, run.value);
      if (from > sheet.maxRows) delete runs[col];
      else run.fromRow = from;
    }
  }
}

export function hasContent(c: Cell | undefined): boolean {
  return !!c && ((c.v !== null && c.v !== '') || !!c.f);
}

export function lastRow(sheet: SheetModel): number {
  for (let r = sheet.cells.length; r >= 1; r--) {
    const row = sheet.cells[r - 1];
    if (row && row.some(hasContent)) return r;
  }
  return 0;
}

export function lastColumn(sheet: SheetModel): number {
  let max = 0;
  for (const row of sheet.cells) {
    if (!row) continue;
    for (let c = row.length; c > max; c--) {
      if (hasContent(row[c - 1])) {
        max = c;
        break;
      }
    }
  }
  return max;
}

export function isDate(x: unknown): x is Date {
  return Object.prototype.toString.call(x) === '[object Date]';
}
