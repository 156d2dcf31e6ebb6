// Range: reading and writing a rectangle of cells, with Google's coercion of typed strings, its errors and its
// batch semantics.

import { columnLetter } from '../../../shared/sheet/a1';
import { cellA1, parseA1 } from './a1';
import { displayValue, evaluateFormula, parseTyped } from './coercion';
import { fail, sheetModel, type Ctx } from './context';
import { addMetadata, DeveloperMetadataFinder, metadataAt, type DeveloperMetadata } from './metadata';
import {
  cellAt,
  getCell,
  isDate,
  numberFormatAt,
  setRangeFormat,
  touch,
  validationAt,
  wrapAt,
  type Cell,
  type CellScalar,
  type CellStyle,
  type FormatProp,
  type SheetModel,
  type ValidationSpec,
  type WorkbookModel,
} from './model';
import { Protection, addProtection } from './protection';
import { Sheet } from './sheet';
import { TextFinder } from './textfinder';
import { DataValidation, type DataValidationBuilder } from './validation';

export type RangeKind = 'cells' | 'columns' | 'rows';

const MAX_CELL_CHARS = 50_000;
const DEFAULT_NUMBER_FORMAT = '0.###############';

/** The value a cell of `sheet` shows, evaluating its formula against the current contents of the workbook. */
export function cellValue(book: WorkbookModel, sheet: SheetModel, cell: Cell | undefined, depth = 0): CellScalar | null {
  if (!cell) return null;
  if (!cell.f) return cell.v;
  if (depth > 50) return '#REF!';
  const v = evaluateFormula(cell.f, (a1) => {
    const ref = parseA1(a1);
    const target = ref?.sheetName === undefined ? sheet : book.sheets.find((s) => s.name === ref.sheetName);
    if (!ref || !target) return null;
    const values: Array<CellScalar | null> = [];
    const rows = ref.numRows ?? target.maxRows - ref.row + 1;
    const cols = ref.numCols ?? target.maxCols - ref.col + 1;
    for (let r = ref.row; r < ref.row + rows; r++) for (let c = ref.col; c < ref.col + cols; c++) values.push(cellValue(book, target, getCell(target, r, c), depth + 1));
    return values;
  });
  cell.v = v; // cached result, saved in the .xlsx
  return v;
}

export function checkGrid(ctx: Ctx, sheet: SheetModel, row: number, col: number, numRows: number, numCols: number): void {
  if (![row, col, numRows, numCols].every((n) => Number.isInteger(n))) fail(ctx, 'Invalid argument: coordinates must be integers.');
  if (row < 1) fail(ctx, 'The starting row of the range is too small.');
  if (col < 1) fail(ctx, 'The starting column of the range is too small.');
  if (numRows < 1) fail(ctx, 'The number of rows in the range must be at least 1.');
  if (numCols < 1) fail(ctx, 'The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols)
    fail(ctx, 'The coordinates of the range are outside the dimensions of the sheet.');
}

function toScalar(x: unknown): CellScalar | null {
  if (x === null || x === undefined) return null;
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'string') return x;
  if (isDate(x)) return new Date(x.getTime());
  return String(x);
}

export class Range {
  readonly _calls;
  constructor(
    readonly _ctx: Ctx,
    readonly _sheetId: number,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
    readonly _kind: RangeKind = 'cells',
  ) {
    this._calls = _ctx.calls;
  }

  _sheet(): SheetModel {
    return sheetModel(this._ctx, this._sheetId);
  }

  /** Calls f for each cell position, building a rectangle of results in the script's realm. */
  _map<T>(f: (row: number, col: number, cell: Cell | undefined) => T): T[][] {
    const sheet = this._sheet();
    const out: T[][] = [];
    for (let r = 0; r < this._numRows; r++) {
      const line: T[] = [];
      const cells = sheet.cells[this._row + r - 1];
      for (let c = 0; c < this._numCols; c++) line.push(f(this._row + r, this._col + c, cells?.[this._col + c - 1]));
      out.push(this._ctx.realm.array(line));
    }
    return this._ctx.realm.array(out);
  }

  _first<T>(grid: T[][]): T {
    return grid[0]![0]!;
  }

