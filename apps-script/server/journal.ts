/**
 * One line in the « Journal » tab for every setup, import, sync and computation: when, who, what, counts. A long
 * operation (an import over several executions) keeps one line that it rewrites as it goes.
 */
import { RECORD_LANG, termLabel, type JournalAction } from '../../shared/contract/words';
import { textCell } from '../../shared/sheet/cell';
import { columnLetter } from '../../shared/sheet/a1';
import { appendRecords, directFinder, updateRecord, type TabFinder } from './registry';
import type { Spreadsheet } from './spreadsheet';

/** Appends a line; returns its row (0 before setup, when there is no Journal yet: the operation still succeeds). */
export function logToJournal(ss: Spreadsheet, who: string, action: JournalAction, details: string, tabs: TabFinder = directFinder(ss)): number {
  const journal = tabs.tab('journal');
  if (!journal) return 0;
  return appendRecords(journal, [{ at: new Date(), who, action: termLabel('journalAction', action, RECORD_LANG), details }]);
}

/** Where an operation's line is: its row, and its details cell in A1 notation (with the tab's name). */
export interface JournalLine {
  row: number;
  detailsA1: string;
}

/**
 * Rewrites the line at `line.row` if it is still the operation's own (its details hold `marker`: people may sort or
 * edit the Journal), otherwise appends one. Returns where the line is (row 0: no Journal).
 */
export function rewriteJournalLine(ss: Spreadsheet, line: { row: number; marker: string }, who: string, action: JournalAction, details: string): JournalLine {
  const journal = directFinder(ss).tab('journal');
  const column = journal?.columns.get('details');
  if (!journal || column === undefined) return { row: 0, detailsA1: '' };
  const fields = { at: new Date(), who, action: termLabel('journalAction', action, RECORD_LANG), details };
  let row = line.row;
  if (row >= 2 && row <= journal.sheet.getLastRow() && String(journal.sheet.getRange(row, column).getValue()).includes(line.marker)) updateRecord(journal, row, fields);
  else row = appendRecords(journal, [fields]);
  return { row, detailsA1: `'${journal.sheet.getName().replace(/'/g, "''")}'!${columnLetter(column)}${row}` };
}

/**
 * The cheap rewrite for each step of a long operation: only the details, in three calls, and only if the cell still
 * holds the operation's `marker`. False when it does not (the line moved): the next full rewrite appends a line.
 */
export function rewriteJournalDetails(ss: Spreadsheet, detailsA1: string, marker: string, details: string): boolean {
  if (detailsA1 === '') return false;
  let cell;
  try {
    cell = ss.getRange(detailsA1);
  } catch {
    return false; // the Journal was renamed or deleted meanwhile
  }
  if (!String(cell.getValue()).includes(marker)) return false;
  cell.setValue(textCell(details));
  return true;
}
