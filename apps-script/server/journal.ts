/** Appends one line to the « Journal » tab for every setup, import, sync and computation: when, who, what, counts. */
import { RECORD_LANG, termLabel, type JournalAction } from '../../shared/contract/words';
import { appendRecords, directFinder, type TabFinder } from './registry';
import type { Spreadsheet } from './spreadsheet';

export function logToJournal(ss: Spreadsheet, who: string, action: JournalAction, details: string, tabs: TabFinder = directFinder(ss)): void {
  const journal = tabs.tab('journal');
  // Before setup there is no Journal yet: the operation itself still succeeds.
  if (!journal) return;
  appendRecords(journal, [{ at: new Date(), who, action: termLabel('journalAction', action, RECORD_LANG), details }]);
}
