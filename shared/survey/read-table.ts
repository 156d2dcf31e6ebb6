/**
 * Reads a survey export (bytes) into a table of headers and rows: decoding, delimiter sniffing, quoted fields with
 * line breaks, blank lines, trailing empty columns, rows with more or fewer values than headers (warned about), and
 * characters no spreadsheet can hold (replaced, warned about). The source-specific understanding of the columns comes
 * on top.
 */
import Papa from 'papaparse';
import { replaceUnrepresentable } from '../sheet/cell';
import { decodeBytes, windows1252Char, type Encoding } from './decode';
import { detectFileKind, notSurveyTextMessage } from './file-kind';
import { recognisedHeaders } from './sources/index';
import type { FileFormat, Problem } from './types';
import { dateParts, parseNumber } from './values';
import { count } from '../text/plural';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface SurveyTable {
  encoding: Encoding;
  delimiter: Delimiter;
  headers: string[];
  /** One array per answer, as long as headers; the source row number is index + 2 (row 1 holds the headers). */
  rows: string[][];
}

/** Every record of the file, with the row number a spreadsheet program would show for it. */
export interface SurveyRecords {
  format: FileFormat;
  encoding: Encoding;
  delimiter: Delimiter;
  /** For a spreadsheet file: its sheets and the one read. */
  sheets?: string[];
  sheet?: string;
  /** The row holding the headers (title rows and group headers above it are left out). */
  headerRow: number;
  /** The header row as written (blank cells kept blank), trailing empty columns removed. */
  rawHeaders: string[];
  /** rawHeaders made non-empty and unique. */
  headers: string[];
  /** Every non-blank record after the header row, padded or cut to the header width. */
  rows: string[][];
  /** rowNumbers[i] is the spreadsheet row of rows[i] (the header is row 1; a blank line still counts as a row). */
  rowNumbers: number[];
  /** What was read but may not be what the file meant: ragged rows, replaced characters. */
  warnings: Problem[];
}

export type TableRead = { ok: true; table: SurveyTable } | { ok: false; message: string };
export type RecordsRead = { ok: true; records: SurveyRecords } | { ok: false; message: string };

const SAMPLE_CHARS = 65_536;
const SAMPLE_ROWS = 50;
/** Rows looked at for the header row: title rows and group headers sit above it. */
const HEADER_SEARCH = 10;

/**
 * Picks the delimiter that gives the header row several columns and the most rows of that same width. Quoted fields
 * are parsed as such for each candidate, so « Oui, souvent » inside quotes in a `;` file cannot pass for a comma split.
 */
export function sniffDelimiter(text: string): Delimiter {
  let sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (text.length > SAMPLE_CHARS) {
    const lastBreak = sample.lastIndexOf('\n');
    if (lastBreak > 0) sample = sample.slice(0, lastBreak);
  }
  let best: Delimiter = ',';
  let bestScore = -Infinity;
  for (const delimiter of DELIMITERS) {
    const parsed = Papa.parse<string[]>(sample, { delimiter, preview: SAMPLE_ROWS, skipEmptyLines: 'greedy' });
    const records = parsed.data;
    const width = records[0]?.length ?? 0;
    if (width < 2) continue;
    const body = records.slice(1);
    const same = body.filter((r) => r.length === width).length;
    const consistency = body.length === 0 ? 1 : same / body.length;
    const score = consistency * 1_000 + Math.min(width, 500) / 1_000 - parsed.errors.length;
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}

export function readSurveyRecords(bytes: Uint8Array): RecordsRead {
  const kind = detectFileKind(bytes);
  if (kind.kind !== 'text') return { ok: false, message: notSurveyTextMessage(kind) };
  const { text: decoded, encoding, windows1252Lines } = decodeBytes(bytes);
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const delimiter = sniffDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    return { ok: false, message: `Ligne ${(fatal.row ?? 0) + 1} : guillemet non fermé. Vérifiez le fichier exporté, puis réessayez.` };
  }
  const data = parsed.data;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = 0; i < data.length; i++) {
    if (isBlank(data[i]!)) continue;
    rows.push(data[i]!);
    rowNumbers.push(i + 1);
  }
  return recordsFromRows(rows, rowNumbers, { format: 'csv', encoding, delimiter }, { text, ...(windows1252Lines && { windows1252Lines }) });
}

/**
 * Records from non-blank rows and their row numbers, whatever the file: the header row found, the width set by the
 * headers and the cells used, short rows padded. A text file's rows longer or shorter than its headers are warned
 * about (a delimiter too many or too few); a spreadsheet's are not (its blank cells are simply not written).
 */
