import { describe, expect, it } from 'vitest';
import { inspectSurvey, prepareImport } from '../../../shared/survey/import';
import { matchScale } from '../../../shared/survey/scales';
import { dateParts, isMissingAnswer, isoDate, parseNumber } from '../../../shared/survey/values';
import { statedRange } from '../../../shared/survey/typing';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('reading answers the way people write them', () => {
  it.each([
    ['1 234,5', 1234.5], ['1\u00a0234,5', 1234.5], ['1\u202f234', 1234], ['3,5', 3.5], ['3.5', 3.5], ['-12', -12], ['douze', null], ['12 ans', null], ['1 23', null],
  ] as const)('number %j → %j', (text, value) => expect(parseNumber(text)).toBe(value));

  it.each([
    ['26/11/2026 14:03:12', 'dmy', '2026-11-26T14:03:12'],
    ['11/26/2026 14:03:12', 'mdy', '2026-11-26T14:03:12'],
    ['11/26/2026 02:03:12 PM', 'mdy', '2026-11-26T14:03:12'],
    ['11/26/2026 12:03:12 AM', 'mdy', '2026-11-26T00:03:12'],
    ['2026-11-26', 'dmy', '2026-11-26'],
    ['2026-11-26T09:05:12.118+01:00', 'dmy', '2026-11-26T09:05:12+01:00'],
    ['26/11/2026 - 14:03', 'dmy', '2026-11-26T14:03:00'],
    ['31/02/2026', 'dmy', null],
    ['2024/01/10 8:00:00 UTC+1', 'mdy', '2024-01-10T08:00:00+01:00'],
    ['2024/01/10 8:00:00 AM GMT+1', 'dmy', '2024-01-10T08:00:00+01:00'],
    ['2024/01/10 8:00:00 PM GMT-5', 'dmy', '2024-01-10T20:00:00-05:00'],
    ['2024/04/02 12:30:00 AM GMT', 'dmy', '2024-04-02T00:30:00Z'],
    ['2024-01-10 08:00:00 UTC', 'dmy', '2024-01-10T08:00:00Z'],
    ['2024-01-10T08:00Z', 'dmy', '2024-01-10T08:00:00Z'],
    ['2024-01-10T08:00:00+0530', 'dmy', '2024-01-10T08:00:00+05:30'],
    ['10/01/2024 08:00:00 UTC+5:30', 'dmy', '2024-01-10T08:00:00+05:30'],
    ['10.01.2024', 'dmy', '2024-01-10'],
    ['10.01.2024 8h15', 'dmy', '2024-01-10T08:15:00'],
    ['2024/1/5', 'mdy', '2024-01-05'],
    ['10/01/2024 9:00 CEST', 'dmy', '2024-01-10T09:00:00+02:00'],
  ] as const)('date %j read %s → %j', (text, order, iso) => expect(isoDate(dateParts(text)!, order)).toBe(iso));

  it('orders known scales lowest to highest whatever the case, accents, apostrophes and spaces', () => {
    const counts = new Map([['TOUT A FAIT D’ACCORD ', 2], ["plutot pas d'accord", 1], ['Pas du tout d’accord', 1], ['Plutôt d’accord', 3]]);
    expect(matchScale(counts)?.levels).toEqual(['Pas du tout d’accord', 'plutot pas d\'accord', 'Plutôt d’accord', 'TOUT A FAIT D’ACCORD']);
    expect(matchScale(new Map([['Strongly agree', 1], ['Disagree', 2], ['Neutral', 1]]))?.levels).toEqual(['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree']);
    expect(matchScale(new Map([['Always', 1], ['Never', 1]]))?.levels).toEqual(['Never', 'Rarely', 'Sometimes', 'Often', 'Always']);
  });

  it.each(['Ne sait pas', 'NSP', 'N/A', 'Refus', 'Sans avis', 'Don’t know', 'Prefer not to say', ' nsp '])('« %s » is a missing answer, not a level', (text) => {
    expect(isMissingAnswer(text)).toBe(true);
  });

  it('keeps missing answers out of the levels and counts them apart', () => {
    const file = 'Répondant,Aide\nA,Souvent\nB,Jamais\nC,NSP\nD,Parfois\nE,Ne sait pas\nF,\n';
    const { questions, problems } = prepareImport(utf8(file));
    expect(questions[1]).toMatchObject({ type: 'likert', levels: ['Jamais', 'Rarement', 'Parfois', 'Souvent', 'Toujours'], answered: 3, missing: 2, blank: 1 });
    expect(problems.errors).toEqual([]);
  });

  it('types a 1–5 scale and a 0–10 scale as Likert, but not a count', () => {
    const file = 'Note de 1 à 5,Recommandation,Nombre d’enfants\n1,0,3\n4,7,0\n5,10,4\n2,9,1\n3,8,2\n';
    const q = inspectSurvey(utf8(file)).questions;
    expect(q.map((x) => [x.type, x.levels?.length])).toEqual([['likert', 5], ['likert', 11], ['number', undefined]]);
  });

  it('decides the day/month order from a day above 12, and warns only when nothing decides', () => {
    expect(inspectSurvey(utf8('Date\n03/04/2026\n25/04/2026\n')).warnings).toEqual([]);
    expect(prepareImport(utf8('Date\n03/04/2026\n04/25/2026\n')).table.values).toEqual([['2026-03-04'], ['2026-04-25']]);
    expect(inspectSurvey(utf8('Date\n03/04/2026\n05/06/2026\n')).warnings).toMatchObject([{ kind: 'ambiguous-dates', column: 'Date' }]);
  });

  it('applies corrections: type, levels and date order', () => {
    const file = 'Date,Humeur,Code postal\n03/04/2026,bof,15000\n05/06/2026,bien,15100\n07/08/2026,très bien,15000\n';
    const prepared = prepareImport(utf8(file), {
      corrections: { Date: { dateOrder: 'mdy' }, Humeur: { type: 'likert', levels: ['bof', 'bien', 'très bien'] }, 'Code postal': { type: 'text' } },
    });
    expect(prepared.questions.map((q) => [q.type, q.levels])).toEqual([['date', undefined], ['likert', ['bof', 'bien', 'très bien']], ['text', undefined]]);
    expect(prepared.table.values[0]).toEqual(['2026-03-04', 'bof', '15000']);
    expect(prepared.problems.warnings).toEqual([]);
  });

  it('an answer outside the corrected levels is kept as written and reported with its row, never blocking', () => {
    const file = 'Humeur\nbof\nbien\nsuper\n';
    const prepared = prepareImport(utf8(file), { corrections: { Humeur: { type: 'likert', levels: ['bof', 'bien'] } } });
    expect(prepared.problems.errors).toEqual([]);
    expect(prepared.problems.warnings).toEqual([{ row: 4, column: 'Humeur', key: 'Humeur', value: 'super', kind: 'not-level', detail: 'bof < bien', message: expect.stringContaining('n’est pas un niveau') }]);
    expect(prepared.table.values.map((r) => r[0])).toEqual(['bof', 'bien', 'super']);
  });

  it('a date column with a few values that are not dates is reported once, with the count and the first rows', () => {
    const rows = Array.from({ length: 120 }, (_, i) => (i === 10 ? 'hier' : i === 40 ? 'la semaine dernière' : i === 80 ? '31/02/2024' : `${String(1 + (i % 28)).padStart(2, '0')}/01/2024 10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`));
    const inspection = inspectSurvey(utf8(`Horodateur,Q\n${rows.map((r) => `${r},x`).join('\n')}\n`));
    expect(inspection.errors).toEqual([]);
    expect(inspection.warnings).toMatchObject([
      { kind: 'not-date', column: 'Horodateur', count: 3, rows: [12, 42, 82], message: 'Horodateur : 3 valeurs sur 120 ne sont pas des dates, par exemple ligne 12 « hier », ligne 42 « la semaine dernière », ligne 82 « 31/02/2024 ». Elles sont gardées telles quelles, en texte. Corrigez ces cases dans le fichier, ou gardez la colonne en texte.' },
    ]);
  });
});

