/**
 * The « Questionnaires » functions the sidebar calls through google.script.run (and the CLI through the same
 * bundle): the surveys and the forms already made, a survey's instrument (rendered as XLSForm, paper questionnaire or
 * interview guide by the caller), and the Google Form made and linked to this registry.
 */
import type { Instrument } from '../../shared/questionnaire/instrument';
import { fill } from '../../shared/questionnaire/texts';
import { createGoogleForm, formRecords, formTab } from './google-form';
import { logToJournal } from './journal';
import { surveyInstrument } from './questionnaire';
import { findTab } from './registry';
import { readRegistry } from './registry-read';
import { currentUser, registryLang, registrySpreadsheet, underLock, type Failure } from './spreadsheet';

const NOT_SET_UP: Failure = { ok: false, message: 'Le registre n’est pas encore configuré : commencez par « Configurer ».' };

export interface QuestionnaireRequest {
  survey: string;
  wave?: string;
}

export interface QuestionnaireSetup {
  ok: true;
  configured: boolean;
  surveys: Array<{ id: string; name: string; wave: string }>;
  forms: Array<{ survey: string; wave: string; title: string; editUrl: string; publishedUrl: string; tab: string | null; createdAt: string }>;
}

export function getQuestionnaireSetup(): QuestionnaireSetup {
  const ss = registrySpreadsheet();
  if (!findTab(ss, 'surveys')) return { ok: true, configured: false, surveys: [], forms: [] };
  const { registry } = readRegistry(ss, registryLang());
  return {
    ok: true,
    configured: true,
    surveys: registry.surveys.map((s) => ({ id: s.id, name: s.name, wave: s.wave })),
    forms: formRecords().map((r) => ({ survey: r.survey, wave: r.wave, title: r.title, editUrl: r.editUrl, publishedUrl: r.publishedUrl, tab: formTab(ss, r.formId)?.getName() ?? null, createdAt: r.createdAt })),
  };
}

function request(input: QuestionnaireRequest): { survey: string; wave: string } {
  return { survey: String(input?.survey ?? '').trim(), wave: String(input?.wave ?? '').trim().slice(0, 40) };
}

export function getInstrument(input: QuestionnaireRequest): { ok: true; instrument: Instrument } | Failure {
  const ss = registrySpreadsheet();
  if (!findTab(ss, 'surveys')) return NOT_SET_UP;
  const { survey, wave } = request(input);
  if (survey === '') return { ok: false, message: 'Choisissez l’enquête du questionnaire (onglet Enquêtes).' };
  const built = surveyInstrument(ss, registryLang(), survey, wave);
  return built.ok ? { ok: true, instrument: built.instrument } : { ok: false, message: built.message };
}

export interface CreatedForm {
  ok: true;
  title: string;
  editUrl: string;
  publishedUrl: string;
  tab: string | null;
  /** What to complete before sending it (the notice's contact address…). */
  missing: string[];
}

/** Makes the survey's Google Form, published, its responses going to a tab of this registry. */
export function createQuestionnaireForm(input: QuestionnaireRequest): CreatedForm | Failure {
  return underLock(() => {
    const ss = registrySpreadsheet();
    if (!findTab(ss, 'surveys')) return NOT_SET_UP;
    const lang = registryLang();
    const { survey, wave } = request(input);
    const built = surveyInstrument(ss, lang, survey, wave);
    if (!built.ok) return { ok: false as const, message: built.message };
    const instrument = built.instrument;
    const tabName = fill(lang === 'fr' ? 'Formulaire {survey}{wave}' : 'Form {survey}{wave}', { survey: instrument.survey.id, wave: wave ? ` ${wave}` : '' });
    const { record, tab } = createGoogleForm(ss, instrument, tabName);
    logToJournal(ss, currentUser('sidebar'), 'questionnaire', `Formulaire Google « ${record.title} » créé et publié (${record.publishedUrl}) ; réponses dans l’onglet « ${tab ?? '?'} ».`);
    return { ok: true as const, title: record.title, editUrl: record.editUrl, publishedUrl: record.publishedUrl, tab, missing: instrument.missing };
  });
}
