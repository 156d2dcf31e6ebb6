/**
 * What a file given as a survey export is, from its first bytes: text (an export to read as CSV), a spreadsheet
 * (.xlsx and .ods go to the spreadsheet reader, see read-file.ts; .xls is refused with what to do: no maintained
 * library reads it in both the browser and Node), or something else binary (an image, a PDF, an archive, random
 * bytes), refused with a French message naming what it seems to be.
 */

export type SpreadsheetFormat = 'xlsx' | 'ods' | 'xls';
export type BinaryKind = 'png' | 'jpeg' | 'gif' | 'pdf' | 'zip' | 'office' | 'unknown';

export type FileKind =
  | { kind: 'text' }
  | { kind: 'spreadsheet'; format: SpreadsheetFormat }
  | { kind: 'binary'; what: BinaryKind };

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAGIC: ReadonlyArray<[BinaryKind, readonly number[]]> = [
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
];

/** Bytes read as Latin-1, for looking up ASCII names (zip entry names, OLE stream names) without decoding. */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

/** A zip names its entries in each entry's header and again in the directory at its end. */
function zipKind(bytes: Uint8Array): FileKind {
  const names = latin1(bytes.subarray(0, 65_536)) + latin1(bytes.subarray(Math.max(0, bytes.length - 65_536)));
  if (names.includes('application/vnd.oasis.opendocument.spreadsheet')) return { kind: 'spreadsheet', format: 'ods' };
  if (names.includes('xl/workbook.xml') || names.includes('xl/worksheets/')) return { kind: 'spreadsheet', format: 'xlsx' };
  return { kind: 'binary', what: 'zip' };
}

/** An OLE compound file is an old Office document; an Excel one has a « Workbook » (or « Book ») stream. */
function oleKind(bytes: Uint8Array): FileKind {
  const text = latin1(bytes.subarray(0, 4 * 1024 * 1024));
  const utf16 = (name: string) => name.split('').join('\u0000');
  return text.includes(utf16('Workbook')) || text.includes(utf16('Book\u0000')) ? { kind: 'spreadsheet', format: 'xls' } : { kind: 'binary', what: 'office' };
}

function isUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  // Without a byte order mark, NUL every other byte (as decode.ts reads it).
  return bytes.length >= 4 && ((bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0));
}

/** Whether the bytes are UTF-8 as far as `limit` (a sequence cut at the limit counts as valid). */
function looksUtf8(bytes: Uint8Array, limit: number): boolean {
  const end = Math.min(bytes.length, limit);
  for (let i = 0; i < end; ) {
    const b = bytes[i]!;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0) return false;
    for (let k = 1; k <= extra && i + k < end; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    i += extra + 1;
  }
  return true;
}

const SAMPLE = 65_536;

export function detectFileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP)) return zipKind(bytes);
  if (startsWith(bytes, OLE)) return oleKind(bytes);
  for (const [what, magic] of MAGIC) if (startsWith(bytes, magic)) return { kind: 'binary', what };
  if (isUtf16(bytes)) return { kind: 'text' };
  // No text export holds a NUL byte.
  if (bytes.indexOf(0) >= 0) return { kind: 'binary', what: 'unknown' };
  // Neither UTF-8 nor plausible Windows-1252 text: control characters that are not tab, line feed or carriage return.
  if (!looksUtf8(bytes, SAMPLE)) {
    let controls = 0;
    const end = Math.min(bytes.length, SAMPLE);
    for (let i = 0; i < end; i++) {
      const b = bytes[i]!;
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) controls++;
    }
    if (controls > end * 0.02) return { kind: 'binary', what: 'unknown' };
  }
  return { kind: 'text' };
}

const SPREADSHEET_NAMES: Record<SpreadsheetFormat, string> = {
  xlsx: 'un classeur Excel (.xlsx)',
  ods: 'un classeur LibreOffice (.ods)',
  xls: 'un classeur Excel ancien format (.xls)',
};

const BINARY_NAMES: Record<Exclude<BinaryKind, 'unknown'>, string> = {
  png: 'une image PNG',
  jpeg: 'une image JPEG',
  gif: 'une image GIF',
  pdf: 'un document PDF',
  zip: 'une archive ZIP',
  office: 'un document Office ancien format (.doc, .ppt…)',
};

/** Why a file that is not text cannot be read as a CSV export, and what to do instead (French). */
export function notSurveyTextMessage(kind: Exclude<FileKind, { kind: 'text' }>): string {
  if (kind.kind === 'spreadsheet') {
    const save = kind.format === 'xls' ? '« Classeur Excel (.xlsx) » ou ' : '';
    return (
      `Ce fichier est ${SPREADSHEET_NAMES[kind.format]}, pas un fichier CSV${kind.format === 'xls' ? ', et Repère ne lit pas cet ancien format' : ''}. ` +
      `Ouvrez-le dans LibreOffice ou Excel et enregistrez-le au format ${save}« CSV UTF-8 », puis importez ce fichier.`
    );
  }
  if (kind.what === 'unknown') {
    return 'Ce fichier n’est pas du texte (il contient des octets binaires) : ce n’est pas un export de réponses. Exportez les réponses depuis l’outil d’enquête au format CSV ou Excel (.xlsx), puis importez ce fichier.';
  }
  return `Ce fichier semble être ${BINARY_NAMES[kind.what]}, pas un export de réponses. Exportez les réponses depuis l’outil d’enquête au format CSV ou Excel (.xlsx), puis importez ce fichier.`;
}
