// What Sheets does to the references in every formula of the workbook when rows or columns are inserted or deleted,
// or a tab is renamed or deleted: a formula keeps naming the same cells (a range grows with rows inserted inside it
// and shrinks with rows deleted from it; what names only deleted cells becomes #REF!). Texts between quotes are left
// alone. Moving rows or columns (moveRows, moveColumns) does not rewrite references here: no script formula needs it.

import { columnIndex, columnLetter } from '../../../shared/sheet/a1';
import { quoteSheetName, splitSheet } from './a1';
import { REFERENCE } from './coercion';
import type { SheetModel, WorkbookModel } from './model';
import type { Dim } from './dims';

/** A reference's parts: where its sheet name ends, then each end's column and row with their « $ ». */
const PARTS = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?$/;

interface End {
  col: number;
  row: number;
  absCol: string;
  absRow: string;
}
interface Reference {
  /** The sheet's name as written (unquoted), or undefined for a cell of the formula's own sheet. */
  sheetName?: string;
  start: End;
  end?: End;
}

/** What a rewrite makes of a reference: the same one changed, or null when it names nothing left (#REF!). */
type Rewrite = (ref: Reference, own: SheetModel) => Reference | null;

function read(text: string): Reference | null {
  const { sheetName, range } = splitSheet(text);
  const m = PARTS.exec(range);
  if (!m) return null;
  const start = { absCol: m[1]!, col: columnIndex(m[2]!), absRow: m[3]!, row: Number(m[4]) };
  const end = m[6] ? { absCol: m[5]!, col: columnIndex(m[6]), absRow: m[7]!, row: Number(m[8]) } : undefined;
  return { ...(sheetName !== undefined && { sheetName }), start, ...(end && { end }) };
}

function write(ref: Reference): string {
  const cell = (e: End) => `${e.absCol}${columnLetter(e.col)}${e.absRow}${e.row}`;
  return `${ref.sheetName === undefined ? '' : `${quoteSheetName(ref.sheetName)}!`}${cell(ref.start)}${ref.end ? `:${cell(ref.end)}` : ''}`;
}

/** The formula with each reference outside its texts rewritten. */
function rewriteFormula(formula: string, own: SheetModel, rewrite: Rewrite): string {
  let out = '';
  for (let i = 0; i < formula.length; ) {
    const ch = formula[i]!;
    if (ch === '"') {
      // A text, "" standing for a quote inside it.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'" || /[A-Za-z_$]/.test(ch)) {
      const match = REFERENCE.exec(formula.slice(i));
      const ref = match ? read(match[0]) : null;
      if (match && ref) {
        const changed = rewrite(ref, own);
        out += changed ? write(changed) : '#REF!';
        i += match[0].length;
        continue;
      }
      // Anything else is read whole, so that no reference is looked for inside it: a function's name, or a quoted
      // name that is no reference.
      const word = /^(?:'(?:[^']|'')*'?|[\w.$]+)/.exec(formula.slice(i))![0];
      out += word;
      i += word.length;
      continue;
    }
    const number = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(formula.slice(i));
    if (number) {
      // 1E5 is a number, not the cell E5.
      out += number[0];
      i += number[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function eachFormula(model: WorkbookModel, rewrite: Rewrite): void {
  for (const sheet of model.sheets)
    for (const row of sheet.cells)
      for (const cell of row ?? []) if (cell?.f) cell.f = rewriteFormula(cell.f, sheet, rewrite);
}

const namesSheet = (ref: Reference, own: SheetModel, sheet: SheetModel) => (ref.sheetName === undefined ? own === sheet : ref.sheetName === sheet.name);

/** The end's index along `dim`, and a copy of it with another index. */
const at = (e: End, dim: Dim) => (dim === 'ROW' ? e.row : e.col);
const moved = (e: End, dim: Dim, index: number): End => (dim === 'ROW' ? { ...e, row: index } : { ...e, col: index });

/** `n` rows or columns inserted so that the first new one is at `index`. */
export function referencesAfterInsert(model: WorkbookModel, sheet: SheetModel, dim: Dim, index: number, n: number): void {
  const shift = (e: End) => (at(e, dim) >= index ? moved(e, dim, at(e, dim) + n) : e);
  eachFormula(model, (ref, own) => (namesSheet(ref, own, sheet) ? { ...ref, start: shift(ref.start), ...(ref.end && { end: shift(ref.end) }) } : ref));
}

/** Rows or columns `start`…`start + n - 1` deleted. */
export function referencesAfterDelete(model: WorkbookModel, sheet: SheetModel, dim: Dim, start: number, n: number): void {
  const last = start + n - 1;
  eachFormula(model, (ref, own) => {
    if (!namesSheet(ref, own, sheet)) return ref;
    const end = ref.end ?? ref.start;
    const [from, to] = [at(ref.start, dim), at(end, dim)];
    if (to < start) return ref;
    const newFrom = from < start ? from : from > last ? from - n : start;
    const newTo = to > last ? to - n : start - 1;
    if (newTo < newFrom) return null;
    return { ...ref, start: moved(ref.start, dim, newFrom), ...(ref.end && { end: moved(ref.end, dim, newTo) }) };
  });
}

/** A tab renamed from `before`: references to it take its new name. */
export function referencesAfterRename(model: WorkbookModel, before: string, after: string): void {
  eachFormula(model, (ref) => (ref.sheetName === before ? { ...ref, sheetName: after } : ref));
}

/** A tab deleted: references to it become #REF!. */
export function referencesAfterSheetDeleted(model: WorkbookModel, name: string): void {
  eachFormula(model, (ref) => (ref.sheetName === name ? null : ref));
}
