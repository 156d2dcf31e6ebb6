// Every fixture, as `repere inspect --json` shows it: the tool recognised, every question typed as a person would type
// it (the whole list, nothing more), the tool's own columns folded apart with what each is kept for.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectSurvey, prepareImport } from '../../../shared/survey/import';
import type { FileFormat, MetadataUse, QuestionType, SourceId } from '../../../shared/survey/types';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../fixtures/surveys', name)));

interface Case {
  file: string;
  source: SourceId;
  format: FileFormat;
  rows: number;
  headerRow: number;
  types: Record<string, QuestionType>;
  metadata: Record<string, MetadataUse>;
}

export const FIXTURES: Case[] = [
  {"file": "dates-ambigues.csv", "source": "generic", "format": "csv", "rows": 5, "headerRow": 1, "types": {"Répondant": "identifier", "Date de la visite": "date", "Visites reçues ce mois": "number", "Moral": "likert"}, "metadata": {}},
  {"file": "evalandgo.csv", "source": "evalandgo", "format": "csv", "rows": 5, "headerRow": 1, "types": {"Q1. Vous accompagnez un proche :": "single", "Q2. Nombre d’heures d’aide par semaine": "number", "Q3. Vos besoins": "multiple", "Q4. Je me sens soutenu(e) dans mon rôle d’aidant": "likert", "Q5. Remarques": "text"}, "metadata": {"ID répondant": "kept", "Date de début": "kept", "Date de fin": "kept", "Statut": "kept", "Langue": "kept"}},
  {"file": "excel-fr-windows-1252.csv", "source": "generic", "format": "csv", "rows": 5, "headerRow": 1, "types": {"N° questionnaire": "identifier", "Date d'entretien": "date", "Commune": "single", "Âge": "number", "Montant de l'aide (€)": "number", "Sentiment d'isolement": "likert", "Remarques": "text"}, "metadata": {}},
  {"file": "framaforms.csv", "source": "framaforms", "format": "csv", "rows": 5, "headerRow": 1, "types": {"Vous êtes :": "single", "Nombre d’heures d’aide par semaine": "number", "Services utilisés": "multiple", "Satisfaction globale": "likert", "Remarques": "text"}, "metadata": {"Serial": "kept", "SID": "kept", "Time": "kept", "Draft": "kept", "IP Address": "personal", "UID": "ignored", "Username": "personal"}},
  {"file": "google-forms-en-download.csv", "source": "google-forms", "format": "csv", "rows": 7, "headerRow": 1, "types": {"Votre âge": "number", "Vous êtes :": "single", "Quels services utilisez-vous ?": "multiple", "Recommanderiez-vous le service à un proche ? (0 = pas du tout, 10 = tout à fait)": "likert", "Ce qui a changé pour vous": "text"}, "metadata": {"Timestamp": "kept", "Email Address": "personal", "Score": "kept"}},
  {"file": "google-forms-fr-telechargement.csv", "source": "google-forms", "format": "csv", "rows": 12, "headerRow": 1, "types": {"Votre âge": "number", "Vous êtes :": "single", "Quelles aides recevez-vous ?": "multiple", "Sur une échelle de 0 à 10, recommanderiez-vous notre service à un proche ?": "likert", "Je me sens seul(e) [En semaine]": "likert", "Je me sens seul(e) [Le week-end]": "likert", "Un mot sur votre quotidien ?": "text"}, "metadata": {"Horodateur": "kept", "Adresse e-mail": "personal"}},
  {"file": "google-forms.csv", "source": "google-forms", "format": "csv", "rows": 7, "headerRow": 1, "types": {"Votre âge": "number", "Depuis combien de temps aidez-vous votre proche ?": "single", "Quelles aides recevez-vous ?": "multiple", "Je me sens seul(e) [En semaine]": "likert", "Je me sens seul(e) [Le week-end]": "likert", "Êtes-vous satisfait(e) de l’aide à domicile ?": "likert", "Un mot sur votre quotidien ?": "text"}, "metadata": {"Horodateur": "kept", "Adresse e-mail": "personal"}},
  {"file": "kobotoolbox.csv", "source": "kobotoolbox", "format": "csv", "rows": 6, "headerRow": 1, "types": {"identification/commune": "single", "identification/age": "number", "aide/services": "multiple", "bien_etre/isolement": "likert", "bien_etre/nb_visites": "number"}, "metadata": {"start": "kept", "end": "kept", "today": "kept", "_id": "kept", "_uuid": "kept", "_submission_time": "kept", "_validation_status": "kept", "_notes": "ignored", "_status": "kept", "_submitted_by": "personal", "__version__": "kept", "_tags": "ignored", "_index": "ignored"}},
  {"file": "kobotoolbox.xlsx", "source": "kobotoolbox", "format": "xlsx", "rows": 6, "headerRow": 1, "types": {"identification/commune": "single", "identification/age": "number", "aide/services": "multiple", "bien_etre/isolement": "likert", "bien_etre/nb_visites": "number"}, "metadata": {"start": "kept", "end": "kept", "today": "kept", "_id": "kept", "_uuid": "kept", "_submission_time": "kept", "_validation_status": "kept", "_notes": "ignored", "_status": "kept", "_submitted_by": "personal", "__version__": "kept", "_tags": "ignored", "_index": "ignored"}},
  {"file": "libreoffice.ods", "source": "google-forms", "format": "ods", "rows": 12, "headerRow": 1, "types": {"Votre âge": "number", "Vous êtes :": "single", "Quelles aides recevez-vous ?": "multiple", "Sur une échelle de 0 à 10, recommanderiez-vous notre service à un proche ?": "likert", "Je me sens seul(e) [En semaine]": "likert", "Je me sens seul(e) [Le week-end]": "likert", "Un mot sur votre quotidien ?": "text"}, "metadata": {"Horodateur": "kept", "Adresse e-mail": "personal"}},
  {"file": "limesurvey.csv", "source": "limesurvey", "format": "csv", "rows": 5, "headerRow": 1, "types": {"AGE": "number", "LIEN": "single", "AIDES": "multiple", "AIDES[other]": "text", "ISOL[SQ001]": "likert", "ISOL[SQ002]": "likert", "COMMENT": "text"}, "metadata": {"id": "kept", "submitdate": "kept", "lastpage": "kept", "startlanguage": "kept", "seed": "ignored", "startdate": "kept", "datestamp": "kept"}},
  {"file": "limesurvey.xlsx", "source": "limesurvey", "format": "xlsx", "rows": 5, "headerRow": 1, "types": {"AGE": "number", "LIEN": "single", "AIDES": "multiple", "AIDES[other]": "text", "ISOL[SQ001]": "likert", "ISOL[SQ002]": "likert", "COMMENT": "text"}, "metadata": {"id": "kept", "submitdate": "kept", "lastpage": "kept", "startlanguage": "kept", "seed": "ignored", "startdate": "kept", "datestamp": "kept"}},
  {"file": "saisie-a-la-main.xlsx", "source": "generic", "format": "xlsx", "rows": 6, "headerRow": 3, "types": {"N°": "identifier", "Date de l’entretien": "date", "Commune": "single", "Âge": "number", "Heures d’aide par semaine": "number", "Je me sens soutenu(e)": "likert", "Ce qui aiderait le plus": "text"}, "metadata": {}},
  {"file": "sphinx.csv", "source": "sphinx", "format": "csv", "rows": 5, "headerRow": 1, "types": {"Vous êtes": "single", "Âge": "number", "Aides reçues": "multiple", "Je me sens isolé(e)": "likert", "Commentaires": "text"}, "metadata": {"IDENT": "kept", "Date de saisie": "kept", "Etat": "kept", "Durée de saisie": "kept"}},
  {"file": "surveymonkey.csv", "source": "surveymonkey", "format": "csv", "rows": 5, "headerRow": 1, "types": {"Quel est votre lien avec la personne que vous aidez ?": "single", "Quels services utilisez-vous ?": "multiple", "Quels services utilisez-vous ? [Other (please specify)]": "text", "Dans quelle mesure êtes-vous d’accord avec les affirmations suivantes ? [Je me sens épuisé(e)]": "likert", "Dans quelle mesure êtes-vous d’accord avec les affirmations suivantes ? [Je me sens soutenu(e)]": "likert", "Avez-vous des remarques ?": "text"}, "metadata": {"Respondent ID": "kept", "Collector ID": "kept", "Start Date": "kept", "End Date": "kept", "IP Address": "personal", "Email Address": "personal", "First Name": "personal", "Last Name": "personal", "Custom Data 1": "personal"}},
  {"file": "surveymonkey.xlsx", "source": "surveymonkey", "format": "xlsx", "rows": 5, "headerRow": 1, "types": {"Quel est votre lien avec la personne que vous aidez ?": "single", "Quels services utilisez-vous ?": "multiple", "Quels services utilisez-vous ? [Other (please specify)]": "text", "Dans quelle mesure êtes-vous d’accord avec les affirmations suivantes ? [Je me sens épuisé(e)]": "likert", "Dans quelle mesure êtes-vous d’accord avec les affirmations suivantes ? [Je me sens soutenu(e)]": "likert", "Avez-vous des remarques ?": "text"}, "metadata": {"Respondent ID": "kept", "Collector ID": "kept", "Start Date": "kept", "End Date": "kept", "IP Address": "personal", "Email Address": "personal", "First Name": "personal", "Last Name": "personal", "Custom Data 1": "personal"}},
  {"file": "texte-unicode-utf16le.txt", "source": "generic", "format": "csv", "rows": 5, "headerRow": 1, "types": {"Prénom": "text", "Rôle": "text", "Nombre de visites par mois": "number", "Satisfaction": "likert", "Ce qui a changé": "text"}, "metadata": {}},
  {"file": "typeform.csv", "source": "typeform", "format": "csv", "rows": 5, "headerRow": 1, "types": {"Quel âge avez-vous ?": "number", "Vivez-vous seul(e) ?": "single", "À quelle fréquence voyez-vous vos proches ?": "likert", "Qu’est-ce qui vous aiderait le plus ?": "text"}, "metadata": {"#": "kept", "Start Date (UTC)": "kept", "Submit Date (UTC)": "kept", "Stage Date (UTC)": "kept", "Network ID": "personal"}},
];

