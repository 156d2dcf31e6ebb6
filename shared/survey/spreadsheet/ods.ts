/**
 * Reads a sheet of an .ods (OpenDocument, as LibreOffice and Google Sheets write it) into rows of text, keeping what
 * each cell is: a number cell its number (« 3.5 »), a date cell its ISO date, a text cell its paragraphs as typed.
 * Repeated rows and cells (LibreOffice writes a blank sheet's million rows as one repeated row) are expanded only
 * where they hold something.
 */
import { attribute, decodeEntities, scanElements } from './xml';
import { numberText } from './xlsx';
import { ZipError, streamEntryText, type ZipEntry } from './zip';
import type { SheetRows } from './index';

/** Repeated blank cells or rows beyond this are the sheet's unused area. */
const REPEAT_CAP = 1_000;

function content(entries: Map<string, ZipEntry>): ZipEntry {
  const entry = entries.get('content.xml');
  if (!entry) throw new ZipError('content.xml manquant');
  return entry;
}

/** The text of a string cell: its paragraphs one per line, spaces, tabs and line breaks as written. */
function cellText(xml: string): string {
  const paragraphs: string[] = [];
  const re = /<text:(p|h)\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:\1>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const inner = m[2] ?? '';
    paragraphs.push(
      decodeEntities(
        inner
          .replace(/<text:s\b[^>]*?\/>/g, (tag) => ' '.repeat(Math.max(1, Number(attribute(tag, 'text:c') ?? 1))))
          .replace(/<text:tab\b[^>]*?\/>/g, '\t')
          .replace(/<text:line-break\b[^>]*?\/>/g, '\n')
          .replace(/<text:note\b[\s\S]*?<\/text:note>/g, '')
          .replace(/<[^>]+>/g, ''),
      ),
    );
  }
  return paragraphs.join('\n');
}

function valueOf(tag: string, xml: string): string {
  switch (attribute(tag, 'office:value-type')) {
    case 'float':
    case 'percentage':
    case 'currency':
      return numberText(attribute(tag, 'office:value') ?? '');
    case 'date':
      return (attribute(tag, 'office:date-value') ?? '').replace(/(\.\d+)?Z?$/, '').replace(/T00:00:00$/, '');
    case 'time': {
      const m = /^-?PT(\d+)H(\d+)M(\d+)/.exec(attribute(tag, 'office:time-value') ?? '');
      return m ? `${m[1]!.padStart(2, '0')}:${m[2]!.padStart(2, '0')}:${m[3]!.padStart(2, '0')}` : cellText(xml);
    }
    case 'boolean':
      return attribute(tag, 'office:boolean-value') === 'true' ? 'VRAI' : 'FAUX';
    default:
      return attribute(tag, 'office:string-value') ?? cellText(xml);
  }
}

function cells(rowXml: string): string[] {
  const out: string[] = [];
  const re = /<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g;
  let pendingBlank = 0;
  for (let m = re.exec(rowXml); m; m = re.exec(rowXml)) {
    const tag = `<c${m[1]!}>`;
    const repeat = Math.max(1, Number(attribute(tag, 'table:number-columns-repeated') ?? 1));
    const text = m[2] === undefined && !/office:value-type/.test(tag) ? '' : valueOf(tag, m[2] ?? '');
    if (text === '') {
      pendingBlank += repeat;
      continue;
    }
    for (let k = 0; k < pendingBlank; k++) out.push('');
    pendingBlank = 0;
    for (let k = 0; k < Math.min(repeat, REPEAT_CAP); k++) out.push(text);
  }
  return out;
}

/** The sheets' names, in order. */
export function odsSheetNames(bytes: Uint8Array, entries: Map<string, ZipEntry>): string[] {
  const names: string[] = [];
  const scanner = scanElements([], () => undefined, ['table:table'], (_name, tag) => names.push(attribute(tag, 'table:name') ?? `Feuille ${names.length + 1}`));
  streamEntryText(bytes, content(entries), (text) => scanner.push(text));
  scanner.end();
  return names;
}

export function readOdsSheet(bytes: Uint8Array, entries: Map<string, ZipEntry>, index: number): SheetRows {
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let table = -1;
  let rowNumber = 0;
  const scanner = scanElements(
    ['table:table-row'],
    (_name, xml) => {
      if (table !== index) return;
      const tag = xml.slice(0, xml.indexOf('>') + 1);
      const repeat = Math.max(1, Number(attribute(tag, 'table:number-rows-repeated') ?? 1));
      const values = cells(xml);
      if (values.length === 0) {
        rowNumber += repeat;
        return;
      }
      for (let k = 0; k < Math.min(repeat, REPEAT_CAP); k++) {
        rows.push(k === 0 ? values : values.slice());
        rowNumbers.push(++rowNumber);
      }
    },
    ['table:table'],
    () => {
      table++;
      rowNumber = 0;
    },
  );
  streamEntryText(bytes, content(entries), (text) => scanner.push(text));
  scanner.end();
  if (table < index) throw new ZipError(`feuille ${index + 1} introuvable`);
  return { rows, rowNumbers };
}
