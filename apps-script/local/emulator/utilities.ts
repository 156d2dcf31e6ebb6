// Utilities: uuids, digests and HMACs as SIGNED bytes (Java's byte), base64, blobs with charset decoding, Java-style
// date formatting, and a sleep that does not block (it only records the time asked for).

import { createHash, createHmac } from 'node:crypto';
import { fail, type Ctx } from './context';
import { formatJavaDate } from './dates';
import { enumName } from './enums';
import { isDate } from './model';

const DIGESTS: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const MACS: Record<string, string> = { HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512' };

// windows-1252 differs from Latin-1 only in 0x80–0x9F (Node's TextDecoder may lack the table without full ICU).
const CP1252_HIGH = Array.from('€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ');

/** Bytes as Java returns them: integers in -128..127. */
function toSigned(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

function charsetName(charset: unknown): string {
  if (charset === undefined || charset === null) return 'UTF-8';
  const n = enumName(charset);
  return n === 'UTF_8' ? 'UTF-8' : n === 'US_ASCII' ? 'US-ASCII' : n;
}

export function encode(ctx: Ctx, s: string, charset: unknown): Buffer {
  const cs = charsetName(charset).toUpperCase().replace(/_/g, '-');
  switch (cs) {
    case 'UTF-8':
    case 'UTF8':
      return Buffer.from(s, 'utf8');
    case 'US-ASCII':
    case 'ASCII':
      return Buffer.from(Array.from(s, (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 63)));
    case 'ISO-8859-1':
    case 'LATIN1':
      return Buffer.from(Array.from(s, (ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63)));
    case 'UTF-16LE':
      return Buffer.from(s, 'utf16le');
    case 'UTF-16BE':
    case 'UTF-16':
      return swap16(Buffer.from(s, 'utf16le'));
    default:
      return fail(ctx, `Unsupported charset: ${charsetName(charset)}`);
  }
}

function swap16(b: Buffer): Buffer {
  const out = Buffer.from(b.subarray(0, b.length - (b.length % 2)));
  out.swap16();
  return out;
}

export function decode(ctx: Ctx, bytes: Buffer, charset: unknown): string {
  const cs = charsetName(charset).toUpperCase().replace(/_/g, '-');
  switch (cs) {
    case 'UTF-8':
    case 'UTF8':
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    case 'US-ASCII':
    case 'ASCII':
      return Array.from(bytes, (b) => (b < 128 ? String.fromCharCode(b) : '\ufffd')).join('');
    case 'ISO-8859-1':
    case 'LATIN1':
      // Real Latin-1 (WHATWG's "iso-8859-1" label would decode as windows-1252).
      return bytes.toString('latin1');
    case 'WINDOWS-1252':
    case 'CP1252':
      return Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b))).join('');
    case 'UTF-16LE':
      return bytes.toString('utf16le');
    case 'UTF-16BE':
      return swap16(bytes).toString('utf16le');
    case 'UTF-16': {
      // Java: a BOM decides and is dropped; without one, big-endian.
      if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
      if (bytes[0] === 0xfe && bytes[1] === 0xff) return swap16(bytes.subarray(2)).toString('utf16le');
      return swap16(bytes).toString('utf16le');
    }
    default:
      return fail(ctx, `Unsupported charset: ${charsetName(charset)}`);
  }
}

/** A byte array from the script (signed or unsigned integers, any realm) as a Buffer. */
function bytesOf(ctx: Ctx, x: unknown, charset?: unknown): Buffer {
  if (typeof x === 'string') return encode(ctx, x, charset);
  if (Array.isArray(x) || ArrayBuffer.isView(x)) return Buffer.from(Array.from(x as ArrayLike<number>, (b) => Number(b) & 0xff));
  return fail(ctx, 'Invalid argument: expected a string or a byte array.');
}