const AGREE = ['Pas du tout d’accord', 'Plutôt pas d’accord', 'Plutôt d’accord', 'Tout à fait d’accord'];
const AGREE_STRAIGHT = AGREE.map((l) => l.replace('’', "'"));
const FREQUENCY = ['Jamais', 'Rarement', 'Parfois', 'Souvent', 'Toujours'];
const ZERO_TO_TEN = Array.from({ length: 11 }, (_, i) => String(i));

const LEVELS: Record<string, Record<string, string[]>> = {
  'google-forms.csv': { 'Je me sens seul(e) [Le week-end]': FREQUENCY, 'Êtes-vous satisfait(e) de l’aide à domicile ?': ['Très insatisfait(e)', 'Plutôt insatisfait(e)', 'Satisfait(e)', 'Très satisfait(e)'] },
  'google-forms-fr-telechargement.csv': { 'Sur une échelle de 0 à 10, recommanderiez-vous notre service à un proche ?': ZERO_TO_TEN, 'Je me sens seul(e) [En semaine]': FREQUENCY },
  'google-forms-en-download.csv': { 'Recommanderiez-vous le service à un proche ? (0 = pas du tout, 10 = tout à fait)': ZERO_TO_TEN },
  'kobotoolbox.csv': { 'bien_etre/isolement': ['jamais', 'rarement', 'parfois', 'souvent', 'toujours'] },
  'limesurvey.csv': { 'ISOL[SQ001]': [AGREE_STRAIGHT[0]!, AGREE_STRAIGHT[1]!, "Ni d'accord ni pas d'accord", AGREE_STRAIGHT[2]!, AGREE_STRAIGHT[3]!], 'ISOL[SQ002]': AGREE_STRAIGHT },
  'surveymonkey.xlsx': { 'Dans quelle mesure êtes-vous d’accord avec les affirmations suivantes ? [Je me sens épuisé(e)]': AGREE },
  'saisie-a-la-main.xlsx': { 'Je me sens soutenu(e)': AGREE },
  'typeform.csv': { 'À quelle fréquence voyez-vous vos proches ?': FREQUENCY },
  'framaforms.csv': { 'Satisfaction globale': ['Très insatisfait', 'Insatisfait', 'Satisfait', 'Très satisfait'] },
  'sphinx.csv': { 'Je me sens isolé(e)': ['Pas du tout', 'Un peu', 'Moyennement', 'Beaucoup', 'Énormément'] },
  'evalandgo.csv': { 'Q4. Je me sens soutenu(e) dans mon rôle d’aidant': AGREE_STRAIGHT },
};