describe('typing a column as a person would', () => {
  const types = (csv: string) => inspectSurvey(utf8(csv)).questions.map((q) => q.type);
  const column = (header: string, values: string[]) => `${header}\n${values.map((v) => `"${v.replace(/"/g, '""')}"`).join('\n')}\n`;

  it('a short file where a few comments repeat is free text, not a choice list', () => {
    expect(types(column('Un mot sur le service ?', ['RAS', 'RAS', 'Rien', 'RAS', 'Très bien']))).toEqual(['text']);
    expect(types(column('Prénom', ['Marie', 'Jean', 'Paul', 'Marie']))).toEqual(['text']);
  });

  it('sentences with commas are free text, even repeated', () => {
    const sentences = ['Merci, rien à ajouter.', 'Les horaires changent trop souvent, c’est fatigant.', 'Merci, rien à ajouter.', 'Bien, merci.'];
    expect(types(`Horodateur,Q\n${sentences.map((s, i) => `2024/01/1${i} 8:00:00 UTC+1,"${s}"`).join('\n')}\n`)).toEqual(['text']);
  });

  it('a 0–10 rating is a scale from 0 to 10, never a choice, whatever values were given', () => {
    expect(inspectSurvey(utf8(column('Sur une échelle de 0 à 10, recommanderiez-vous ce service ?', ['9', '10', '8', '10', '9']))).questions[0]).toMatchObject({ type: 'likert', levels: Array.from({ length: 11 }, (_, i) => String(i)) });
    expect(inspectSurvey(utf8(column('Note sur 10', ['7', '10', '8']))).questions[0]).toMatchObject({ type: 'likert', levels: Array.from({ length: 11 }, (_, i) => String(i)) });
    expect(inspectSurvey(utf8(column('Notez de 1 à 5', ['5', '4', '5']))).questions[0]).toMatchObject({ type: 'likert', levels: ['1', '2', '3', '4', '5'] });
  });

  it.each([
    ['de 0 à 10', [0, 10]], ['(1-5)', [1, 5]], ['sur 10', [0, 10]], ['/5', [1, 5]], ['Recommanderiez-vous…', [0, 10]], ['How likely are you to recommend', [0, 10]], ['Votre âge', null],
  ] as const)('the range a header states: %s → %j', (header, range) => expect(statedRange(header)).toEqual(range));

  it('e-mail and IP addresses are personal data, recognised by their header or their values', () => {
    const inspection = inspectSurvey(utf8('Courriel,Contact,Réseau,Avis\na@b.fr,x@y.org,192.168.1.4,Bien\nc@d.fr,z@w.org,10.0.0.2,Moyen\n'));
    expect(inspection.questions.map((q) => q.key)).toEqual(['Avis']);
    expect(inspection.metadata).toEqual([
      { key: 'Courriel', label: 'Courriel', use: 'personal' },
      { key: 'Contact', label: 'Contact', use: 'personal' },
      { key: 'Réseau', label: 'Réseau', use: 'personal' },
    ]);
  });

  it('finds the header row below a title and below group headers, as hand-made sheets and Kobo write them', () => {
    const titled = inspectSurvey(utf8('Enquête aidants 2026,,\n,,\nNom,Âge,Avis\nA,81,Bien\nB,77,Moyen\n'));
    expect(titled).toMatchObject({ headerRow: 3, rows: 2 });
    expect(titled.questions.map((q) => q.key)).toEqual(['Nom', 'Âge', 'Avis']);
    const grouped = inspectSurvey(utf8('Identification,,Bien-être,\nCommune,Âge,Isolement,Visites\nMurat,81,Souvent,2\nYtrac,77,Parfois,3\n'));
    expect(grouped).toMatchObject({ headerRow: 2, rows: 2 });
  });
});

