/**
 * Reads a sheet of an .xlsx (Office Open XML, as Excel, LibreOffice, Google Sheets and the survey tools write it)
 * into rows of text, keeping what each cell is: a number cell gives its number (« 3.5 »), a date cell its ISO date
 * (« 2024-01-10 », « 2024-01-10T08:00:00 ») from its serial and its format, a text cell its text as typed.
 */
import { attribute, decodeEntities, innerTexts, scanElements } from './xml';
import { entryText, streamEntryText, ZipError, type ZipEntry } from './zip';
import type { SheetRows } from './index';

/** Excel's built-in number formats that show a date or a time. */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_TIME = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56]);

type CellFormat = 'number' | 'date' | 'datetime' | 'time';

interface Workbook {
  sheets: Array<{ name: string; path: string }>;
  date1904: boolean;
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

function workbook(bytes: Uint8Array, entries: Map<string, ZipEntry>): Workbook {
  const book = entries.get('xl/workbook.xml');
  if (!book) throw new ZipError('xl/workbook.xml manquant');
  const xml = entryText(bytes, book);
  const rels = new Map<string, string>();
  const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
  if (relsEntry) {
    for (const tag of entryText(bytes, relsEntry).match(/<Relationship\b[^>]*>/g) ?? []) {
      const id = attribute(tag, 'Id');
      const target = attribute(tag, 'Target');
      if (id && target) rels.set(id, resolve('xl/workbook.xml', target));
    }
  }
  const sheets: Workbook['sheets'] = [];
  (xml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []).forEach((tag, i) => {
    const id = attribute(tag, 'r:id') ?? /\br:id="([^"]+)"/.exec(tag)?.[1] ?? /:id="([^"]+)"/.exec(tag)?.[1] ?? '';
    const path = rels.get(id) ?? `xl/worksheets/sheet${i + 1}.xml`;
    if (attribute(tag, 'state') !== 'hidden' && attribute(tag, 'state') !== 'veryHidden') sheets.push({ name: attribute(tag, 'name') ?? `Feuille ${i + 1}`, path });
  });
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(xml)?.[0] ?? '';
  const date1904 = /date1904="(1|true)"/.test(pr);
  return { sheets, date1904 };
}

/** Whether a format code shows a date, a time, or both (quoted text and [colours] left out). */
function codeFormat(code: string): CellFormat {
  const bare = code.replace(/"[^"]*"|\\.|\[(?!h\]|m\]|s\])[^\]]*\]/gi, '').toLowerCase();
  const date = /[dy]/.test(bare) || /(^|[^h:])m{3,}/.test(bare);
  const time = /[hs]/.test(bare);
  return date && time ? 'datetime' : date ? 'date' : time ? 'time' : 'number';
}

function styles(bytes: Uint8Array, entries: Map<string, ZipEntry>): CellFormat[] {
  const entry = entries.get('xl/styles.xml');
  if (!entry) return [];
  const xml = entryText(bytes, entry);
  const custom = new Map<number, CellFormat>();
  for (const tag of xml.match(/<(?:\w+:)?numFmt\b[^>]*>/g) ?? []) {
    const id = Number(attribute(tag, 'numFmtId'));
    custom.set(id, codeFormat(attribute(tag, 'formatCode') ?? ''));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(xml)?.[0] ?? '';
  return (xfs.match(/<(?:\w+:)?xf\b[^>]*>/g) ?? []).map((tag) => {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    return custom.get(id) ?? (BUILTIN_DATE.has(id) ? (id === 22 ? 'datetime' : 'date') : BUILTIN_TIME.has(id) ? 'time' : 'number');
  });
}

function sharedStrings(bytes: Uint8Array, entries: Map<string, ZipEntry>): string[] {
  const entry = entries.get('xl/sharedStrings.xml');
  if (!entry) return [];
  const out: string[] = [];
  const scanner = scanElements(['si'], (_name, xml) => out.push(unescapeOoxml(richText(xml))));
  streamEntryText(bytes, entry, (text) => scanner.push(text));
  scanner.end();
  return out;
}

/** The text of a shared or inline string: its runs, without the phonetic guides (rPh) of Japanese files. */
function richText(xml: string): string {
  return innerTexts(xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml, 't');
}

/** Excel writes characters XML cannot hold as _xHHHH_ (and a literal « _x » as _x005F_x). */
function unescapeOoxml(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An Excel serial as the ISO text of the date, date and time, or time of day it stands for (wall-clock time). */
export function serialText(serial: number, format: CellFormat, date1904: boolean): string {
  // Day 0 is 1899-12-30 once Excel's imaginary 1900-02-29 is behind (serial 60); 1904 workbooks count from 1904-01-01.
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  const ms = Math.round((days - 25569) * 86_400) * 1000;
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (format === 'time') {
    const seconds = Math.round(serial * 86_400);
    return serial >= 1 ? `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}` : time;
  }
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return format === 'date' ? date : `${date}T${time}`;
}

/** A number as a spreadsheet shows it at full precision: 15 significant digits, never an exponent for survey values. */
export function numberText(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  const rounded = Number(n.toPrecision(15));
  const text = String(rounded);
  return /e/i.test(text) && Math.abs(rounded) < 1e21 && Math.abs(rounded) >= 1e-6 ? rounded.toFixed(20).replace(/\.?0+$/, '') : text;
}

/** « AB » → 27: the column number of a cell reference. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

export function xlsxSheetNames(bytes: Uint8Array, entries: Map<string, ZipEntry>): string[] {
  return workbook(bytes, entries).sheets.map((s) => s.name);
}

/** The rows of the sheet at `index` (in the workbook's order, hidden sheets left out). */
export function readXlsxSheet(bytes: Uint8Array, entries: Map<string, ZipEntry>, index: number): SheetRows {
  const book = workbook(bytes, entries);
  const sheet = book.sheets[index];
  const entry = sheet && entries.get(sheet.path);
  if (!entry) throw new ZipError(`feuille ${index + 1} introuvable`);
  const formats = styles(bytes, entries);
  const strings = sharedStrings(bytes, entries);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let lastRow = 0;
  const scanner = scanElements(['row'], (_name, xml) => {
    const start = xml.indexOf('>');
    const r = Number(attribute(xml.slice(0, start + 1), 'r'));
    const rowNumber = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
    lastRow = rowNumber;
    const cells: string[] = [];
    let next = 0;
    let filled = false;
    CELL.lastIndex = 0;
    for (let m = CELL.exec(xml); m; m = CELL.exec(xml)) {
      const attrs = m[1]!;
      const ref = attribute(attrs, 'r');
      const column = ref ? columnOf(ref) - 1 : next;
      next = column + 1;
      const inner = m[2];
      if (inner === undefined) continue;
      const type = attribute(attrs, 't');
      let text: string;
      if (type === 'inlineStr') text = unescapeOoxml(richText(inner));
      else {
        const v = inner.indexOf('<v');
        const raw = v < 0 ? '' : decodeEntities(inner.slice(inner.indexOf('>', v) + 1, inner.indexOf('</v>', v)));
        if (raw === '') continue;
        if (type === 's') text = strings[Number(raw)] ?? '';
        else if (type === 'str' || type === 'e') text = unescapeOoxml(raw);
        else if (type === 'b') text = raw === '1' || raw === 'true' ? 'VRAI' : 'FAUX';
        else if (type === 'd') text = raw.replace(/(\.\d+)?Z$/, '');
        else {
          const format = formats[Number(attribute(attrs, 's') ?? 0)] ?? 'number';
          const n = Number(raw);
          text = format !== 'number' && Number.isFinite(n) && n >= 0 ? serialText(n, format, book.date1904) : numberText(raw);
        }
      }
      if (text === '') continue;
      while (cells.length < column) cells.push('');
      cells[column] = text;
      filled = true;
    }
    if (!filled) return;
    rows.push(cells);
    rowNumbers.push(rowNumber);
  });
  streamEntryText(bytes, entry, (text) => scanner.push(text));
  scanner.end();
  return { rows, rowNumbers };
}