describe('recognising each tool’s real export', () => {
  it.each(FIXTURES)('$file: source, format, answers, every question typed, the tool’s columns apart', (c) => {
    const inspection = inspectSurvey(fixture(c.file));
    expect(inspection).toMatchObject({ source: c.source, format: c.format, rows: c.rows, headerRow: c.headerRow, errors: [] });
    expect(Object.fromEntries(inspection.questions.map((q) => [q.key, q.type]))).toEqual(c.types);
    expect(Object.fromEntries(inspection.metadata.map((m) => [m.key, m.use]))).toEqual(c.metadata);
    for (const [key, levels] of Object.entries(LEVELS[c.file] ?? {})) expect(inspection.questions.find((q) => q.key === key), key).toMatchObject({ type: 'likert', levels });
    for (const q of inspection.questions) expect(q.examples.length, q.key).toBeGreaterThan(0);
  });

  it('every fixture in the folder is in the table above', () => {
    const files = readdirSync(join(__dirname, '../../fixtures/surveys')).filter((f) => f !== 'README.md');
    expect(files.sort()).toEqual(FIXTURES.map((c) => c.file).sort());
  });

  it('Google Forms downloads: the timestamp’s zone is applied, not dropped, in French and English', () => {
    const fr = prepareImport(fixture('google-forms-fr-telechargement.csv'));
    expect(fr.table.values.map((row) => row[0]).slice(0, 2)).toEqual(['2024-01-10T08:00:00+01:00', '2024-01-10T09:12:45+01:00']);
    expect(fr.table.values.at(-1)![0]).toBe('2024-04-08T12:00:00+02:00');
    const en = prepareImport(fixture('google-forms-en-download.csv'));
    expect(en.table.values.map((row) => row[0])).toEqual([
      '2024-01-10T08:00:00+01:00', '2024-01-10T14:35:12+01:00', '2024-01-11T12:05:00+01:00', '2024-01-12T00:30:45+01:00',
      '2024-03-31T09:15:00+02:00', '2024-04-02T18:40:21+02:00', '2024-04-03T10:10:10Z',
    ]);
  });

  it('Google Forms: checkbox options holding a comma stay whole, written « ; » between options', () => {
    const prepared = prepareImport(fixture('google-forms-fr-telechargement.csv'));
    const q = prepared.questions.findIndex((x) => x.key === 'Quelles aides recevez-vous ?');
    expect(prepared.questions[q]!.options).toEqual(['Repas, courses et ménage', 'Aide à la toilette', 'Répit, accueil de jour']);
    expect(prepared.table.values[2]![q]).toBe('Répit, accueil de jour ; Repas, courses et ménage');
  });

  it('a spreadsheet keeps its cell types: date cells are dates, number cells numbers, the header below a title', () => {
    const prepared = prepareImport(fixture('saisie-a-la-main.xlsx'));
    expect(prepared.table).toMatchObject({ format: 'xlsx', sheets: ['Entretiens', 'Notes'], sheet: 'Entretiens', headerRow: 3, rowNumbers: [4, 5, 6, 7, 8, 9] });
    expect(prepared.table.values[0]!.slice(0, 5)).toEqual(['E-01', '2026-10-05', 'Aurillac', 81, 12.5]);
    expect(inspectSurvey(fixture('saisie-a-la-main.xlsx'), { sheet: 'Notes' })).toMatchObject({ sheet: 'Notes', rows: 0 });
    expect(inspectSurvey(fixture('saisie-a-la-main.xlsx'), { sheet: 'Budget' }).errors[0]!.message).toContain('Feuille « Budget » introuvable dans ce classeur. Feuilles : « Entretiens », « Notes ».');
  });

  it('the same answers give the same keys from the CSV download and from its copy saved by LibreOffice', () => {
    expect(prepareImport(fixture('libreoffice.ods')).keys).toEqual(prepareImport(fixture('google-forms-fr-telechargement.csv')).keys);
  });

  it('SurveyMonkey: two header rows, the label is the question text of the first, options fold into one question', () => {
    for (const file of ['surveymonkey.csv', 'surveymonkey.xlsx']) {
      const q = inspectSurvey(fixture(file)).questions;
      expect(q.find((x) => x.key.endsWith('[Je me sens soutenu(e)]'))?.label).toBe('Dans quelle mesure êtes-vous d’accord avec les affirmations suivantes ?');
      expect(q.map((x) => x.key)).not.toContain('Colonne 12');
    }
  });

  it('LimeSurvey: incomplete responses are left out, in one warning naming their rows', () => {
    for (const file of ['limesurvey.csv', 'limesurvey.xlsx']) {
      const { rows, warnings } = inspectSurvey(fixture(file));
      expect(rows).toBe(5);
      expect(warnings).toMatchObject([{ kind: 'incomplete', column: 'submitdate', count: 2, rows: [4, 7], message: expect.stringContaining('2 réponses incomplètes (sans submitdate) laissées de côté, lignes 4 et 7') }]);
    }
  });

  it('Kobo: the 0/1 option columns fold into their select_multiple question', () => {
    for (const file of ['kobotoolbox.csv', 'kobotoolbox.xlsx']) {
      const prepared = prepareImport(fixture(file));
      expect(prepared.questions.map((q) => q.key)).not.toContain('aide/services/menage');
      const q = prepared.questions.findIndex((x) => x.key === 'aide/services');
      expect(prepared.table.values[0]![q]).toBe('menage ; repas');
    }
  });

  it('French Excel: « douze » in a number column is kept as text, reported once with its row', () => {
    const { errors, warnings } = inspectSurvey(fixture('excel-fr-windows-1252.csv'));
    expect(errors).toEqual([]);
    expect(warnings).toMatchObject([{ kind: 'not-number', column: 'Âge', key: 'Âge', count: 1, rows: [4], message: 'Âge : 1 valeur sur 5 n’est pas un nombre, par exemple ligne 4 « douze ». Elle est gardée telle quelle, en texte. Corrigez ces cases dans le fichier (12 ou 1 234,5), ou gardez la colonne en texte.' }]);
  });

  it('ambiguous dates: one warning names the column and the order used', () => {
    expect(inspectSurvey(fixture('dates-ambigues.csv')).warnings).toMatchObject([{ kind: 'ambiguous-dates', column: 'Date de la visite', message: expect.stringContaining('ambiguës') }]);
    const { warnings } = inspectSurvey(fixture('surveymonkey.csv'));
    expect(warnings.map((w) => w.column)).toEqual(['Start Date', 'End Date']);
    expect(warnings[0]!.message).toContain('mois/jour/année');
  });
});
