// Sheet: a tab of the workbook — its grid, its dimensions, and what hangs on it (metadata, protections, charts,
// conditional formats).

import { fail, sheetModel, type Ctx } from './context';
import { EmbeddedChart, EmbeddedChartBuilder } from './charts';
import { formUrl } from './forms';
import { ConditionalFormatRule } from './conditional';
import { deleteDim, insertDim, moveDim, type Dim } from './dims';
import { enumName } from './enums';
import { addMetadata, DeveloperMetadataFinder, metadataAt, type DeveloperMetadata } from './metadata';
import { clearSheetFormats, DEFAULT_COLUMN_WIDTH, lastColumn, lastRow, nextId, touch, type SheetModel } from './model';
import { addProtection, Protection } from './protection';
import { checkGrid, Range, rangeFromA1 } from './range';
import { referencesAfterRename } from './references';
import { Spreadsheet } from './spreadsheet';
import { TextFinder } from './textfinder';

export function checkSheetName(ctx: Ctx, name: string, except?: number): void {
  if (ctx.model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase() && s.sheetId !== except))
    fail(ctx, `A sheet with the name "${name}" already exists. Please enter another name.`);
}

export class Sheet {
  readonly _calls;
  constructor(
    readonly _ctx: Ctx,
    readonly _sheetId: number,
  ) {
    this._calls = _ctx.calls;
  }
  _s(): SheetModel {
    return sheetModel(this._ctx, this._sheetId);
  }

