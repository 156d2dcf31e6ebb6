/**
 * Reads a survey export (bytes) into a table of headers and rows: decoding, delimiter detection, quoted fields with
 * line breaks, blank trailing lines. The source-specific understanding of the columns comes on top of this.
 */
import Papa from 'papaparse';
import { decodeBytes, type Encoding } from './decode';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface SurveyTable {
  encoding: Encoding;
  delimiter: Delimiter;
  headers: string[];
  /** One array per answer, as long as headers; the source row number is index + 2 (row 1 holds the headers). */
  rows: string[][];
}

export type TableRead = { ok: true; table: SurveyTable } | { ok: false; message: string };

export function readSurveyTable(bytes: Uint8Array): TableRead {
  const { text, encoding } = decodeBytes(bytes);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimitersToGuess: [...DELIMITERS],
    skipEmptyLines: 'greedy',
  });
  const data = parsed.data;
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    return { ok: false, message: `Ligne ${(fatal.row ?? 0) + 1} : guillemet non fermé. Vérifiez le fichier exporté, puis réessayez.` };
  }
  const headerRow = data[0];
  if (!headerRow || headerRow.every((h) => h.trim() === '')) {
    return { ok: false, message: 'Le fichier est vide : la première ligne doit contenir les intitulés des questions.' };
  }
  let width = headerRow.length;
  while (width > 0 && headerRow[width - 1]!.trim() === '' && data.every((r) => (r[width - 1] ?? '').trim() === '')) width--;
  const headers = uniqueHeaders(headerRow.slice(0, width));
  const rows = data.slice(1).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  const delimiter = (DELIMITERS as readonly string[]).includes(parsed.meta.delimiter) ? (parsed.meta.delimiter as Delimiter) : ',';
  return { ok: true, table: { encoding, delimiter, headers, rows } };
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
