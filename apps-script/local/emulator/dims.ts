// Inserting, deleting and moving rows or columns, with everything anchored to them (cells, developer metadata,
// column widths, column formats and validations, and on insertion or deletion the references of formulas) following,
// as in Google Sheets.

import type { Cell, ColumnRun, MetadataEntry, SheetModel, WorkbookModel } from './model';
import { FORMAT_PROPS, remapColumnRuns, touch } from './model';
import { referencesAfterDelete, referencesAfterInsert } from './references';

export type Dim = 'ROW' | 'COLUMN';

function dimEntries(model: WorkbookModel, sheet: SheetModel, dim: Dim) {
  return model.metadata.filter(
    (m): m is MetadataEntry & { location: { type: Dim; sheetId: number; start: number; count: number } } =>
      m.location.type === dim && m.location.sheetId === sheet.sheetId,
  );
}

function spliceCells(sheet: SheetModel, dim: Dim, index0: number, del: number, ins: number): void {
  if (dim === 'ROW') {
    if (sheet.cells.length > index0) sheet.cells.splice(index0, del, ...new Array<undefined>(ins));
    return;
  }
  for (const row of sheet.cells) if (row && row.length > index0) row.splice(index0, del, ...new Array<undefined>(ins));
}

function eachRun(sheet: SheetModel, f: (run: ColumnRun<unknown>, col: number, runs: Record<number, ColumnRun<unknown>>) => void): void {
  for (const runs of FORMAT_PROPS.map((prop) => sheet.colDefaults[prop]) as Array<Record<number, ColumnRun<unknown>>>)
    for (const [k, run] of Object.entries(runs)) f(run, Number(k), runs);
}

function remapRuns(sheet: SheetModel, f: (c: number) => number | null): void {
  for (const key of FORMAT_PROPS) {
    const out: Record<number, ColumnRun<never>> = {};
    for (const [k, run] of Object.entries(sheet.colDefaults[key])) {
      const c = f(Number(k));
      if (c !== null) out[c] = run as ColumnRun<never>;
    }
    sheet.colDefaults[key] = out;
  }
}

/**
 * Inserts `n` rows/columns so that the first new one has index `at` (1-based). New rows inside a column's formatted
 * tail are formatted; new rows right where it starts are when they inherit from the row after them (insertRowsBefore).
 * New columns start blank (cell formats are not copied either).
 */
export function insertDim(model: WorkbookModel, sheet: SheetModel, dim: Dim, at: number, n: number, inheritFromBefore = at > 1): void {
  spliceCells(sheet, dim, at - 1, 0, n);
  if (dim === 'ROW') {
    sheet.maxRows += n;
    eachRun(sheet, (run) => {
      if (run.fromRow > at || (run.fromRow === at && inheritFromBefore)) run.fromRow += n;
    });
  } else {
    sheet.maxCols += n;
    sheet.colWidths = remapKeys(sheet.colWidths, (c) => (c >= at ? c + n : c));
    remapRuns(sheet, (c) => (c >= at ? c + n : c));
  }
  for (const m of dimEntries(model, sheet, dim)) {
    const loc = m.location;
    if (loc.start >= at) loc.start += n;
    else if (loc.start + loc.count - 1 >= at) loc.count += n; // inserted inside the span: it grows
  }
  referencesAfterInsert(model, sheet, dim, at, n);
  touch(model);
}

export function deleteDim(model: WorkbookModel, sheet: SheetModel, dim: Dim, start: number, n: number): void {
  spliceCells(sheet, dim, start - 1, n, 0);
  const end = start + n - 1;
  if (dim === 'ROW') {
    sheet.maxRows -= n;
    eachRun(sheet, (run, col, runs) => {
      if (run.fromRow > end) run.fromRow -= n;
      else if (run.fromRow >= start) run.fromRow = start;
      if (run.fromRow > sheet.maxRows) delete runs[col];
    });
  } else {
    sheet.maxCols -= n;
    remapRuns(sheet, (c) => (c < start ? c : c > end ? c - n : null));
    const widths: Record<number, number> = {};
    for (const [k, v] of Object.entries(sheet.colWidths)) {
      const c = Number(k);
      if (c < start) widths[c] = v;
      else if (c > end) widths[c - n] = v;
    }
    sheet.colWidths = widths;
  }
  for (const m of dimEntries(model, sheet, dim)) {
    const loc = m.location;
    const s = loc.start;
    const e = loc.start + loc.count - 1;
    const removed = Math.max(0, Math.min(e, end) - Math.max(s, start) + 1);
    if (removed === loc.count) {
      // Metadata on deleted rows/columns is deleted with them.
      model.metadata.splice(model.metadata.indexOf(m), 1);
      continue;
    }
    loc.count -= removed;
    if (s > end) loc.start -= n;
    else if (s >= start) loc.start = start;
  }
  referencesAfterDelete(model, sheet, dim, start, n);
  touch(model);
}

/**
 * Moves rows/columns [start, start+n-1] so they sit before the row/column that was at `dest` before the move
 * (Sheet.moveColumns / moveRows semantics).
 */
export function moveDim(model: WorkbookModel, sheet: SheetModel, dim: Dim, start: number, n: number, dest: number): void {
  const max = dim === 'ROW' ? sheet.maxRows : sheet.maxCols;
  if (dest >= start && dest <= start + n) return;
  // order[newIndex - 1] = old index
  const rest: number[] = [];
  for (let i = 1; i <= max; i++) if (i < start || i >= start + n) rest.push(i);
  const block = Array.from({ length: n }, (_, k) => start + k);
  const insertAt = dest < start ? dest - 1 : dest - 1 - n;
  const order = [...rest.slice(0, insertAt), ...block, ...rest.slice(insertAt)];
  const newIndexOf = new Map<number, number>();
  order.forEach((old, i) => newIndexOf.set(old, i + 1));
  const permute = <T>(arr: Array<T | undefined>): Array<T | undefined> => {
    const out: Array<T | undefined> = [];
    order.forEach((old, i) => {
      const v = arr[old - 1];
      if (v !== undefined) out[i] = v;
    });
    return out;
  };
  if (dim === 'ROW') {
    sheet.cells = permute(sheet.cells);
    remapColumnRuns(sheet, (r) => order[r - 1]!);
  } else {
    sheet.cells = sheet.cells.map((row) => (row ? (permute(row) as Array<Cell | undefined>) : row));
    sheet.colWidths = remapKeys(sheet.colWidths, (c) => newIndexOf.get(c) ?? c);
    remapRuns(sheet, (c) => newIndexOf.get(c) ?? c);
  }
  for (const m of dimEntries(model, sheet, dim)) m.location.start = newIndexOf.get(m.location.start) ?? m.location.start;
  touch(model);
}

function remapKeys(obj: Record<number, number>, f: (k: number) => number): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [k, v] of Object.entries(obj)) out[f(Number(k))] = v;
  return out;
}