  _checkShape(data: unknown, what = 'data'): unknown[][] {
    if (!Array.isArray(data)) fail(this._ctx, `Invalid argument: ${what} must be a two-dimensional array.`);
    if (data.length !== this._numRows)
      fail(this._ctx, `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._numRows}.`);
    for (const row of data) {
      if (!Array.isArray(row)) fail(this._ctx, `Invalid argument: ${what} must be a two-dimensional array.`);
      if (row.length !== this._numCols)
        fail(this._ctx, `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._numCols}.`);
    }
    return data as unknown[][];
  }

  /** Writes one value to a cell as Google does for setValue(s); returns a function applying it (validate first). */
  _prepare(sheet: SheetModel, row: number, col: number, input: unknown): () => void {
    const existing = getCell(sheet, row, col);
    const scalar = toScalar(input);
    let value: CellScalar | null = scalar;
    let formula: string | undefined;
    if (typeof scalar === 'string') {
      if (scalar.length > MAX_CELL_CHARS)
        fail(this._ctx, `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
      const typed = parseTyped(scalar, this._ctx.model.locale, this._ctx.model.timeZone, numberFormatAt(sheet, row, col, existing) === '@');
      value = typed.value;
      formula = typed.formula;
    }
    const dv = validationAt(sheet, row, col, existing);
    // Strict range-based lists are not enforced here: Repère only sets them with allowInvalid (a warning).
    if (dv && !dv.allowInvalid && dv.criteria !== 'VALUE_IN_RANGE' && value !== null && !formula) {
      const shown = displayValue(value, numberFormatAt(sheet, row, col, existing), this._ctx.model.locale, this._ctx.model.timeZone);
      const ok =
        dv.criteria === 'VALUE_IN_LIST'
          ? dv.values.some((x) => String(x) === shown || x === value)
          : typeof value === 'number' && value >= Number(dv.values[0]) && value <= Number(dv.values[1]);
      if (!ok) fail(this._ctx, `The data you entered in cell ${cellA1(row, col)} violates the data validation rules set on this cell.`);
    }
    return () => {
      if (value === null && !formula && !existing) return;
      const cell = cellAt(sheet, row, col);
      cell.v = value;
      if (formula) cell.f = formula;
      else delete cell.f;
    };
  }

  _write(values: unknown[][]): Range {
    const sheet = this._sheet();
    const ops: Array<() => void> = [];
    for (let r = 0; r < this._numRows; r++)
      for (let c = 0; c < this._numCols; c++) ops.push(this._prepare(sheet, this._row + r, this._col + c, values[r]![c]));
    for (const op of ops) op();
    // Cache formula results now, so the saved file holds them.
    for (let r = this._row; r < this._row + this._numRows; r++)
      for (let c = this._col; c < this._col + this._numCols; c++) {
        const cell = getCell(sheet, r, c);
        if (cell?.f) cellValue(this._ctx.model, sheet, cell);
      }
    touch(this._ctx.model);
    return this;
  }

  _fill(v: unknown): unknown[][] {
    return Array.from({ length: this._numRows }, () => new Array(this._numCols).fill(v));
  }

  _eachCell(f: (cell: Cell, row: number, col: number) => void): Range {
    const sheet = this._sheet();
    for (let r = this._row; r < this._row + this._numRows; r++)
      for (let c = this._col; c < this._col + this._numCols; c++) f(cellAt(sheet, r, c), r, c);
    touch(this._ctx.model);
    return this;
  }

  /** Like _eachCell, for changes that mean nothing to a cell that does not exist (clearing). */
  _eachExisting(f: (cell: Cell, row: number, col: number) => void): Range {
    const sheet = this._sheet();
    for (let r = this._row; r < this._row + this._numRows && r <= sheet.cells.length; r++) {
      const line = sheet.cells[r - 1];
      if (!line) continue;
      for (let c = this._col; c < this._col + this._numCols; c++) {
        const cell = line[c - 1];
        if (cell) f(cell, r, c);
      }
    }
    touch(this._ctx.model);
    return this;
  }

  /** Sets a number format or validation over the range: column defaults when it reaches the last row. */
  _setFormat(prop: 'fmt', value: (r: number, c: number) => string | undefined): Range;
  _setFormat(prop: 'dv', value: (r: number, c: number) => ValidationSpec | undefined): Range;
  _setFormat(prop: 'wrap', value: (r: number, c: number) => true | undefined): Range;
  _setFormat(prop: FormatProp, value: (r: number, c: number) => string | ValidationSpec | true | undefined): Range {
    const sheet = this._sheet();
    setRangeFormat(sheet, prop, this._row, this._col, this._numRows, this._numCols, value as (r: number, c: number) => never);
    touch(this._ctx.model);
    return this;
  }

  _eachGrid(data: unknown, f: (cell: Cell, v: unknown) => void): Range {
    const grid = this._checkShape(data);
    return this._eachCell((cell, r, c) => f(cell, grid[r - this._row]![c - this._col]));
  }

  _style<K extends keyof CellStyle>(key: K, v: CellStyle[K] | null | undefined): (cell: Cell) => void {
    return (cell) => {
      if (v === null || v === undefined) {
        if (cell.st) delete cell.st[key];
      } else (cell.st ??= {})[key] = v;
    };
  }

  // ---- values -----------------------------------------------------------------------------------------------

  getValues(): CellScalar[][] {
    return this._values();
  }
  _values(): CellScalar[][] {
    const sheet = this._sheet();
    return this._map((_r, _c, cell) => {
      const v = cellValue(this._ctx.model, sheet, cell);
      if (v === null) return '';
      return isDate(v) ? this._ctx.realm.date(v.getTime()) : v;
    });
  }
  getValue(): CellScalar {
    return this._first(new Range(this._ctx, this._sheetId, this._row, this._col, 1, 1)._values());
  }
  setValues(values: unknown[][]): Range {
    return this._write(this._checkShape(values));
  }
  setValue(value: unknown): Range {
    return this._write(this._fill(value));
  }
  getDisplayValues(): string[][] {
    return this._displayGrid();
  }
  _displayGrid(): string[][] {
    const sheet = this._sheet();
    const { locale, timeZone } = this._ctx.model;
    return this._map((r, c, cell) => displayValue(cellValue(this._ctx.model, sheet, cell), numberFormatAt(sheet, r, c, cell), locale, timeZone));
  }
  getDisplayValue(): string {
    const sheet = this._sheet();
    const cell = getCell(sheet, this._row, this._col);
    return displayValue(cellValue(this._ctx.model, sheet, cell), numberFormatAt(sheet, this._row, this._col, cell), this._ctx.model.locale, this._ctx.model.timeZone);
  }
  getFormulas(): string[][] {
    return this._map((_r, _c, cell) => cell?.f ?? '');
  }
  getFormula(): string {
    return getCell(this._sheet(), this._row, this._col)?.f ?? '';
  }
  setFormula(formula: string): Range {
    const f = String(formula);
    return this._write(this._fill(f.startsWith('=') ? f : `=${f}`));
  }
  setFormulas(formulas: string[][]): Range {
    const grid = this._checkShape(formulas, 'formulas').map((row) =>
      row.map((f) => (f === '' || f === null || f === undefined ? null : String(f).startsWith('=') ? String(f) : `=${f}`)),
    );
    return this._write(grid);
  }
  isBlank(): boolean {
    let blank = true;
    this._map((_r, _c, cell) => {
      if (cell && (cell.f || (cell.v !== null && cell.v !== ''))) blank = false;
      return 0;
    });
    return blank;
  }

  // ---- formats, notes, validation, style ----------------------------------------------------------------------

  getNumberFormats(): string[][] {
    const sheet = this._sheet();
    return this._map((r, c, cell) => numberFormatAt(sheet, r, c, cell) ?? DEFAULT_NUMBER_FORMAT);
  }
  getNumberFormat(): string {
    return numberFormatAt(this._sheet(), this._row, this._col) ?? DEFAULT_NUMBER_FORMAT;
  }
  setNumberFormat(format: string): Range {
    const f = String(format);
    return this._setFormat('fmt', () => f);
  }
  setNumberFormats(formats: string[][]): Range {
    const grid = this._checkShape(formats);
    return this._setFormat('fmt', (r, c) => String(grid[r - this._row]![c - this._col]));
  }
  setNote(note: string | null): Range {
    if (note === null || note === undefined || note === '') return this.clearNote();
    return this._eachCell((cell) => {
      cell.note = String(note);
    });
  }
  setNotes(notes: Array<Array<string | null>>): Range {
    return this._eachGrid(notes, (cell, v) => {
      if (v === null || v === undefined || v === '') delete cell.note;
      else cell.note = String(v);
    });
  }
  getNote(): string {
    return getCell(this._sheet(), this._row, this._col)?.note ?? '';
  }
  getNotes(): string[][] {
    return this._map((_r, _c, cell) => cell?.note ?? '');
  }
  clearNote(): Range {
    return this._eachExisting((cell) => delete cell.note);
  }
  setDataValidation(rule: DataValidation | null): Range {
    const spec = rule ? rule._spec : undefined;
    return this._setFormat('dv', () => spec);
  }
  setDataValidations(rules: Array<Array<DataValidation | null>>): Range {
    const grid = this._checkShape(rules);
    return this._setFormat('dv', (r, c) => (grid[r - this._row]![c - this._col] as DataValidation | null)?._spec);
  }
  getDataValidation(): DataValidation | null {
    const dv = validationAt(this._sheet(), this._row, this._col);
    return dv ? new DataValidation(this._ctx, dv) : null;
  }
  getDataValidations(): Array<Array<DataValidation | null>> {
    const sheet = this._sheet();
    return this._map((r, c, cell) => {
      const dv = validationAt(sheet, r, c, cell);
      return dv ? new DataValidation(this._ctx, dv) : null;
    });
  }
  clearDataValidations(): Range {
    return this._setFormat('dv', () => undefined);
  }
  setFontWeight(weight: string | null): Range {
    return this._eachCell(this._style('bold', weight === null ? null : weight === 'bold'));
  }
  setFontWeights(weights: Array<Array<string | null>>): Range {
    return this._eachGrid(weights, (cell, v) => this._style('bold', v === null ? null : v === 'bold')(cell));
  }
  getFontWeight(): string {
    return getCell(this._sheet(), this._row, this._col)?.st?.bold ? 'bold' : 'normal';
  }
  getFontWeights(): string[][] {
    return this._map((_r, _c, cell) => (cell?.st?.bold ? 'bold' : 'normal'));
  }
  setBackground(color: string | null): Range {
    return this._eachCell(this._style('background', color));
  }
  setBackgrounds(colors: Array<Array<string | null>>): Range {
    return this._eachGrid(colors, (cell, v) => this._style('background', v as string | null)(cell));
  }
  getBackground(): string {
    return getCell(this._sheet(), this._row, this._col)?.st?.background ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this._map((_r, _c, cell) => cell?.st?.background ?? '#ffffff');
  }
  setFontColor(color: string | null): Range {
    return this._eachCell(this._style('fontColor', color));
  }
  getFontColor(): string {
    return getCell(this._sheet(), this._row, this._col)?.st?.fontColor ?? '#000000';
  }
  setWrap(wrap: boolean): Range {
    return this._setFormat('wrap', () => (wrap ? true : undefined));
  }
  getWrap(): boolean {
    return wrapAt(this._sheet(), this._row, this._col);
  }
  setHorizontalAlignment(alignment: string | null): Range {
    return this._eachCell(this._style('hAlign', alignment === 'normal' ? null : alignment));
  }
  getHorizontalAlignment(): string {
    return getCell(this._sheet(), this._row, this._col)?.st?.hAlign ?? 'general';
  }

  // ---- clearing ---------------------------------------------------------------------------------------------

  clearContent(): Range {
    return this._eachExisting((cell) => {
      cell.v = null;
      delete cell.f;
    });
  }
  clearFormat(): Range {
    this._setFormat('fmt', () => undefined);
    this._setFormat('wrap', () => undefined);
    return this._eachExisting((cell) => {
      delete cell.st;
    });
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean; validationsOnly?: boolean }): Range {
    const o = options ?? {};
    const all = !o.contentsOnly && !o.formatOnly && !o.commentsOnly && !o.validationsOnly;
    if (all || o.formatOnly) {
      this._setFormat('fmt', () => undefined);
      this._setFormat('wrap', () => undefined);
    }
    if (o.validationsOnly) this._setFormat('dv', () => undefined);
    return this._eachExisting((cell) => {
      if (all || o.contentsOnly) {
        cell.v = null;
        delete cell.f;
      }
      if (all || o.formatOnly) delete cell.st;
      if (o.commentsOnly) delete cell.note;
    });
  }

  // ---- geometry ---------------------------------------------------------------------------------------------

  getRow(): number {
    return this._row;
  }
  getRowIndex(): number {
    return this._row;
  }
  getColumn(): number {
    return this._col;
  }
  getLastRow(): number {
    return this._row + this._numRows - 1;
  }
  getLastColumn(): number {
    return this._col + this._numCols - 1;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numCols;
  }
  getHeight(): number {
    return this._numRows;
  }
  getWidth(): number {
    return this._numCols;
  }
  getGridId(): number {
    return this._sheetId;
  }
  getA1Notation(): string {
    return rangeA1(this);
  }
  getSheet(): Sheet {
    return new Sheet(this._ctx, this._sheetId);
  }
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numCols)
      fail(this._ctx, 'The coordinates of the range are outside the dimensions of the sheet.');
    return new Range(this._ctx, this._sheetId, this._row + row - 1, this._col + column - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const r = this._row + rowOffset;
    const c = this._col + columnOffset;
    const nr = numRows ?? this._numRows;
    const nc = numColumns ?? this._numCols;
    checkGrid(this._ctx, this._sheet(), r, c, nr, nc);
    return new Range(this._ctx, this._sheetId, r, c, nr, nc);
  }
  activate(): Range {
    this._ctx.model.activeSheetId = this._sheetId;
    return this;
  }

  // ---- metadata, protection, search ---------------------------------------------------------------------------

  /** COLUMN for whole columns, ROW for whole rows; Google refuses anything else. */
  _dimension(): { type: 'COLUMN' | 'ROW'; start: number; count: number } | null {
    const sheet = this._sheet();
    const wholeCols = this._kind === 'columns' || (this._row === 1 && this._numRows === sheet.maxRows);
    const wholeRows = this._kind === 'rows' || (this._col === 1 && this._numCols === sheet.maxCols);
    if (wholeCols && this._kind !== 'rows') return { type: 'COLUMN', start: this._col, count: this._numCols };
    if (wholeRows) return { type: 'ROW', start: this._row, count: this._numRows };
    return null;
  }
  addDeveloperMetadata(key: string, a?: unknown, b?: unknown): Range {
    const dim = this._dimension();
    if (!dim)
      fail(this._ctx, 'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.');
    addMetadata(this._ctx, { ...dim, sheetId: this._sheetId }, key, a, b);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    const dim = this._dimension();
    return metadataAt(
      this._ctx,
      (loc) =>
        !!dim &&
        loc.type === dim.type &&
        loc.sheetId === this._sheetId &&
        loc.start >= dim.start &&
        loc.start + loc.count <= dim.start + dim.count,
    );
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this._ctx, {
      type: 'RANGE',
      sheetId: this._sheetId,
      row: this._row,
      col: this._col,
      numRows: this._numRows,
      numCols: this._numCols,
    });
  }
  protect(): Protection {
    return addProtection(this._ctx, this._sheetId, 'RANGE', rangeA1(this));
  }
  createTextFinder(text: string): TextFinder {
    return new TextFinder(this._ctx, [this], String(text));
  }
}

export function rangeA1(r: { _row: number; _col: number; _numRows: number; _numCols: number; _kind: RangeKind }): string {
  if (r._kind === 'columns') return `${columnLetter(r._col)}:${columnLetter(r._col + r._numCols - 1)}`;
  if (r._kind === 'rows') return `${r._row}:${r._row + r._numRows - 1}`;
  if (r._numRows === 1 && r._numCols === 1) return cellA1(r._row, r._col);
  return `${cellA1(r._row, r._col)}:${cellA1(r._row + r._numRows - 1, r._col + r._numCols - 1)}`;
}

/** Resolves an A1 notation inside a sheet into a Range, with Google's errors. */
/** The ranges (A1, inside one sheet) a chart or a conditional rule covers, as Range objects of the script's realm. */
export function rangesFromA1(ctx: Ctx, sheetId: number | null, a1s: readonly string[]): Range[] {
  if (sheetId === null) return ctx.realm.array([]);
  const sheet = sheetModel(ctx, sheetId);
  return ctx.realm.array(a1s.map((a1) => rangeFromA1(ctx, sheet, a1)));
}

export function rangeFromA1(ctx: Ctx, sheet: SheetModel, a1: string): Range {
  const ref = parseA1(String(a1));
  if (!ref) fail(ctx, 'Range not found');
  const numRows = ref.numRows ?? sheet.maxRows - ref.row + 1;
  const numCols = ref.numCols ?? sheet.maxCols - ref.col + 1;
  checkGrid(ctx, sheet, ref.row, ref.col, numRows, numCols);
  const kind: RangeKind = ref.numRows === null ? 'columns' : ref.numCols === null ? 'rows' : 'cells';
  return new Range(ctx, sheet.sheetId, ref.row, ref.col, numRows, numCols, kind);
}

export type { DataValidationBuilder };
