/**
 * The one place that decides which spreadsheet and which lock an execution uses, whether it runs from the sidebar,
 * a menu or the collector web app (ARCHITECTURE.md: "the collector goes through one adapter").
 */
import { RECORD_LANG, termLabel, type Lang, type TermId } from '../../shared/contract/words';

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function registrySpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

export class BusyError extends Error {
  constructor() {
    super('busy');
  }
}

/**
 * Runs a write under the script lock, shared by the sidebar and the collector: the document lock is null in a web app,
 * and in a bound script the script lock covers this one spreadsheet.
 */
export function withWriteLock<T>(work: () => T): T {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10_000)) throw new BusyError();
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

export type Failure = { ok: false; message: string };

const BUSY: Failure = { ok: false, message: 'Le registre est occupé par une autre opération (import ou synchronisation) : réessayez dans un instant.' };

/** A sidebar write under the lock: when another execution holds it, a French message rather than an error. */
export function underLock<T>(work: () => T): T | Failure {
  try {
    return withWriteLock(work);
  } catch (err) {
    if (err instanceof BusyError) return BUSY;
    throw err;
  }
}

const LANG_PROPERTY = 'repere.lang';

/** The language the registry was set up in: its tabs, words and dropdowns. */
export function registryLang(): Lang {
  return PropertiesService.getDocumentProperties().getProperty(LANG_PROPERTY) === 'en' ? 'en' : 'fr';
}

export function setRegistryLang(lang: Lang): void {
  PropertiesService.getDocumentProperties().setProperty(LANG_PROPERTY, lang);
}

/** Who runs this execution, for the Journal; empty in many consumer-account contexts, so the actor's name instead. */
export function currentUser(fallback: TermId<'actor'>): string {
  const name = termLabel('actor', fallback, RECORD_LANG);
  try {
    return Session.getActiveUser().getEmail() || name;
  } catch {
    return name;
  }
}
