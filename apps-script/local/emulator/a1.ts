// A1 notation: parsing "Sheet!A1:C3", "C:C", "3:5" into grid coordinates and printing them back.
import { columnIndex, columnLetter } from '../../../shared/sheet/a1';

export interface GridRef {
  sheetName?: string;
  row: number;
  col: number;
  /** null = to the end of the sheet (whole columns). */
  numRows: number | null;
  /** null = to the end of the sheet (whole rows). */
  numCols: number | null;
}

/** Splits "'My sheet'!A1:B2" into the sheet name (unquoted) and the range part. */
export function splitSheet(a1: string): { sheetName?: string; range: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { range: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, range: a1.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/** Parses an A1 range; returns null when it is not valid A1 notation. */
export function parseA1(a1: string): GridRef | null {
  const { sheetName, range } = splitSheet(a1.trim());
  const parts = range.split(':');
  if (parts.length > 2 || !parts[0]) return null;
  const a = parts[0];
  const b = parts[1] ?? parts[0];
  let m1 = CELL.exec(a);
  let m2 = CELL.exec(b);
  if (m1 && m2) {
    const c1 = columnIndex(m1[1]!);
    const c2 = columnIndex(m2[1]!);
    const r1 = Number(m1[2]);
    const r2 = Number(m2[2]);
    return { sheetName, row: Math.min(r1, r2), col: Math.min(c1, c2), numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
  }
  m1 = COL.exec(a);
  m2 = COL.exec(b);
  if (m1 && m2 && parts.length === 2) {
    const c1 = columnIndex(m1[1]!);
    const c2 = columnIndex(m2[1]!);
    return { sheetName, row: 1, col: Math.min(c1, c2), numRows: null, numCols: Math.abs(c2 - c1) + 1 };
  }
  m1 = ROW.exec(a);
  m2 = ROW.exec(b);
  if (m1 && m2 && parts.length === 2) {
    const r1 = Number(m1[1]);
    const r2 = Number(m2[1]);
    return { sheetName, row: Math.min(r1, r2), col: 1, numRows: Math.abs(r2 - r1) + 1, numCols: null };
  }
  return null;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