export function recordsFromRows(
  data: string[][],
  numbers: number[],
  meta: Pick<SurveyRecords, 'format' | 'encoding' | 'delimiter' | 'sheets' | 'sheet'>,
  decoded?: { text: string; windows1252Lines?: number[] },
): RecordsRead {
  const first = headerRowIndex(data);
  const headerRow = data[first];
  if (!headerRow) {
    return { ok: false, message: 'Le fichier est vide : la première ligne doit contenir les intitulés des questions.' };
  }
  const textFile = meta.format === 'csv';
  const rows = data.slice(first + 1);
  const rowNumbers = numbers.slice(first + 1);
  let usedWidth = 0;
  for (const record of rows) {
    for (let c = record.length - 1; c >= usedWidth; c--) {
      if (record[c] !== '' && record[c]!.trim() !== '') {
        usedWidth = c + 1;
        break;
      }
    }
  }
  let width = textFile ? headerRow.length : Math.max(headerRow.length, usedWidth);
  while (width > usedWidth && width > 0 && (headerRow[width - 1] ?? '').trim() === '') width--;
  const longer: number[] = [];
  const shorter: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const record = rows[i]!;
    if (record.length === width) continue;
    if (record.length > width) {
      if (!isBlank(record.slice(width))) longer.push(rowNumbers[i]!);
      rows[i] = record.slice(0, width);
    } else {
      if (textFile) shorter.push(rowNumbers[i]!);
      const padded = record.slice();
      while (padded.length < width) padded.push('');
      rows[i] = padded;
    }
  }
  const rawHeaders = headerRow.slice(0, width);
  while (rawHeaders.length < width) rawHeaders.push('');
  const warnings: Problem[] = [];
  const check = 'Vérifiez ces lignes dans le fichier : un séparateur ou un guillemet en trop ou en moins décale les réponses.';
  if (longer.length > 0) {
    warnings.push({ row: longer[0]!, column: '', kind: 'ragged', message: `${rowList(longer)} : plus de valeurs que d’intitulés (${width}) ; les valeurs en trop sont ignorées. ${check}` });
  }
  if (shorter.length > 0) {
    warnings.push({ row: shorter[0]!, column: '', kind: 'ragged', message: `${rowList(shorter)} : moins de valeurs que d’intitulés (${width}) ; les cases manquantes restent vides. ${check}` });
  }
  if (decoded?.windows1252Lines) warnings.push(mixedEncodingWarning(decoded.windows1252Lines));
  const mojibake = twiceConverted(decoded?.text, rawHeaders, rows, rowNumbers, numbers[first]!);
  if (mojibake) warnings.push(mojibake);
  const replaced = replaceUnrepresentableCells(decoded?.text, rawHeaders, rows, rowNumbers, numbers[first]!);
  if (replaced) warnings.push(replaced);
  return { ok: true, records: { ...meta, headerRow: numbers[first]!, rawHeaders, headers: uniqueHeaders(rawHeaders), rows, rowNumbers, warnings } };
}

const filled = (row: readonly string[]) => row.reduce((n, cell) => (cell.trim() === '' ? n : n + 1), 0);

/** A row of headers: several texts, none a number or a date, no two the same. */
function headerLike(row: readonly string[]): boolean {
  const cells = row.map((c) => c.trim()).filter((c) => c !== '');
  return cells.length >= 2 && new Set(cells).size === cells.length && cells.every((c) => parseNumber(c) === null && dateParts(c) === null);
}

/**
 * Which of the first rows holds the headers: the first one a survey tool's profile recognises; else the row below a
 * title (one filled cell over a wider row of headers) or below group headers (a sparse row over a full row of
 * headers, as Kobo and hand-made sheets write them); else the first row.
 */
export function headerRowIndex(rows: readonly string[][]): number {
  const last = Math.min(rows.length, HEADER_SEARCH);
  for (let i = 0; i < last; i++) {
    const sample = rows.slice(i + 1, i + 21);
    if (recognisedHeaders(rows[i]!, sample)) return i;
  }
  let at = 0;
  while (at + 1 < last) {
    const here = filled(rows[at]!);
    const next = rows[at + 1]!;
    const wide = filled(next);
    const title = here <= 1 && wide >= 3;
    const groups = here >= 2 && here <= wide / 2 && at + 2 < rows.length;
    if (!(title || groups) || !headerLike(next)) break;
    at++;
  }
  return at;
}
/** « Ligne 4 », « Lignes 4, 9 et 12 », « Lignes 4, 9, 12… et 37 autres ». */
export function rowList(rows: readonly number[]): string {
  if (rows.length === 1) return `Ligne ${rows[0]}`;
  const shown = rows.slice(0, 10);
  const more = rows.length - shown.length;
  return more > 0 ? `Lignes ${shown.join(', ')}… et ${count(more, 'autre', 'autres')}` : `Lignes ${shown.slice(0, -1).join(', ')} et ${shown.at(-1)}`;
}

function mixedEncodingWarning(lines: readonly number[]): Problem {
  const list = rowList(lines).replace(/^Lignes? /, '');
  const which = lines.length === 1 ? `la ligne ${list} du fichier est` : `les lignes ${list} du fichier sont`;
  return {
    row: 0,
    column: '',
    message: `Ce fichier mélange deux encodages : ${which} en Windows-1252 (Excel), les autres en UTF-8. Chaque ligne a été lue dans le sien ; vérifiez les accents de ces lignes, et enregistrez le fichier entier en « CSV UTF-8 » si l’un est faux.`,
  };
}

