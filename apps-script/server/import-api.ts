/**
 * The survey-import functions the sidebar calls through google.script.run (and the CLI through the same bundle):
 * what the registry knows for the mapping, the transaction (begin, chunks, quotes, finish), and reading a tab of this
 * spreadsheet (a Google Form's linked responses). Plain JSON in and out, failures as values with a French message.
 */
import { SURVEY_METADATA_KEY, TAB_METADATA_KEY } from '../../shared/contract/tabs';
import type {
  BeginImportRequest,
  BeginImportResult,
  FinishImportRequest,
  FinishImportResult,
  ImportChunkRequest,
  ImportChunkResult,
  ImportFailure,
  ImportQuotesRequest,
  ImportQuotesResult,
} from '../../shared/survey/chunk';
import type { ImportMapping, KnownInstrument, RegistryQuestion } from '../../shared/survey/mapping';
import type { QuestionType } from '../../shared/survey/types';
import { termId } from '../../shared/contract/words';
import { readLevels } from '../../shared/registry/levels';
import { beginImport as begin, finishImport as finish, loadMapping, saveMapping, writeImportChunk as chunk, writeImportQuotes as quotes } from './import-transaction';
import { FORM_METADATA_KEY, formRecords } from './google-form';
import { knownInstruments } from './questionnaire';
import { bindTab, columnValues } from './registry';
import { currentUser, registryLang, registrySpreadsheet, underLock } from './spreadsheet';


export interface ImportSetup {
  ok: true;
  configured: boolean;
  surveys: Array<{ id: string; name: string; wave: string }>;
  /** The « Questions » tab's questions of the chosen survey. */
  questions: RegistryQuestion[];
  /** The mapping saved at the last import of this survey (corrections, questions, paradata, quotes). */
  mapping: ImportMapping;
  /** The columns of the questionnaires Repère generated for this survey: their files need no mapping step. */
  known: KnownInstrument[];
}

/** Surveys of « Enquêtes », the chosen survey's registry questions and its saved mapping. */
export function getImportSetup(surveyId?: string): ImportSetup {
  const ss = registrySpreadsheet();
  const surveysTab = bindTab(ss, 'surveys');
  const surveys: ImportSetup['surveys'] = [];
  if (surveysTab) {
    const ids = columnValues(surveysTab, 'id');
    const names = columnValues(surveysTab, 'name');
    const waves = columnValues(surveysTab, 'wave');
    ids.forEach((id, i) => {
      const text = String(id).trim();
      if (text !== '') surveys.push({ id: text, name: String(names[i] ?? '').trim(), wave: String(waves[i] ?? '').trim() });
    });
  }
  const questions: ImportSetup['questions'] = [];
  const id = typeof surveyId === 'string' ? surveyId.trim() : '';
  const questionsTab = id ? bindTab(ss, 'questions') : null;
  if (questionsTab) {
    const owners = columnValues(questionsTab, 'survey');
    const keys = columnValues(questionsTab, 'key');
    const labels = columnValues(questionsTab, 'label');
    const types = columnValues(questionsTab, 'type');
    const levels = columnValues(questionsTab, 'levels');
    owners.forEach((owner, i) => {
      const key = String(keys[i] ?? '').trim();
      if (String(owner).trim() !== id || key === '') return;
      const type = termId('questionType', String(types[i] ?? '')) as QuestionType | null;
      const levelList = type === 'number' ? [] : readLevels(String(levels[i] ?? '')).levels;
      questions.push({ key, label: String(labels[i] ?? '').trim(), ...(type && { type }), ...(levelList.length > 0 && { levels: levelList }) });
    });
  }
  const known = questionsTab ? knownInstruments(ss, registryLang(), id) : [];
  return { ok: true, configured: surveysTab !== null, surveys, questions, mapping: loadMapping(id), known };
}

