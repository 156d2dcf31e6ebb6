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
  wrap?: boolean;
  hAlign?: string;
}

export interface Cell {
  /** Stored (or, for a formula, evaluated) value; null when the cell is empty. */
  v: CellScalar | null;
  /** Formula text with its leading "=". */
  f?: string;
  fmt?: string;
  note?: string;
  dv?: ValidationSpec;
  st?: CellStyle;
}

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
  charts: ChartSpec[];
  conditionalRules: ConditionalRuleSpec[];
  protections: ProtectionSpec[];
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
