/**
 * A spreadsheet file (.xlsx or .ods) as rows of text: its sheets' names, and the rows of the one asked for (the
 * first by default), each cell read with its type kept. A damaged file is an error that says so, never a crash.
 */
import { odsSheetNames, readOdsSheet } from './ods';
import { readXlsxSheet, xlsxSheetNames } from './xlsx';
import { ZipError, zipEntries } from './zip';

export interface SheetRows {
  /** Non-blank rows, each as long as its last filled cell. */
  rows: string[][];
  /** The spreadsheet row number of each row. */
  rowNumbers: number[];
}

export type SpreadsheetRead =
  | ({ ok: true; sheets: string[]; sheet: string } & SheetRows)
  | { ok: false; message: string };

/** `sheet`: a sheet's name (case and spaces ignored) or its position from 1; absent, the first sheet. */
export function readSpreadsheet(bytes: Uint8Array, format: 'xlsx' | 'ods', sheet?: string): SpreadsheetRead {
  const label = format === 'xlsx' ? 'Ce classeur Excel (.xlsx)' : 'Ce classeur OpenDocument (.ods)';
  try {
    const entries = zipEntries(bytes);
    const sheets = format === 'xlsx' ? xlsxSheetNames(bytes, entries) : odsSheetNames(bytes, entries);
    if (sheets.length === 0) return { ok: false, message: `${label} n’a aucune feuille visible. Ouvrez-le dans votre tableur et vérifiez qu’il contient les réponses.` };
    let index = 0;
    if (sheet !== undefined && sheet.trim() !== '') {
      const wanted = sheet.trim().toLowerCase();
      index = sheets.findIndex((name) => name.trim().toLowerCase() === wanted);
      if (index < 0 && /^\d+$/.test(wanted)) index = Number(wanted) - 1;
      if (index < 0 || index >= sheets.length) {
        return { ok: false, message: `Feuille « ${sheet} » introuvable dans ce classeur. Feuilles : ${sheets.map((s) => `« ${s} »`).join(', ')}.` };
      }
    }
    const read = format === 'xlsx' ? readXlsxSheet(bytes, entries, index) : readOdsSheet(bytes, entries, index);
    return { ok: true, sheets, sheet: sheets[index]!, ...read };
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    return { ok: false, message: `${label} est abîmé ou incomplet (${error.message}) : Repère ne peut pas le lire. Ouvrez-le dans votre tableur, enregistrez-le de nouveau, puis réimportez-le.` };
  }
}
