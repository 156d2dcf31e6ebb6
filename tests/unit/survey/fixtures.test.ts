import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectSurvey } from '../../../shared/survey/import';
import type { QuestionType, SourceId } from '../../../shared/survey/types';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../fixtures/surveys', name)));

const AGREE = ['Pas du tout d’accord', 'Plutôt pas d’accord', 'Plutôt d’accord', 'Tout à fait d’accord'];
const AGREE_STRAIGHT = AGREE.map((l) => l.replace('’', "'"));
const FREQUENCY = ['Jamais', 'Rarement', 'Parfois', 'Souvent', 'Toujours'];

interface Case {
  file: string;
  source: SourceId;
  encoding: string;
  delimiter: string;
  rows: number;
  types: Record<string, QuestionType>;
  levels?: Record<string, string[]>;
}

const CASES: Case[] = [
  {
    file: 'google-forms.csv', source: 'google-forms', encoding: 'utf-8', delimiter: ',', rows: 7,
    types: { Horodateur: 'timestamp', 'Votre âge': 'number', 'Depuis combien de temps aidez-vous votre proche ?': 'single', 'Quelles aides recevez-vous ?': 'multiple', 'Je me sens seul(e) [En semaine]': 'likert', 'Un mot sur votre quotidien ?': 'text' },
    levels: { 'Je me sens seul(e) [Le week-end]': FREQUENCY, 'Êtes-vous satisfait(e) de l’aide à domicile ?': ['Très insatisfait(e)', 'Plutôt insatisfait(e)', 'Satisfait(e)', 'Très satisfait(e)'] },
  },
  {
    file: 'kobotoolbox.csv', source: 'kobotoolbox', encoding: 'utf-8', delimiter: ';', rows: 6,
    types: { start: 'timestamp', today: 'date', 'identification/commune': 'single', 'identification/age': 'number', 'aide/services': 'multiple', 'bien_etre/nb_visites': 'number', _uuid: 'identifier', _submission_time: 'timestamp' },
    levels: { 'bien_etre/isolement': ['jamais', 'rarement', 'parfois', 'souvent', 'toujours'] },
  },
  {
    file: 'limesurvey.csv', source: 'limesurvey', encoding: 'utf-8', delimiter: ',', rows: 5,
    types: { id: 'identifier', submitdate: 'timestamp', AGE: 'number', LIEN: 'single', AIDES: 'multiple', 'AIDES[other]': 'text', COMMENT: 'text' },
    levels: { 'ISOL[SQ001]': [AGREE_STRAIGHT[0]!, AGREE_STRAIGHT[1]!, "Ni d'accord ni pas d'accord", AGREE_STRAIGHT[2]!, AGREE_STRAIGHT[3]!], 'ISOL[SQ002]': AGREE_STRAIGHT },
  },
  {
    file: 'surveymonkey.csv', source: 'surveymonkey', encoding: 'utf-8', delimiter: ',', rows: 5,
    types: { 'Respondent ID': 'identifier', 'Start Date': 'timestamp', 'Quel est votre lien avec la personne que vous aidez ?': 'single', 'Quels services utilisez-vous ?': 'multiple', 'Quels services utilisez-vous ? [Other (please specify)]': 'text', 'Avez-vous des remarques ?': 'text' },
    levels: { 'Dans quelle mesure êtes-vous d’accord avec les affirmations suivantes ? [Je me sens épuisé(e)]': AGREE },
  },
  {
    file: 'typeform.csv', source: 'typeform', encoding: 'utf-8', delimiter: ',', rows: 5,
    types: { '#': 'identifier', 'Quel âge avez-vous ?': 'number', 'Vivez-vous seul(e) ?': 'single', 'Qu’est-ce qui vous aiderait le plus ?': 'text', 'Submit Date (UTC)': 'timestamp' },
    levels: { 'À quelle fréquence voyez-vous vos proches ?': FREQUENCY },
  },
  {
    file: 'framaforms.csv', source: 'framaforms', encoding: 'utf-8', delimiter: ',', rows: 5,
    types: { SID: 'identifier', Time: 'timestamp', 'Vous êtes :': 'single', 'Nombre d’heures d’aide par semaine': 'number', 'Services utilisés': 'multiple', Remarques: 'text' },
    levels: { 'Satisfaction globale': ['Très insatisfait', 'Insatisfait', 'Satisfait', 'Très satisfait'] },
  },
  {
    file: 'sphinx.csv', source: 'sphinx', encoding: 'utf-8', delimiter: ';', rows: 5,
    types: { IDENT: 'identifier', 'Date de saisie': 'timestamp', 'Vous êtes': 'single', 'Âge': 'number', 'Aides reçues': 'multiple', Commentaires: 'text' },
    levels: { 'Je me sens isolé(e)': ['Pas du tout', 'Un peu', 'Moyennement', 'Beaucoup', 'Énormément'] },
  },
  {
    file: 'evalandgo.csv', source: 'evalandgo', encoding: 'utf-8', delimiter: ';', rows: 5,
    types: { 'ID répondant': 'identifier', 'Date de début': 'timestamp', 'Q1. Vous accompagnez un proche :': 'single', 'Q2. Nombre d’heures d’aide par semaine': 'number', 'Q3. Vos besoins': 'multiple', 'Q5. Remarques': 'text' },
    levels: { 'Q4. Je me sens soutenu(e) dans mon rôle d’aidant': AGREE_STRAIGHT },
  },
  {
    file: 'excel-fr-windows-1252.csv', source: 'generic', encoding: 'windows-1252', delimiter: ';', rows: 5,
    types: { 'N° questionnaire': 'identifier', "Date d'entretien": 'date', 'Âge': 'number', "Montant de l'aide (€)": 'number', Remarques: 'text' },
    levels: { "Sentiment d'isolement": FREQUENCY },
  },
  {
    file: 'texte-unicode-utf16le.txt', source: 'generic', encoding: 'utf-16le', delimiter: '\t', rows: 5,
    types: { Prénom: 'text', 'Nombre de visites par mois': 'number', 'Ce qui a changé': 'text' },
    levels: { Satisfaction: ['Très insatisfait', 'Insatisfaite', 'Satisfait', 'Très satisfaite'] },
  },
  {
    file: 'dates-ambigues.csv', source: 'generic', encoding: 'utf-8', delimiter: ',', rows: 5,
    types: { 'Date de la visite': 'date', 'Visites reçues ce mois': 'number' },
    levels: { Moral: AGREE_STRAIGHT },
  },
];