export class Blob {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private _bytes: Buffer,
    private _contentType: string | null,
    private _name: string | null,
  ) {
    this._calls = _ctx.calls;
  }
  getBytes(): number[] {
    return this._ctx.realm.array(toSigned(this._bytes));
  }
  getDataAsString(charset?: string): string {
    return decode(this._ctx, this._bytes, charset ?? 'UTF-8');
  }
  setDataFromString(s: string, charset?: string): Blob {
    this._bytes = encode(this._ctx, String(s), charset ?? 'UTF-8');
    return this;
  }
  setBytes(data: number[]): Blob {
    this._bytes = bytesOf(this._ctx, data);
    return this;
  }
  getContentType(): string | null {
    return this._contentType;
  }
  setContentType(contentType: string): Blob {
    this._contentType = String(contentType);
    return this;
  }
  getName(): string | null {
    return this._name;
  }
  setName(name: string): Blob {
    this._name = String(name);
    return this;
  }
  copyBlob(): Blob {
    return new Blob(this._ctx, Buffer.from(this._bytes), this._contentType, this._name);
  }
  getBlob(): Blob {
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
}

export class UtilitiesImpl {
  readonly _calls;
  readonly DigestAlgorithm;
  readonly MacAlgorithm;
  readonly Charset;
  constructor(private readonly _ctx: Ctx) {
    this._calls = _ctx.calls;
    this.DigestAlgorithm = _ctx.enums.DigestAlgorithm;
    this.MacAlgorithm = _ctx.enums.MacAlgorithm;
    this.Charset = _ctx.enums.Charset;
  }
  getUuid(): string {
    return this._ctx.uuid();
  }
  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
    const alg = DIGESTS[enumName(algorithm)];
    if (!alg) fail(this._ctx, `Unsupported digest algorithm: ${enumName(algorithm)}`);
    return this._ctx.realm.array(toSigned(createHash(alg).update(bytesOf(this._ctx, value, charset)).digest()));
  }
  computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): number[] {
    const alg = MACS[enumName(algorithm)];
    if (!alg) fail(this._ctx, `Unsupported MAC algorithm: ${enumName(algorithm)}`);
    const mac = createHmac(alg, bytesOf(this._ctx, key, charset)).update(bytesOf(this._ctx, value, charset)).digest();
    return this._ctx.realm.array(toSigned(mac));
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    const mac = createHmac('sha256', bytesOf(this._ctx, key, charset)).update(bytesOf(this._ctx, value, charset)).digest();
    return this._ctx.realm.array(toSigned(mac));
  }
  base64Encode(data: unknown, charset?: unknown): string {
    return bytesOf(this._ctx, data, charset).toString('base64');
  }
  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    // Google's web-safe alphabet keeps the "=" padding.
    return bytesOf(this._ctx, data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string, charset?: unknown): number[] {
    void charset;
    const s = String(encoded);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s.replace(/\s/g, ''))) fail(this._ctx, 'Could not decode string.');
    return this._ctx.realm.array(toSigned(Buffer.from(s, 'base64')));
  }
  base64DecodeWebSafe(encoded: string, charset?: unknown): number[] {
    void charset;
    const s = String(encoded);
    if (!/^[A-Za-z0-9\-_]*={0,2}$/.test(s.replace(/\s/g, ''))) fail(this._ctx, 'Could not decode string.');
    return this._ctx.realm.array(toSigned(Buffer.from(s, 'base64url')));
  }
  newBlob(data: unknown, contentType?: string, name?: string): Blob {
    return new Blob(this._ctx, bytesOf(this._ctx, data ?? ''), contentType ?? null, name ?? null);
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date)) fail(this._ctx, 'Invalid argument: date');
    return formatJavaDate(date.getTime(), String(timeZone), String(format));
  }
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!(ms >= 0) || ms > 300_000) fail(this._ctx, 'Invalid argument: milliseconds');
    this._ctx.sleptMs += ms;
  }
}