  getName(): string {
    return this._s().name;
  }
  setName(name: string): Sheet {
    const n = String(name);
    checkSheetName(this._ctx, n, this._sheetId);
    referencesAfterRename(this._ctx.model, this._s().name, n);
    this._s().name = n;
    touch(this._ctx.model);
    return this;
  }
  getSheetId(): number {
    return this._sheetId;
  }
  /** The edit URL of the Google Form whose responses this tab receives, or null. */
  getFormUrl(): string | null {
    const form = (this._ctx.model.forms ?? []).find((f) => f.destination?.sheetId === this._sheetId);
    return form ? formUrl(form.id) : null;
  }
  getSheetName(): string {
    return this._s().name;
  }
  getIndex(): number {
    return this._ctx.model.sheets.indexOf(this._s()) + 1;
  }
  getParent(): Spreadsheet {
    return new Spreadsheet(this._ctx);
  }
  activate(): Sheet {
    this._ctx.model.activeSheetId = this._sheetId;
    return this;
  }
  setActiveRange(range: Range): Range {
    this._ctx.model.activeSheetId = this._sheetId;
    this._ctx.model.activeA1 = range.getA1Notation();
    return range;
  }
  getLastRow(): number {
    return lastRow(this._s());
  }
  getLastColumn(): number {
    return lastColumn(this._s());
  }
  getMaxRows(): number {
    return this._s().maxRows;
  }
  getMaxColumns(): number {
    return this._s().maxCols;
  }
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    const s = this._s();
    if (typeof a === 'string') return rangeFromA1(this._ctx, s, a);
    const row = Number(a);
    const col = Number(column);
    if (column === undefined) fail(this._ctx, 'Range not found');
    const nr = numRows === undefined ? 1 : Number(numRows);
    const nc = numColumns === undefined ? 1 : Number(numColumns);
    checkGrid(this._ctx, s, row, col, nr, nc);
    return new Range(this._ctx, this._sheetId, row, col, nr, nc);
  }
  getDataRange(): Range {
    const s = this._s();
    return new Range(this._ctx, this._sheetId, 1, 1, Math.max(1, lastRow(s)), Math.max(1, lastColumn(s)));
  }
  appendRow(values: unknown[]): Sheet {
    const s = this._s();
    const list = Array.from(values as ArrayLike<unknown>);
    const row = lastRow(s) + 1;
    if (row > s.maxRows) insertDim(this._ctx.model, s, 'ROW', s.maxRows + 1, row - s.maxRows);
    if (list.length > s.maxCols) insertDim(this._ctx.model, s, 'COLUMN', s.maxCols + 1, list.length - s.maxCols);
    if (list.length) new Range(this._ctx, this._sheetId, row, 1, 1, list.length)._write([list]);
    return this;
  }

  // ---- frozen, hidden, widths -------------------------------------------------------------------------------

  setFrozenRows(rows: number): void {
    this._s().frozenRows = Number(rows);
    touch(this._ctx.model);
  }
  getFrozenRows(): number {
    return this._s().frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this._s().frozenCols = Number(columns);
    touch(this._ctx.model);
  }
  getFrozenColumns(): number {
    return this._s().frozenCols;
  }
  hideSheet(): Sheet {
    const visible = this._ctx.model.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0]!.sheetId === this._sheetId) fail(this._ctx, "You can't hide all the sheets in a document.");
    this._s().hidden = true;
    touch(this._ctx.model);
    return this;
  }
  showSheet(): Sheet {
    this._s().hidden = false;
    touch(this._ctx.model);
    return this;
  }
  isSheetHidden(): boolean {
    return this._s().hidden;
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    this._s().colWidths[Number(columnPosition)] = Number(width);
    touch(this._ctx.model);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._s().colWidths[c] = Number(width);
    touch(this._ctx.model);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this._s().colWidths[Number(columnPosition)] ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumn(): Sheet {
    return this;
  }
  autoResizeColumns(): Sheet {
    return this;
  }
  setTabColor(): Sheet {
    return this;
  }

  // ---- rows and columns -------------------------------------------------------------------------------------

  /**
   * `inheritFromBefore`: whether the new rows take the formatting of the row before them (insert…After) or of the one
   * after them (insert…Before), as Sheets' InsertDimensionRequest.
   */
  _insert(dim: Dim, at: number, n: number, inheritFromBefore = at > 1): Sheet {
    const s = this._s();
    const max = dim === 'ROW' ? s.maxRows : s.maxCols;
    if (!Number.isInteger(at) || at < 1 || at > max + 1) fail(this._ctx, 'Those rows are out of bounds.');
    if (!Number.isInteger(n) || n < 1) fail(this._ctx, 'Invalid argument: howMany');
    insertDim(this._ctx.model, s, dim, at, n, inheritFromBefore);
    return this;
  }
  _delete(dim: Dim, start: number, n: number): void {
    const s = this._s();
    const max = dim === 'ROW' ? s.maxRows : s.maxCols;
    if (start < 1 || n < 1 || start + n - 1 > max) fail(this._ctx, dim === 'ROW' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
    const frozen = dim === 'ROW' ? s.frozenRows : s.frozenCols;
    if (n >= max - frozen)
      fail(this._ctx, dim === 'ROW' ? 'Sorry, it is not possible to delete all non-frozen rows.' : 'Sorry, it is not possible to delete all non-frozen columns.');
    deleteDim(this._ctx.model, s, dim, start, n);
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return this._insert('COLUMN', afterPosition + 1, 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return this._insert('COLUMN', afterPosition + 1, howMany);
  }
  insertColumnBefore(beforePosition: number): Sheet {
    return this._insert('COLUMN', beforePosition, 1, false);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    return this._insert('COLUMN', beforePosition, howMany, false);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this._insert('COLUMN', columnIndex, numColumns);
  }
  deleteColumn(columnPosition: number): Sheet {
    this._delete('COLUMN', columnPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this._delete('COLUMN', columnPosition, howMany);
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this._insert('ROW', afterPosition + 1, 1);
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return this._insert('ROW', afterPosition + 1, howMany);
  }
  insertRowBefore(beforePosition: number): Sheet {
    return this._insert('ROW', beforePosition, 1, false);
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    return this._insert('ROW', beforePosition, howMany, false);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this._insert('ROW', rowIndex, numRows);
  }
  deleteRow(rowPosition: number): Sheet {
    this._delete('ROW', rowPosition, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this._delete('ROW', rowPosition, howMany);
  }
  moveColumns(columnSpec: Range, destinationIndex: number): void {
    if (columnSpec._sheetId !== this._sheetId) fail(this._ctx, 'The range must be on this sheet.');
    const s = this._s();
    if (destinationIndex < 1 || destinationIndex > s.maxCols + 1) fail(this._ctx, 'Those columns are out of bounds.');
    moveDim(this._ctx.model, s, 'COLUMN', columnSpec._col, columnSpec._numCols, destinationIndex);
  }
  moveRows(rowSpec: Range, destinationIndex: number): void {
    if (rowSpec._sheetId !== this._sheetId) fail(this._ctx, 'The range must be on this sheet.');
    const s = this._s();
    if (destinationIndex < 1 || destinationIndex > s.maxRows + 1) fail(this._ctx, 'Those rows are out of bounds.');
    moveDim(this._ctx.model, s, 'ROW', rowSpec._row, rowSpec._numRows, destinationIndex);
  }

  // ---- clearing ---------------------------------------------------------------------------------------------

  _all(): Range {
    const s = this._s();
    return new Range(this._ctx, this._sheetId, 1, 1, s.maxRows, s.maxCols);
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    if (!options?.contentsOnly) {
      clearSheetFormats(this._s(), 'fmt');
      clearSheetFormats(this._s(), 'wrap');
    }
    this._all()._eachExisting((cell) => {
      if (!options?.formatOnly) {
        cell.v = null;
        delete cell.f;
      }
      if (!options?.contentsOnly) delete cell.st;
    });
    return this;
  }
  clearContents(): Sheet {
    return this.clear({ contentsOnly: true });
  }
  clearFormats(): Sheet {
    return this.clear({ formatOnly: true });
  }
  clearNotes(): Sheet {
    this._all()._eachExisting((cell) => delete cell.note);
    return this;
  }

  // ---- metadata, protection, search -------------------------------------------------------------------------

  addDeveloperMetadata(key: string, a?: unknown, b?: unknown): Sheet {
    addMetadata(this._ctx, { type: 'SHEET', sheetId: this._sheetId }, key, a, b);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    return metadataAt(this._ctx, (loc) => loc.type === 'SHEET' && loc.sheetId === this._sheetId);
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this._ctx, { type: 'SHEET', sheetId: this._sheetId });
  }
  protect(): Protection {
    return addProtection(this._ctx, this._sheetId, 'SHEET');
  }
  getProtections(type: unknown): Protection[] {
    const t = enumName(type);
    return this._ctx.realm.array(
      this._s()
        .protections.filter((p) => p.type === t)
        .map((p) => new Protection(this._ctx, this._sheetId, p)),
    );
  }
  createTextFinder(text: string): TextFinder {
    return new TextFinder(this._ctx, [this._dataRange()], String(text));
  }
  _dataRange(): Range {
    const s = this._s();
    return new Range(this._ctx, this._sheetId, 1, 1, Math.max(1, lastRow(s)), Math.max(1, lastColumn(s)));
  }

  // ---- conditional formats ----------------------------------------------------------------------------------

  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this._ctx.realm.array(this._s().conditionalRules.map((r) => new ConditionalFormatRule(this._ctx, r, this._sheetId)));
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    // Replaces every rule of the sheet, as in Google.
    this._s().conditionalRules = Array.from(rules as ArrayLike<ConditionalFormatRule>, (r) => ({
      ...r._spec,
      values: [...r._spec.values],
      format: { ...r._spec.format },
      ranges: [...r._spec.ranges],
    }));
    touch(this._ctx.model);
  }
  clearConditionalFormatRules(): void {
    this._s().conditionalRules = [];
    touch(this._ctx.model);
  }

  // ---- charts -----------------------------------------------------------------------------------------------

  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this._ctx, this._sheetId);
  }
  insertChart(chart: EmbeddedChart): void {
    const spec = { ...chart._spec, chartId: nextId(this._ctx.model) };
    this._s().charts.push(JSON.parse(JSON.stringify(spec)));
    touch(this._ctx.model);
  }
  updateChart(chart: EmbeddedChart): void {
    const charts = this._s().charts;
    const i = charts.findIndex((c) => c.chartId === chart._spec.chartId);
    if (!chart._spec.chartId || i < 0) fail(this._ctx, 'The chart does not exist in this sheet.');
    charts[i] = JSON.parse(JSON.stringify(chart._spec));
    touch(this._ctx.model);
  }
  getCharts(): EmbeddedChart[] {
    return this._ctx.realm.array(this._s().charts.map((c) => new EmbeddedChart(this._ctx, this._sheetId, c)));
  }
  removeChart(chart: EmbeddedChart): void {
    const charts = this._s().charts;
    const i = charts.findIndex((c) => c.chartId === chart._spec.chartId);
    if (i >= 0) {
      charts.splice(i, 1);
      touch(this._ctx.model);
    }
  }
}
