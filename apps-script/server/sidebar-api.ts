/**
 * The functions the sidebar calls through google.script.run (and the CLI through the same bundle). Each returns plain
 * JSON (no Date: it cannot cross google.script.run) and reports failures as values with a French message.
 */
import type { Lang } from '../../shared/contract/tabs';
import type { ChunkFailure, ChunkResult } from '../../shared/survey/chunk';
import { connectionCode, type ConnectionCodeResult } from './pairing';
import { findTab } from './registry';
import { setupRegistry, type SetupReport } from './setup';
import { BusyError, currentUser, registrySpreadsheet, withWriteLock } from './spreadsheet';
import { importSurveyChunk as writeSurveyChunk } from './survey-import';

const LANG_PROPERTY = 'repere.lang';

export type Failure = { ok: false; message: string };

const BUSY: Failure = { ok: false, message: 'Le registre est occupé par une autre opération (import ou synchronisation) : réessayez dans un instant.' };

function registryLang(): Lang {
  return PropertiesService.getDocumentProperties().getProperty(LANG_PROPERTY) === 'en' ? 'en' : 'fr';
}

function guarded<T>(work: () => T): T | Failure {
  try {
    return withWriteLock(work);
  } catch (err) {
    if (err instanceof BusyError) return BUSY;
    throw err;
  }
}

export interface SidebarState {
  registryName: string;
  configured: boolean;
  lang: Lang;
}

export function getSidebarState(): SidebarState {
  const ss = registrySpreadsheet();
  return { registryName: ss.getName(), configured: findTab(ss, 'observations') !== null, lang: registryLang() };
}

export function configureRegistry(options?: { lang?: Lang }): (SetupReport & { ok: true }) | Failure {
  const lang: Lang = options?.lang === 'en' ? 'en' : options?.lang === 'fr' ? 'fr' : registryLang();
  return guarded(() => {
    PropertiesService.getDocumentProperties().setProperty(LANG_PROPERTY, lang);
    return { ok: true as const, ...setupRegistry(registrySpreadsheet(), lang, currentUser('panneau Repère')) };
  });
}

export function getConnectionCode(): ConnectionCodeResult {
  return connectionCode(false);
}

export function renewConnectionCode(): ConnectionCodeResult {
  return connectionCode(true);
}

export function importSurveyChunk(chunk: unknown): ChunkResult | ChunkFailure {
  return guarded(() => writeSurveyChunk(registrySpreadsheet(), chunk, registryLang(), currentUser('panneau Repère')));
}
