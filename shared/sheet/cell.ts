/** Makes any text safe to write into a spreadsheet cell: never a formula, never silently coerced. */

/** Prefixes that make Sheets, Excel or LibreOffice evaluate a cell (CWE-1236), plus LF (OWASP, 2025). */
const FORMULA_PREFIX = /^[\s\u00A0]*[=+\-@\t\r\n]/;

/** Sheets refuses cells longer than this. */
export const MAX_CELL_CHARS = 50_000;

export function startsLikeFormula(text: string): boolean {
  return FORMULA_PREFIX.test(text);
}

/**
 * The value to hand to setValues for a user- or page-supplied text. A leading apostrophe makes Sheets (and the
 * local emulation) keep the text as typed: it is not stored and does not come back from getValues.
 * Numeric- or date-looking text is quoted too, so "007" stays "007" and "2024-01-02" stays text.
 */
export function textCell(text: string): string {
  if (text === '') return '';
  if (startsLikeFormula(text) || /^[\d\s.,/:+-]+$/.test(text) || /^(true|false|vrai|faux)$/i.test(text)) return `'${text}`;
  return text;
}