describe('keying each answer', () => {
  it('uses the tool’s own id and reports an id seen twice', () => {
    const file = 'Respondent ID,Collector ID,Start Date,Q\n,,,Response\n101,9,11/02/2026 09:14:03 AM,Oui\n102,9,11/02/2026 09:15:03 AM,Non\n101,9,11/02/2026 09:14:03 AM,Oui\n';
    const { keys, problems } = prepareImport(utf8(file));
    expect(keys).toEqual(['tool:surveymonkey:101', 'tool:surveymonkey:102', 'tool:surveymonkey:101']);
    expect(problems.warnings).toContainEqual({ row: 5, column: 'Respondent ID', kind: 'duplicate-id', value: '101', message: expect.stringContaining('ligne 3') });
  });

  it('fingerprints rows without an id, counting identical rows as occurrences', () => {
    const file = 'Aide,Avis\nRepas,Bien\nMénage,Bien\nRepas,Bien\n';
    const { keys, problems } = prepareImport(utf8(file));
    expect(keys[0]).toMatch(/^fp:[0-9a-f]{32}$/);
    expect(keys[2]).toBe(`${keys[0]}#2`);
    expect(new Set(keys).size).toBe(3);
    expect(problems.warnings).toContainEqual({ row: 4, column: '', kind: 'identical-row', message: expect.stringContaining('ligne 2') });
  });

  it('gives the same keys to the same answers in a later cumulative export, even with a question added', () => {
    const first = prepareImport(utf8('Horodateur,Q\n26/11/2026 14:03:12,Oui\n')).keys;
    const second = prepareImport(utf8('Horodateur,Q\n26/11/2026 14:03:12,Oui\n27/11/2026 09:00:00,Non\n')).keys;
    const added = prepareImport(utf8('Horodateur,Q,Nouvelle question\n26/11/2026 14:03:12,Oui,\n27/11/2026 09:00:00,Non,Peut-être\n')).keys;
    expect(second.slice(0, 1)).toEqual(first);
    expect(added[0]).toBe(second[0]);
  });

  it('a type corrected in the preview does not change the keys', () => {
    const file = utf8('Âge,Avis\n81,Bien\n77,Moyen\n');
    expect(prepareImport(file, { corrections: { Âge: { type: 'text' } } }).keys).toEqual(prepareImport(file).keys);
  });
});