describe('recognising each tool’s real export', () => {
  it.each(CASES)('$file: source, encoding, delimiter, answers, question types and scale order', (c) => {
    const inspection = inspectSurvey(fixture(c.file));
    expect(inspection).toMatchObject({ source: c.source, encoding: c.encoding, delimiter: c.delimiter, rows: c.rows });
    const byKey = new Map(inspection.questions.map((q) => [q.key, q]));
    for (const [key, type] of Object.entries(c.types)) expect(byKey.get(key)?.type, key).toBe(type);
    for (const [key, levels] of Object.entries(c.levels ?? {})) expect(byKey.get(key), key).toMatchObject({ type: 'likert', levels });
    for (const q of inspection.questions) expect(Object.keys(q).sort()).toEqual(q.levels ? ['key', 'label', 'levels', 'type'] : ['key', 'label', 'type']);
  });

  it('SurveyMonkey: the label is the question text of the first header row, options fold into one question', () => {
    const q = inspectSurvey(fixture('surveymonkey.csv')).questions;
    expect(q.find((x) => x.key.endsWith('[Je me sens soutenu(e)]'))?.label).toBe('Dans quelle mesure êtes-vous d’accord avec les affirmations suivantes ?');
    expect(q.map((x) => x.key)).not.toContain('Colonne 12');
  });

  it('LimeSurvey: incomplete responses are left out with a warning naming their row', () => {
    const { rows, warnings } = inspectSurvey(fixture('limesurvey.csv'));
    expect(rows).toBe(5);
    expect(warnings.filter((w) => w.column === 'submitdate' && w.row > 0).map((w) => w.row)).toEqual([4, 7]);
  });

  it('Kobo: the 0/1 option columns fold into their select_multiple question', () => {
    const keys = inspectSurvey(fixture('kobotoolbox.csv')).questions.map((q) => q.key);
    expect(keys).toContain('aide/services');
    expect(keys).not.toContain('aide/services/menage');
  });

  it('French Excel: « douze » in a number column is an error that says where and how to fix it', () => {
    const { errors } = inspectSurvey(fixture('excel-fr-windows-1252.csv'));
    expect(errors).toEqual([{ row: 4, column: 'Âge', message: expect.stringMatching(/« douze » n’est pas un nombre.*chiffres/) }]);
  });

  it('ambiguous dates: a warning names the column', () => {
    const { warnings } = inspectSurvey(fixture('dates-ambigues.csv'));
    expect(warnings).toEqual([{ row: 0, column: 'Date de la visite', message: expect.stringContaining('ambiguës') }]);
  });

  it('SurveyMonkey dates whose day cannot be told apart are read month first (the tool’s format), with a warning', () => {
    const { warnings } = inspectSurvey(fixture('surveymonkey.csv'));
    expect(warnings.map((w) => w.column)).toEqual(['Start Date', 'End Date']);
    expect(warnings[0]!.message).toContain('mois/jour/année');
  });
});