/** Remembers a survey's mapping and corrections as soon as they are made in the preview. */
export function saveImportMapping(surveyId: string, mapping: ImportMapping): { ok: true } {
  saveMapping(String(surveyId ?? ''), mapping);
  return { ok: true };
}

export function beginImport(request: BeginImportRequest): BeginImportResult | ImportFailure {
  return underLock(() => begin(registrySpreadsheet(), request, registryLang(), currentUser('sidebar')));
}

export function writeImportChunk(request: ImportChunkRequest): ImportChunkResult | ImportFailure {
  return underLock(() => chunk(registrySpreadsheet(), request));
}

export function writeImportQuotes(request: ImportQuotesRequest): ImportQuotesResult | ImportFailure {
  return underLock(() => quotes(registrySpreadsheet(), request, currentUser('sidebar')));
}

export function finishImport(request: FinishImportRequest): FinishImportResult | ImportFailure {
  return underLock(() => finish(registrySpreadsheet(), request, currentUser('sidebar')));
}

/* ------------------------------------------------------------ import from a tab of this spreadsheet */

export interface SheetTabInfo {
  sheetId: number;
  name: string;
  rows: number;
  columns: number;
  /** The survey and wave of the Google Form Repère made, when this tab receives its responses. */
  form?: { survey: string; wave: string };
}

/** The tabs that are not Repère's (a Google Form's linked responses, a hand-typed table). */
export function listSheetTabs(): { ok: true; tabs: SheetTabInfo[] } {
  const ss = registrySpreadsheet();
  const ours = new Set<number>();
  for (const key of [TAB_METADATA_KEY, SURVEY_METADATA_KEY]) {
    for (const meta of ss.createDeveloperMetadataFinder().withKey(key).withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET).find()) {
      const sheet = meta.getLocation().getSheet();
      if (sheet) ours.add(sheet.getSheetId());
    }
  }
  const forms = new Map(formRecords().map((r) => [r.formId, r]));
  const formOf = new Map<number, { survey: string; wave: string }>();
  for (const meta of ss.createDeveloperMetadataFinder().withKey(FORM_METADATA_KEY).withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET).find()) {
    const sheet = meta.getLocation().getSheet();
    const record = forms.get(meta.getValue() ?? '');
    if (sheet && record) formOf.set(sheet.getSheetId(), { survey: record.survey, wave: record.wave });
  }
  const tabs = ss
    .getSheets()
    .map((sheet) => ({ sheet, id: sheet.getSheetId() }))
    .filter(({ id }) => !ours.has(id))
    .map(({ sheet, id }): SheetTabInfo => {
      const form = formOf.get(id);
      return { sheetId: id, name: sheet.getName(), rows: Math.max(sheet.getLastRow() - 1, 0), columns: sheet.getLastColumn(), ...(form && { form }) };
    })
    .filter((t) => t.columns > 0);
  return { ok: true, tabs };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a CSV export would hold: dates as dd/mm/yyyy hh:mm:ss (Google Forms' own format). */
function cellText(v: unknown): string {
  if (v instanceof Date) {
    const date = `${pad(v.getDate())}/${pad(v.getMonth() + 1)}/${v.getFullYear()}`;
    return v.getHours() + v.getMinutes() + v.getSeconds() === 0 ? date : `${date} ${pad(v.getHours())}:${pad(v.getMinutes())}:${pad(v.getSeconds())}`;
  }
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  return v === null || v === undefined ? '' : String(v);
}

/** A tab's cells as text, read in one getValues. */
export function readSheetTab(sheetId: number): { ok: true; name: string; values: string[][] } | ImportFailure {
  const ss = registrySpreadsheet();
  const sheet = ss.getSheets().find((s) => s.getSheetId() === Number(sheetId));
  if (!sheet) return { ok: false, message: 'Cet onglet n’existe plus : choisissez-en un autre.' };
  const values = sheet.getDataRange().getValues().map((row) => row.map(cellText));
  return { ok: true, name: sheet.getName(), values };
}
