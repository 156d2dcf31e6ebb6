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
import type { Problem } from './types';

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
  encoding: Encoding;
  delimiter: Delimiter;
  /** The first record as written (blank cells kept blank), trailing empty columns removed. */
  rawHeaders: string[];
  /** rawHeaders made non-empty and unique. */
  headers: string[];
  /** Every non-blank record after the first, padded or cut to the header width. */
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
  let first = 0;
  while (first < data.length && isBlank(data[first]!)) first++;
  const headerRow = data[first];
  if (!headerRow) {
    return { ok: false, message: 'Le fichier est vide : la première ligne doit contenir les intitulés des questions.' };
  }
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let usedWidth = 0;
  for (let i = first + 1; i < data.length; i++) {
    const record = data[i]!;
    if (isBlank(record)) continue;
    rows.push(record);
    rowNumbers.push(i + 1);
    for (let c = record.length - 1; c >= usedWidth; c--) {
      if (record[c] !== '' && record[c]!.trim() !== '') {
        usedWidth = c + 1;
        break;
      }
    }
  }
  let width = headerRow.length;
  while (width > usedWidth && width > 0 && headerRow[width - 1]!.trim() === '') width--;
  const longer: number[] = [];
  const shorter: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const record = rows[i]!;
    if (record.length === width) continue;
    if (record.length > width) {
      if (!isBlank(record.slice(width))) longer.push(rowNumbers[i]!);
      rows[i] = record.slice(0, width);
    } else {
      shorter.push(rowNumbers[i]!);
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
    warnings.push({ row: longer[0]!, column: '', message: `${rowList(longer)} : plus de valeurs que d’intitulés (${width}) ; les valeurs en trop sont ignorées. ${check}` });
  }
  if (shorter.length > 0) {
    warnings.push({ row: shorter[0]!, column: '', message: `${rowList(shorter)} : moins de valeurs que d’intitulés (${width}) ; les cases manquantes restent vides. ${check}` });
  }
  if (windows1252Lines) warnings.push(mixedEncodingWarning(windows1252Lines));
  const mojibake = twiceConverted(text, rawHeaders, rows, rowNumbers);
  if (mojibake) warnings.push(mojibake);
  const replaced = replaceUnrepresentableCells(text, rawHeaders, rows, rowNumbers);
  if (replaced) warnings.push(replaced);
  return { ok: true, records: { encoding, delimiter, rawHeaders, headers: uniqueHeaders(rawHeaders), rows, rowNumbers, warnings } };
}

/** « Ligne 4 », « Lignes 4, 9 et 12 », « Lignes 4, 9, 12… et 37 autres ». */
export function rowList(rows: readonly number[]): string {
  if (rows.length === 1) return `Ligne ${rows[0]}`;
  const shown = rows.slice(0, 10);
  const more = rows.length - shown.length;
  return more > 0 ? `Lignes ${shown.join(', ')}… et ${more} autre(s)` : `Lignes ${shown.slice(0, -1).join(', ')} et ${shown.at(-1)}`;
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
function twiceConverted(text: string, headers: readonly string[], rows: readonly string[][], rowNumbers: readonly number[]): Problem | null {
  if (!TWICE_CONVERTED.test(text)) return null;
  const places: string[] = [];
  let first = 0;
  const scan = (cells: readonly string[], row: number) => {
    cells.forEach((cell, c) => {
      if (!TWICE_CONVERTED.test(cell)) return;
      if (first === 0) first = row;
      places.push(`ligne ${row}, colonne « ${headers[c]?.trim() || c + 1} »`);
    });
  };
  scan(headers, 1);
  rows.forEach((row, i) => scan(row, rowNumbers[i]!));
  if (places.length === 0) return null;
  return {
    row: first,
    column: '',
    message: `Accents mal convertis (« Ã© » au lieu de « é », « â€™ » au lieu de « ’ »…) : le fichier a sans doute été ouvert puis enregistré avec un mauvais encodage (${placeList(places)}). Exportez à nouveau depuis l’outil d’enquête, ou ouvrez le fichier en choisissant l’encodage UTF-8.`,
  };
}

/** Places in a message: the first ten, then how many more. */
function placeList(places: readonly string[]): string {
  return places.slice(0, 10).join(' ; ') + (places.length > 10 ? ` ; et ${places.length - 10} autre(s)` : '');
}

/**
 * Lone surrogates, U+FFFE and U+FFFF (a damaged file) cannot be written to any spreadsheet: replaced by « � » in the
 * headers and cells, in one warning naming the places. The whole text is tested first: almost every file has none.
 */
function replaceUnrepresentableCells(text: string, headers: string[], rows: string[][], rowNumbers: readonly number[]): Problem | null {
  if (!/[\uD800-\uDFFF\uFFFE\uFFFF]/.test(text)) return null;
  const places: string[] = [];
  let first = 0;
  const fix = (cells: string[], row: number) => {
    for (let c = 0; c < cells.length; c++) {
      const safe = replaceUnrepresentable(cells[c]!);
      if (safe.replaced === 0) continue;
      cells[c] = safe.text;
      if (first === 0) first = row;
      places.push(`ligne ${row}, colonne « ${headers[c]?.trim() || c + 1} »`);
    }
  };
  fix(headers, 1);
  rows.forEach((row, i) => fix(row, rowNumbers[i]!));
  if (places.length === 0) return null;
  return {
    row: first,
    column: '',
    message: `Des caractères illisibles (fichier abîmé ou mal converti) ne peuvent pas être gardés dans un tableur : remplacés par « � » (${placeList(places)}). Vérifiez ces réponses dans l’outil d’enquête et exportez à nouveau si besoin.`,
  };
}

/** A spreadsheet tab's values (header row first) as records: no decoding, no delimiter, nothing ragged. */
export function sheetRecords(values: readonly string[][]): SurveyRecords {
  const [header = [], ...rows] = values;
  return { encoding: 'utf-8', delimiter: ',', rawHeaders: header, headers: uniqueHeaders(header), rows, rowNumbers: rows.map((_, i) => i + 2), warnings: [] };
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
