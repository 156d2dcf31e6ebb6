/** A tab as the text a person sees in its cells, up to its last cell with content (for the local page and tests). */
import { displayValue } from './emulator/coercion';
import { lastColumn, lastRow, numberFormatAt, type SheetModel, type WorkbookModel } from './emulator/model';
import { cellValue } from './emulator/range';

const BARS = '▁▂▃▄▅▆▇█';

/**
 * The emulation evaluates hardly any spreadsheet function; the dashboard's =SPARKLINE({…}) is drawn here with block
 * characters so the local page — and the .xlsx, where Excel and LibreOffice know no SPARKLINE — still show the curve
 * Sheets would draw.
 */
export function sparklineText(formula: string): string | null {
  const match = /^=SPARKLINE\(\{([-\d.,\s]*)\}\)$/i.exec(formula);
  if (!match) return null;
  const values = match[1]!.split(',').map(Number).filter(Number.isFinite);
  const low = Math.min(...values);
  const span = Math.max(...values) - low || 1;
  return values.map((v) => BARS[Math.round(((v - low) / span) * (BARS.length - 1))]).join('');
}

export function sheetAsText(model: WorkbookModel, sheet: SheetModel): string[][] {
  const width = lastColumn(sheet);
  return Array.from({ length: lastRow(sheet) }, (_, r) => rowAsText(model, sheet, r + 1, width));
}

/** One row (1-based) as text, up to its last cell or `width` cells. */
export function rowAsText(model: WorkbookModel, sheet: SheetModel, row: number, width = Infinity): string[] {
  // Array.from, not map: the cell grid is sparse, and a hole must come out as an empty text, not as null.
  return Array.from((sheet.cells[row - 1] ?? []).slice(0, width), (cell, c) =>
    !cell ? '' : (cell.f && sparklineText(cell.f)) || displayValue(cellValue(model, sheet, cell), numberFormatAt(sheet, row, c + 1, cell), model.locale, model.timeZone),
  );
}
