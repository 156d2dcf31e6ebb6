/**
 * Turns the bytes of a survey export into text, without calling TextDecoder itself (absent from Apps Script): UTF-8
 * with or without BOM, UTF-16 LE/BE with BOM (Excel's « Texte Unicode »), Windows-1252 (French Excel CSV) when the
 * bytes are not valid UTF-8, and a file mixing the two (rows added in Excel to a UTF-8 export), read sequence by
 * sequence.
 */
import { strFromU8 } from 'fflate';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'utf-8+windows-1252';

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** For a file mixing UTF-8 and Windows-1252: the lines of the file (from 1) holding Windows-1252 bytes. */
  windows1252Lines?: number[];
}

/** Windows-1252 code points for bytes 0x80–0x9F; the rest of the range maps to itself (Latin-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

const CHUNK = 8192;

/** Turns UTF-16 code units into a string a slice at a time (apply has an argument limit). */
function fromUnits(units: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(i + CHUNK, length)) as unknown as number[]));
  }
  return parts.join('');
}

/** Whether the bytes from `start` are valid UTF-8 (no overlong form, no surrogate, nothing past U+10FFFF). */
function validUtf8(bytes: Uint8Array, start: number): boolean {
  const end = bytes.length;
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let cp: number;
    let extra: number;
    if (b >= 0xc2 && b < 0xe0) { cp = b & 0x1f; extra = 1; }
    else if (b >= 0xe0 && b < 0xf0) { cp = b & 0x0f; extra = 2; }
    else if (b >= 0xf0 && b < 0xf5) { cp = b & 0x07; extra = 3; }
    else return false;
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (next & 0x3f);
    }
    if ((extra === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (extra === 3 && (cp < 0x10000 || cp > 0x10ffff))) return false;
    i += extra + 1;
  }
  return true;
}

/**
 * Strict UTF-8 decoding; null when the bytes are not valid UTF-8. Checked here, decoded by fflate (the platform's
 * native decoder where there is one, its own code elsewhere): the same text either way, several times faster.
 */
function decodeUtf8(bytes: Uint8Array, start: number): string | null {
  return validUtf8(bytes, start) ? strFromU8(start === 0 ? bytes : bytes.subarray(start)) : null;
}

function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const length = (bytes.length - start) >> 1;
  const units = new Uint16Array(length);
  for (let u = 0, i = start; u < length; u++, i += 2) {
    units[u] = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  }
  return fromUnits(units, length);
}

/** The character Windows-1252 gives a byte. */
export function windows1252Char(b: number): number {
  return b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
}

/** Length of the valid UTF-8 sequence of more than one byte starting at `i`, or 0. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const extra = b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : 0;
  if (extra === 0) return 0;
  let cp = b & (extra === 1 ? 0x1f : extra === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= extra; k++) {
    const next = bytes[i + k];
    if (next === undefined || (next & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (next & 0x3f);
  }
  if ((extra === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (extra === 3 && (cp < 0x10000 || cp > 0x10ffff))) return 0;
  return extra + 1;
}

/**
 * Not valid UTF-8: Windows-1252, unless some of it is UTF-8 after all — then each valid UTF-8 sequence is read as
 * UTF-8 and every other byte as Windows-1252, and the lines holding the latter are named.
 */
function decodeNotUtf8(bytes: Uint8Array, start: number): DecodedText {
  const units = new Uint16Array(bytes.length);
  let n = 0;
  let line = 1;
  let utf8 = 0;
  const lines: number[] = [];
  for (let i = start; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    if (b < 0x80) {
      units[n++] = b;
      i++;
      continue;
    }
    const length = utf8SequenceAt(bytes, i);
    if (length > 0) {
      utf8++;
      let cp = b & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
      for (let k = 1; k < length; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f);
      if (cp >= 0x10000) {
        cp -= 0x10000;
        units[n++] = 0xd800 + (cp >> 10);
        units[n++] = 0xdc00 + (cp & 0x3ff);
      } else units[n++] = cp;
      i += length;
      continue;
    }
    units[n++] = windows1252Char(b);
    if (lines[lines.length - 1] !== line) lines.push(line);
    i++;
  }
  const text = fromUnits(units, n);
  return utf8 > 0 ? { text, encoding: 'utf-8+windows-1252', windows1252Lines: lines } : { text, encoding: 'windows-1252' };
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, 2, true), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, 2, false), encoding: 'utf-16be' };
  // « Texte Unicode » always carries a BOM; without one, NULs every other byte still give UTF-16 away.
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return { text: decodeUtf16(bytes, 0, true), encoding: 'utf-16le' };
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return { text: decodeUtf16(bytes, 0, false), encoding: 'utf-16be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const utf8 = decodeUtf8(bytes, bom);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return decodeNotUtf8(bytes, bom);
}
