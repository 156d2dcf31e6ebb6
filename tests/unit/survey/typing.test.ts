import { describe, expect, it } from 'vitest';
import { inspectSurvey, prepareImport } from '../../../shared/survey/import';
import { matchScale } from '../../../shared/survey/scales';
import { dateParts, isMissingAnswer, isoDate, parseNumber } from '../../../shared/survey/values';

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
    expect(inspectSurvey(utf8('Date\n03/04/2026\n05/06/2026\n')).warnings).toMatchObject([{ row: 0, column: 'Date' }]);
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

  it('an answer outside the corrected levels is an error naming row, column and value', () => {
    const file = 'Humeur\nbof\nbien\nsuper\n';
    const { problems } = prepareImport(utf8(file), { corrections: { Humeur: { type: 'likert', levels: ['bof', 'bien'] } } });
    expect(problems.errors).toEqual([{ row: 4, column: 'Humeur', value: 'super', message: expect.stringContaining('n’est pas un niveau') }]);
  });
});

describe('keying each answer', () => {
  it('uses the tool’s own id and reports an id seen twice', () => {
    const file = 'Respondent ID,Collector ID,Start Date,Q\n,,,Response\n101,9,11/02/2026 09:14:03 AM,Oui\n102,9,11/02/2026 09:15:03 AM,Non\n101,9,11/02/2026 09:14:03 AM,Oui\n';
    const { keys, problems } = prepareImport(utf8(file));
    expect(keys).toEqual(['tool:surveymonkey:101', 'tool:surveymonkey:102', 'tool:surveymonkey:101']);
    expect(problems.warnings).toContainEqual({ row: 5, column: 'Respondent ID', value: '101', message: expect.stringContaining('ligne 3') });
  });

  it('fingerprints rows without an id, counting identical rows as occurrences', () => {
    const file = 'Aide,Avis\nRepas,Bien\nMénage,Bien\nRepas,Bien\n';
    const { keys, problems } = prepareImport(utf8(file));
    expect(keys[0]).toMatch(/^fp:[0-9a-f]{32}$/);
    expect(keys[2]).toBe(`${keys[0]}#2`);
    expect(new Set(keys).size).toBe(3);
    expect(problems.warnings).toContainEqual({ row: 4, column: '', message: expect.stringContaining('ligne 2') });
  });

  it('gives the same keys to the same answers in a later cumulative export', () => {
    const first = prepareImport(utf8('Horodateur,Q\n26/11/2026 14:03:12,Oui\n')).keys;
    const second = prepareImport(utf8('Horodateur,Q\n26/11/2026 14:03:12,Oui\n27/11/2026 09:00:00,Non\n')).keys;
    expect(second.slice(0, 1)).toEqual(first);
  });
});
