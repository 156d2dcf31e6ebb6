/**
 * What a survey file is, from its first bytes: a text table (CSV, TSV, Excel's « Texte Unicode »), a spreadsheet
 * (.xlsx, .ods), or something no survey tool exports (an old .xls, a PDF, a picture, an archive, binary data). The one
 * place the import decides which reader a file goes to, and the French message for what it cannot read.
 */

export type FileKind = 'text' | 'xlsx' | 'ods' | 'xls' | 'zip' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'binary';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** Whether the zip's bytes name an entry (local headers store names in clear). */
function names(bytes: Uint8Array, name: string): boolean {
  const wanted = ascii(name);
  const end = bytes.length - wanted.length;
  for (let i = 0; i <= end; i++) {
    if (bytes[i] === wanted[0] && startsWith(bytes, wanted, i)) return true;
  }
  return false;
}

export function fileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // OpenDocument stores its mimetype first, uncompressed; an .xlsx names xl/workbook.xml in its entries.
    if (names(bytes.subarray(0, 200), 'application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    if (names(bytes, 'xl/workbook.xml')) return 'xlsx';
    if (names(bytes, 'content.xml') && names(bytes, 'META-INF/manifest.xml')) return 'ods';
    return 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (startsWith(bytes, ascii('%PDF'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF8'))) return 'gif';
  return looksBinary(bytes) ? 'binary' : 'text';
}

/** NUL bytes outside UTF-16 text, or many control characters: not a text table. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff) || (sample.length >= 4 && (sample[1] === 0 || sample[0] === 0) && sample[2] !== 0);
  if (utf16) return false;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return sample.length > 0 && control > sample.length * 0.05;
}

/** Why a file of this kind cannot be imported, and what to do: null when it can. */
export function unreadableKind(kind: FileKind): string | null {
  switch (kind) {
    case 'xls':
      return 'Ce fichier est un classeur Excel ancien (.xls, Excel 97-2003), que Repère ne lit pas. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx (ou exportez de nouveau les réponses en .xlsx ou .csv), puis importez ce fichier.';
    case 'zip':
      return 'Ce fichier est une archive .zip, pas un export de réponses. Décompressez-la et importez le fichier .csv, .xlsx ou .ods qu’elle contient.';
    case 'pdf':
      return 'Ce fichier est un PDF : un rapport, pas les réponses. Dans l’outil d’enquête, exportez les réponses en .csv ou .xlsx, puis importez ce fichier.';
    case 'png':
    case 'jpeg':
    case 'gif':
      return 'Ce fichier est une image, pas un export de réponses. Dans l’outil d’enquête, exportez les réponses en .csv ou .xlsx, puis importez ce fichier.';
    case 'binary':
      return 'Ce fichier n’est ni un tableau texte (.csv) ni un classeur (.xlsx, .ods) : Repère ne peut pas le lire. Exportez de nouveau les réponses en .csv ou .xlsx, puis importez ce fichier.';
    default:
      return null;
  }
}
