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

/** A text as formula literals: quotes doubled, pieces of at most 250 characters (Excel refuses more than 255). */
function literal(text: string): string {
  // A control character (a line break in a file's name) has no place in a formula's text.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const pieces = text.replace(/[\u0000-\u001f]/g, ' ').match(/[\s\S]{1,250}/gu) ?? [''];
  return pieces.map((piece) => `"${piece.replace(/"/g, '""')}"`).join('&');
}

/** The formula of counting details (English syntax, as setFormula expects). */
function countingFormula(details: CountingDetails): string {
  return `=${literal(details.before)}&(${details.plus}+COUNTA(${details.range}))&${literal(details.after)}`;
}

/**
 * Rewrites the line at `line.row` if it is still the operation's own (its details hold `marker`: people may sort or
 * edit the Journal), otherwise appends one. Returns the line's row (0: no Journal).
 */
export function rewriteJournalLine(ss: Spreadsheet, line: { row: number; marker: string }, who: string, action: JournalAction, details: string | CountingDetails): number {
  const journal = directFinder(ss).tab('journal');
  const column = journal?.columns.get('details');
  if (!journal || column === undefined) return 0;
  const fields = { at: new Date(), who, action: termLabel('journalAction', action, RECORD_LANG), ...(typeof details === 'string' && { details }) };
  let row = line.row;
  if (row >= 2 && row <= journal.sheet.getLastRow() && String(journal.sheet.getRange(row, column).getValue()).includes(line.marker)) updateRecord(journal, row, fields);
  else row = appendRecords(journal, [fields]);
  // The column is plain text (« @ »), where Sheets would keep a formula as its text.
  if (typeof details !== 'string') journal.sheet.getRange(row, column).setNumberFormat('General').setFormula(countingFormula(details));
  return row;
}
