/**
 * A survey file's records, whatever it is: a text table (CSV, TSV, Excel's « Texte Unicode ») or a sheet of a
 * spreadsheet file (.xlsx, .ods; the first sheet unless another is asked for). Anything else is refused with a
 * French message that says what the file seems to be and what to do (file-kind.ts).
 */
import { detectFileKind } from './file-kind';
import { readSurveyRecords, recordsFromRows, type RecordsRead } from './read-table';
import { readSpreadsheet } from './spreadsheet/index';

export interface FileOptions {
  /** A spreadsheet file's sheet: its name or its position from 1. */
  sheet?: string;
}

export function readSurveyFile(bytes: Uint8Array, options: FileOptions = {}): RecordsRead {
  const kind = detectFileKind(bytes);
  if (kind.kind === 'spreadsheet' && kind.format !== 'xls') {
    const read = readSpreadsheet(bytes, kind.format, options.sheet);
    if (!read.ok) return read;
    return recordsFromRows(read.rows, read.rowNumbers, { format: kind.format, encoding: 'utf-8', delimiter: ',', sheets: read.sheets, sheet: read.sheet });
  }
  // Text is read as a table; everything else is refused there, saying what it seems to be.
  return readSurveyRecords(bytes);
}
