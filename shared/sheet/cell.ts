/** Makes any text safe to write into a spreadsheet cell: never a formula, never silently coerced. */

/** Prefixes that make Sheets, Excel or LibreOffice evaluate a cell (CWE-1236), plus LF (OWASP, 2025). */
const FORMULA_PREFIX = /^[\s\u00A0]*[=+\-@\t\r\n]/;

/** Sheets refuses cells longer than this. */
export const MAX_CELL_CHARS = 50_000;

export function startsLikeFormula(text: string): boolean {
  return FORMULA_PREFIX.test(text);
}

/**
 * The value to hand to setValues for a user- or page-supplied text: always behind an apostrophe, which makes Sheets
 * (and the local emulation) keep the text exactly as given — the apostrophe itself is not stored and does not come
 * back from getValues. What a spreadsheet would turn into something else cannot be listed (« 45% » becomes 0.45,
 * « mars 2024 » a date, « 007 » 7, « '=1+1 » loses its apostrophe), so no text is left to chance.
 */
export function textCell(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/**
 * Characters no spreadsheet file can hold (XML 1.0 has no place for them, and no escape brings them back): a lone
 * UTF-16 surrogate, U+FFFE, U+FFFF. They never come from a keyboard; they come from a broken file or a corrupted page.
 */
const UNREPRESENTABLE = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with each unrepresentable character replaced by U+FFFD « � », and how many were replaced (to report). */
export function replaceUnrepresentable(text: string): { text: string; replaced: number } {
  let replaced = 0;
  const out = text.replace(UNREPRESENTABLE, () => {
    replaced++;
    return '\uFFFD';
  });
  return { text: out, replaced };
}
