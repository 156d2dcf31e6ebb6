/**
 * A survey file's records, whatever it is: a text table (CSV, TSV, Excel's « Texte Unicode ») or a sheet of a
 * spreadsheet file (.xlsx, .ods; the first sheet unless another is asked for). Anything else is refused with a
 * French message that says what the file seems to be and what to do.
 */
import { fileKind, unreadableKind } from './file-kind';
import { readSurveyRecords, recordsFromRows, type RecordsRead } from './read-table';
import { readSpreadsheet } from './spreadsheet/index';

export interface FileOptions {
  /** A spreadsheet file's sheet: its name or its position from 1. */
  sheet?: string;
}

export function readSurveyFile(bytes: Uint8Array, options: FileOptions = {}): RecordsRead {
  const kind = fileKind(bytes);
  const refused = unreadableKind(kind);
  if (refused) return { ok: false, message: refused };
  if (kind === 'xlsx' || kind === 'ods') {
    const read = readSpreadsheet(bytes, kind, options.sheet);
    if (!read.ok) return read;
    return recordsFromRows(read.rows, read.rowNumbers, { format: kind, encoding: 'utf-8', delimiter: ',', sheets: read.sheets, sheet: read.sheet });
  }
  return readSurveyRecords(bytes);
}
