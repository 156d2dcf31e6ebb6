/**
 * Text as an .xlsx holds it (OOXML's ST_Xstring): XML 1.0 cannot carry most control characters, and readers turn a
 * carriage return into a line feed, so such characters are written as `_xHHHH_`, which every reader (exceljs,
 * LibreOffice, Excel) decodes back. A literal `_xHHHH_` typed by a person gets its underscore escaped (`_x005F_`),
 * otherwise it would come back as the character it names. What no escape can bring back — a lone UTF-16 surrogate,
 * U+FFFE, U+FFFF — becomes U+FFFD: the places that accept text from people and files replace and report them first
 * (shared/sheet/cell.ts); this is the last guard, so that no text can make the saved file unreadable.
 */
// The very module exceljs reads text with: imported by path, it is the same instance whether exceljs is loaded from
// node_modules (tests) or bundled into dist/local (the CLI).
import TextXform from 'exceljs/lib/xlsx/xform/strings/text-xform.js';
import { replaceUnrepresentable } from '../../shared/sheet/cell';

const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

/** Control characters except tab and line feed, DEL, and the `_` of a literal `_xHHHH_` (any case of hex digits). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_ESCAPE = /[\u0000-\u0008\u000B-\u001F\u007F]|_(?=x[0-9A-Fa-f]{4}_)/g;

export function encodeXlsxText(text: string): string {
  return replaceUnrepresentable(text).text.replace(NEEDS_ESCAPE, (c) => `_x${hex4(c.charCodeAt(0))}_`);
}

/**
 * exceljs 4.4 decodes `_xHHHH_` with upper-case hex digits only, but LibreOffice writes lower case (`_x000b_`): a
 * control character saved by LibreOffice would come back as those seven letters. Its text reader is made to accept
 * both cases, once, when this module loads.
 */
Object.defineProperty(TextXform.prototype, 'model', {
  configurable: true,
  get(this: { _text: string[] }) {
    return this._text.join('').replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  },
});
