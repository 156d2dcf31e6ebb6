/**
 * Reading the entries of a .xlsx or .ods (both are zip archives) without holding a whole inflated sheet in memory:
 * the central directory says where each entry is; an entry is inflated (fflate) and decoded a slice at a time.
 */
import { DecodeUTF8, Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Where the entry's local header starts. */
  offset: number;
}

export class ZipError extends Error {}

const SLICE = 1 << 20;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

function name(bytes: Uint8Array, from: number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(bytes[from + i]!);
  // Entry names of spreadsheet files are ASCII; anything else is only compared, never shown.
  return out;
}

/** The entries listed in the archive's central directory. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('archive incomplète');
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipError('répertoire de l’archive illisible');
    const nameLength = u16(bytes, at + 28);
    const entry = { name: name(bytes, at + 46, nameLength), method: u16(bytes, at + 10), compressedSize: u32(bytes, at + 20), offset: u32(bytes, at + 42) };
    entries.set(entry.name, entry);
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

function data(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.offset;
  if (u32(bytes, at) !== 0x04034b50) throw new ZipError(`entrée ${entry.name} illisible`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipError(`entrée ${entry.name} tronquée`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Feeds the entry's text to `onText` a slice at a time, in order. */
export function streamEntryText(bytes: Uint8Array, entry: ZipEntry, onText: (text: string) => void): void {
  const decoder = new DecodeUTF8((text) => {
    if (text !== '') onText(text);
  });
  const raw = data(bytes, entry);
  if (entry.method === 0) {
    for (let i = 0; i < raw.length; i += SLICE) decoder.push(raw.subarray(i, Math.min(i + SLICE, raw.length)), i + SLICE >= raw.length);
    if (raw.length === 0) decoder.push(new Uint8Array(0), true);
    return;
  }
  if (entry.method !== 8) throw new ZipError(`compression ${entry.method} inconnue`);
  const inflate = new Inflate((chunk, final) => decoder.push(chunk, final));
  try {
    for (let i = 0; i < raw.length; i += SLICE) inflate.push(raw.subarray(i, Math.min(i + SLICE, raw.length)), i + SLICE >= raw.length);
    if (raw.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    throw new ZipError(`entrée ${entry.name} abîmée (${(error as Error).message})`);
  }
}

/** A small entry's whole text (the workbook, its relations, its styles). */
export function entryText(bytes: Uint8Array, entry: ZipEntry): string {
  const parts: string[] = [];
  streamEntryText(bytes, entry, (text) => parts.push(text));
  return parts.join('');
}
