/**
 * The enumerated values of the registry (methods, directions, granularities…): one canonical id each, with the words
 * people read and type in French and English. Cells hold the word of the registry's language; either is understood.
 */
import type { Lang } from '../contract/tabs';
import { fold } from '../survey/values';

export interface Term {
  id: string;
  fr: string;
  en: string;
}

const terms = (...list: Array<[string, string, string]>): readonly Term[] => list.map(([id, fr, en]) => ({ id, fr, en }));

export const VOCABULARY = {
  level: terms(['output', 'réalisation', 'output'], ['outcome', 'résultat', 'outcome'], ['impact', 'impact', 'impact']),
  stakeholder: terms(
    ['beneficiaries', 'bénéficiaires', 'beneficiaries'],
    ['carers', 'aidants', 'carers'],
    ['staff', 'salariés', 'staff'],
    ['volunteers', 'bénévoles', 'volunteers'],
    ['partners', 'partenaires', 'partners'],
    ['funders', 'financeurs', 'funders'],
  ),
  kind: terms(['quantitative', 'quantitatif', 'quantitative'], ['qualitative', 'qualitatif', 'qualitative']),
  method: terms(
    ['proportion', 'proportion', 'proportion'],
    ['mean', 'moyenne', 'mean'],
    ['median', 'médiane', 'median'],
    ['count', 'effectif', 'count'],
    ['sum', 'somme', 'sum'],
    ['scale', "score d'échelle", 'scale score'],
    ['change', 'évolution avant/après', 'before/after change'],
    ['observations', "nombre d'observations", 'number of observations'],
    ['manual', 'saisie manuelle', 'manual entry'],
  ),
  sourceType: terms(['survey', 'enquête', 'survey'], ['observations', 'observations', 'observations'], ['manual', 'manuel', 'manual']),
  direction: terms(['up', 'hausse', 'increase'], ['down', 'baisse', 'decrease'], ['stable', 'stabilité', 'stability']),
  granularity: terms(
    ['month', 'mois', 'month'],
    ['quarter', 'trimestre', 'quarter'],
    ['half', 'semestre', 'half-year'],
    ['year', 'année', 'year'],
    ['wave', "vague d'enquête", 'survey wave'],
  ),
  respondentRule: terms(
    ['self', 'auto-déclaration seulement', 'self-report only'],
    ['proxy', 'réponse pour autrui admise', 'proxy answers allowed'],
  ),
  questionType: terms(
    ['identifier', 'identifiant', 'identifier'],
    ['timestamp', 'horodatage', 'timestamp'],
    ['date', 'date', 'date'],
    ['number', 'nombre', 'number'],
    ['single', 'choix unique', 'single choice'],
    ['multiple', 'choix multiple', 'multiple choice'],
    ['likert', 'échelle', 'scale'],
    ['text', 'texte libre', 'free text'],
  ),
  surveyMode: terms(
    ['self', 'auto-administré', 'self-administered'],
    ['interview', 'entretien', 'interview'],
    ['phone', 'téléphone', 'phone'],
    ['mixed', 'mixte', 'mixed'],
  ),
  valueOrigin: terms(['computed', 'calculé', 'computed'], ['manual', 'saisi', 'entered']),
} as const;

export type VocabularyKey = keyof typeof VOCABULARY;

/** The methods computed from a survey's answers (the others count observations or take entered values). */
export const SURVEY_METHODS = ['proportion', 'mean', 'median', 'count', 'sum', 'scale', 'change'] as const;

/** A vocabulary's French words, as the starting frameworks' data files write them. */
export function frenchWords(key: VocabularyKey): [string, ...string[]] {
  return VOCABULARY[key].map((t) => t.fr) as [string, ...string[]];
}

/** The canonical id of a typed word, in either language, tolerant of case, accents and apostrophes. */
export function termId(key: VocabularyKey, typed: string): string | null {
  const wanted = fold(typed);
  const term = VOCABULARY[key].find((t) => fold(t.fr) === wanted || fold(t.en) === wanted || t.id === wanted);
  return term ? term.id : null;
}

export function termLabel(key: VocabularyKey, id: string, lang: Lang): string {
  return VOCABULARY[key].find((t) => t.id === id)?.[lang] ?? id;
}

export function termLabels(key: VocabularyKey, lang: Lang): string[] {
  return VOCABULARY[key].map((t) => t[lang]);
}
