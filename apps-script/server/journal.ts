/**
 * One line in the « Journal » tab for every setup, import, sync and computation: when, who, what, counts. A long
 * operation (an import over several executions) keeps one line, which counts its own progress until the operation
 * rewrites it with the final counts.
 */
import { RECORD_LANG, termLabel, type JournalAction } from '../../shared/contract/words';
import { appendRecords, directFinder, updateRecord, type TabFinder } from './registry';
import type { Spreadsheet } from './spreadsheet';

/** Appends a line; returns its row (0 before setup, when there is no Journal yet: the operation still succeeds). */
export function logToJournal(ss: Spreadsheet, who: string, action: JournalAction, details: string, tabs: TabFinder = directFinder(ss)): number {
  const journal = tabs.tab('journal');
  if (!journal) return 0;
  return appendRecords(journal, [{ at: new Date(), who, action: termLabel('journalAction', action, RECORD_LANG), details }]);
}

/**
 * Details a Journal line keeps right by itself while a long operation fills `range` (an import's rows): a formula that
 * counts the range's filled cells, `plus` more, between two texts. Sheets recomputes it as the range fills (and
 * LibreOffice or Excel open the .xlsx with its value as saved), so the line says how far the operation got at every
 * moment, after any interruption, without a call per step.
 */
export interface CountingDetails {
  before: string;
  plus: number;
  /** An A1 range with its tab's name: `'Réponses E1'!$F$5:$F$20004`. */
  range: string;
  after: string;
}

/** Excel refuses a text of more than 255 characters (UTF-16 units) in a formula; Sheets and LibreOffice take it. */
const MAX_LITERAL = 250;

/** A text as formula literals: quotes doubled, pieces of at most MAX_LITERAL units, never between a surrogate pair. */
function literal(text: string): string {
  // A control character (a line break in a file's name) has no place in a formula's text.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const clean = text.replace(/[\u0000-\u001f]/g, ' ');
  const pieces: string[] = [];
  for (let at = 0; at < clean.length || pieces.length === 0; ) {
    let end = Math.min(at + MAX_LITERAL, clean.length);
    if (end < clean.length && /[\uD800-\uDBFF]/.test(clean[end - 1]!)) end--;
    pieces.push(clean.slice(at, end));
    at = end;
  }
  return pieces.map((piece) => `"${piece.replace(/"/g, '""')}"`).join('&');
}

/** The formula of counting details (English syntax, as setFormula expects). */
function countingFormula(details: CountingDetails): string {
  return `=${literal(details.before)}&(${details.plus}+COUNTA(${details.range}))&${literal(details.after)}`;
}

/** Where an operation's line is and what identifies it there (its details hold `marker`: people may sort or edit the Journal). */
export interface JournalLine {
  row: number;
  marker: string;
}

/** The Journal, its details column, and whether the line at `line.row` is still the operation's own. */
function findLine(ss: Spreadsheet, line: JournalLine) {
  const journal = directFinder(ss).tab('journal');
  const column = journal?.columns.get('details');
  if (!journal || column === undefined) return null;
  const own = line.row >= 2 && line.row <= journal.sheet.getLastRow() && String(journal.sheet.getRange(line.row, column).getValue()).includes(line.marker);
  return { journal, column, own };
}

/** Rewrites the operation's line if it is still its own, otherwise appends one. Returns the line's row (0: no Journal). */
export function rewriteJournalLine(ss: Spreadsheet, line: JournalLine, who: string, action: JournalAction, details: string | CountingDetails): number {
  const found = findLine(ss, line);
  if (!found) return 0;
  const { journal, column } = found;
  const fields = { at: new Date(), who, action: termLabel('journalAction', action, RECORD_LANG), ...(typeof details === 'string' && { details }) };
  let row = line.row;
  if (found.own) updateRecord(journal, row, fields);
  else row = appendRecords(journal, [fields]);
  // The column is plain text (« @ »), where Sheets would keep a formula as its text.
  if (typeof details !== 'string') journal.sheet.getRange(row, column).setNumberFormat('General').setFormula(countingFormula(details));
  return row;
}

/**
 * Keeps what a counting line reads now, as text: its operation will not go on (another import of the survey takes
 * over, and its rows may fill the range the line counts).
 */
export function settleJournalLine(ss: Spreadsheet, line: JournalLine): void {
  const found = findLine(ss, line);
  if (!found?.own) return;
  const cell = found.journal.sheet.getRange(line.row, found.column);
  if (cell.getFormula() !== '') updateRecord(found.journal, line.row, { details: String(cell.getValue()) });
}