/**
 * UTF-8 read as Windows-1252 and saved again: « é » (C3 A9) becomes « Ã© », « ’ » (E2 80 99) « â€™ ». Such text is
 * valid, so only its look gives it away: « Ã » or « Â » followed by what Windows-1252 makes of a UTF-8 continuation
 * byte, or « â€ ».
 */
const TWICE_CONVERTED = new RegExp(
  `[ÃÂ][${Array.from({ length: 0x40 }, (_, i) => String.fromCharCode(windows1252Char(0x80 + i))).join('').replace(/[\]\\^-]/g, '\\$&')}]|â€`,
);

/** Where a file holds accents converted twice: one warning, naming the cells (the whole text is tested first). */
function twiceConverted(text: string | undefined, headers: string[], rows: string[][], rowNumbers: readonly number[], headerRow: number): Problem | null {
  // Most files hold none of « Ã », « Â », « â€ »: three plain searches spare the pattern over the whole text.
  if (text !== undefined && ((text.indexOf('Ã') < 0 && text.indexOf('Â') < 0 && text.indexOf('â€') < 0) || !TWICE_CONVERTED.test(text))) return null;
  const { first, places } = placesWhere(headers, rows, rowNumbers, headerRow, (cells, c) => TWICE_CONVERTED.test(cells[c]!));
  if (places.length === 0) return null;
  return {
    row: first,
    column: '',
    message: `Accents mal convertis (« Ã© » au lieu de « é », « â€™ » au lieu de « ’ »…) : le fichier a sans doute été ouvert puis enregistré avec un mauvais encodage (${placeList(places)}). Exportez à nouveau depuis l’outil d’enquête, ou ouvrez le fichier en choisissant l’encodage UTF-8.`,
  };
}

/** The cells (headers included) where `hit` answers true, named « ligne R, colonne « C » », and the first one's row. */
function placesWhere(headers: string[], rows: string[][], rowNumbers: readonly number[], headerRow: number, hit: (cells: string[], c: number) => boolean): { first: number; places: string[] } {
  const places: string[] = [];
  let first = 0;
  const visit = (cells: string[], row: number) => {
    for (let c = 0; c < cells.length; c++) {
      if (!hit(cells, c)) continue;
      if (first === 0) first = row;
      places.push(`ligne ${row}, colonne « ${headers[c]?.trim() || c + 1} »`);
    }
  };
  visit(headers, headerRow);
  rows.forEach((row, i) => visit(row, rowNumbers[i]!));
  return { first, places };
}

/** Places in a message: the first ten, then how many more. */
function placeList(places: readonly string[]): string {
  return places.slice(0, 10).join(' ; ') + (places.length > 10 ? ` ; et ${count(places.length - 10, 'autre', 'autres')}` : '');
}

/**
 * Lone surrogates, U+FFFE and U+FFFF (a damaged file) cannot be written to any spreadsheet: replaced by « � » in the
 * headers and cells, in one warning naming the places. The whole text is tested first: almost every file has none.
 */
function replaceUnrepresentableCells(text: string | undefined, headers: string[], rows: string[][], rowNumbers: readonly number[], headerRow: number): Problem | null {
  if (text !== undefined && !/[\uD800-\uDFFF\uFFFE\uFFFF]/.test(text)) return null;
  const { first, places } = placesWhere(headers, rows, rowNumbers, headerRow, (cells, c) => {
    const safe = replaceUnrepresentable(cells[c]!);
    cells[c] = safe.text;
    return safe.replaced > 0;
  });
  if (places.length === 0) return null;
  return {
    row: first,
    column: '',
    kind: 'replaced-characters',
    message: `Des caractères illisibles (fichier abîmé ou mal converti) ne peuvent pas être gardés dans un tableur : remplacés par « � » (${placeList(places)}). Vérifiez ces réponses dans l’outil d’enquête et exportez à nouveau si besoin.`,
  };
}

/** A tab of this spreadsheet (its values, header row first): no decoding, no delimiter, nothing ragged. */
export function sheetRecords(values: readonly string[][]): RecordsRead {
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  values.forEach((row, i) => {
    if (isBlank(row)) return;
    rows.push(row.slice());
    rowNumbers.push(i + 1);
  });
  return recordsFromRows(rows, rowNumbers, { format: 'tab', encoding: 'utf-8', delimiter: ',' });
}

export function readSurveyTable(bytes: Uint8Array): TableRead {
  const read = readSurveyRecords(bytes);
  if (!read.ok) return read;
  const { encoding, delimiter, headers, rows } = read.records;
  return { ok: true, table: { encoding, delimiter, headers, rows } };
}

function isBlank(record: readonly string[]): boolean {
  for (const cell of record) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}

/** Every column gets a non-empty, unique name: « Colonne 3 » for a blank header, « Âge (2) » for a repeated one. */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h.trim() || `Colonne ${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
