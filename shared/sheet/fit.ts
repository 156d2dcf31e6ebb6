/**
 * Column widths that fit what a tab holds, so it reads without Repère in Sheets, Excel or LibreOffice: wide enough for
 * its header's longest word and its values, prose in a wide column (its cells wrap), dates and numbers whole (no
 * « ### »). Pixels, estimated from the number of characters in the default 10-point font; rounded to 10 px so a tab
 * rewritten with similar content keeps the same widths.
 */
export interface ColumnToFit {
  header: string;
  /** The values as written (a sample is enough: the first few hundred). */
  values: readonly unknown[];
  /** As the sheet contract says (`ColumnSpec.shape`). */
  shape?: 'prose' | 'date' | 'datetime' | undefined;
}

/** Average width of a character of the default font (Arial 10 in Sheets, Calibri 11 in Excel), with the cell's padding. */
const CHAR_PX = 7;
const PADDING_PX = 14;
const MIN_PX = 50;
/** Short values (codes, words, numbers) never make a column wider than this: a longer one wraps. */
const MAX_PX = 240;
/** Where sentences go: wide enough to read a line, narrow enough to print. */
export const PROSE_PX = 320;
/** What a date and a date with its time take once formatted (« 26/11/2026 », « 26/11/2026 14:05 »). */
const DATE_CHARS: Record<'date' | 'datetime', number> = { date: 10, datetime: 16 };
const SAMPLE = 500;

const longestLine = (text: string) => Math.max(0, ...text.split('\n').map((line) => line.length));
const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((word) => word.length));

function valueChars(value: unknown): number {
  if (value === null || value === undefined || value === '') return 0;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') return DATE_CHARS.datetime;
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000).length + (Math.abs(value) >= 1000 ? 1 : 0);
  return longestLine(String(value));
}

const px = (chars: number) => chars * CHAR_PX + PADDING_PX;
const roundUp = (width: number) => Math.ceil(width / 10) * 10;

/** What an upright A4 page shows across: a narrow tab's prose columns share what is left of it. */
export const PAGE_PX = 700;
const WIDEST_PROSE_PX = 560;

/** The width of each column, in pixels. */
export function fitWidths(columns: readonly ColumnToFit[]): number[] {
  const widths = columns.map(({ header, values, shape }) => {
    // A header wraps (set-up styles it so): its longest word must fit, and it should take two lines at most.
    const headerNeed = Math.max(px(longestWord(header)), px(Math.ceil(header.length / 2)));
    if (shape === 'prose') return PROSE_PX;
    const content = shape === 'date' || shape === 'datetime' ? DATE_CHARS[shape] : Math.max(0, ...values.slice(0, SAMPLE).map(valueChars));
    return roundUp(Math.min(MAX_PX, Math.max(MIN_PX, headerNeed, px(content))));
  });
  // Fewer lines for the same sentences, and still one page wide (« Démarche »: a rubric, then its text).
  const prose = columns.filter((c) => c.shape === 'prose').length;
  const spare = PAGE_PX - widths.reduce((a, b) => a + b, 0);
  if (prose > 0 && spare > 0) {
    const more = Math.floor(spare / prose / 10) * 10;
    columns.forEach((c, i) => c.shape === 'prose' && (widths[i] = Math.min(WIDEST_PROSE_PX, widths[i]! + more)));
  }
  return widths;
}

/** Whether a value of the column is longer than its width shows on one line: its cells must wrap. */
export function needsWrap(column: ColumnToFit, width: number): boolean {
  return column.shape === 'prose' || column.values.slice(0, SAMPLE).some((v) => typeof v === 'string' && px(longestLine(v)) > width);
}

/** Consecutive columns with the same setting (null: leave alone), so each run is set in one call. */
export function runs<T>(settings: ReadonlyArray<T | null>, firstColumn = 1): Array<{ column: number; count: number; value: T }> {
  const out: Array<{ column: number; count: number; value: T }> = [];
  settings.forEach((value, i) => {
    const last = out[out.length - 1];
    if (value === null) return;
    if (last && last.value === value && last.column + last.count === firstColumn + i) last.count++;
    else out.push({ column: firstColumn + i, count: 1, value });
  });
  return out;
}
