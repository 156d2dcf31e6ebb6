import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSurveyRecords, sniffDelimiter } from '../../../shared/survey/read-table';

const spectrum = join(dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json')), 'csvs');
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('reading the bytes of an export', () => {
  // csv-spectrum 2.0.0's location_coordinates.json is a lone object with another phone number than its CSV holds:
  // that one is checked against the CSV's own content.
  const LOCATION = [{ 'Contact Phone Number': '2095257564', 'Location Coordinates': '37\ufffd36\'37.8"N 121\ufffd2\'17.9"W', Cities: 'Modesto', Counties: 'Stanislaus' }];

  it.each(readdirSync(spectrum).map((f) => f.replace(/\.csv$/, '')))('reads csv-spectrum « %s » to its expected values', (name) => {
    const expected =
      name === 'location_coordinates' ? LOCATION : (JSON.parse(readFileSync(join(spectrum, '..', 'json', `${name}.json`), 'utf8')) as Array<Record<string, string>>);
    const read = readSurveyRecords(new Uint8Array(readFileSync(join(spectrum, `${name}.csv`))));
    if (!read.ok) throw new Error(read.message);
    const { headers, rows } = read.records;
    expect(rows.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i]])))).toEqual(expected);
  });

  it('does not mistake commas inside quoted French answers for the delimiter', () => {
    const text = 'Nom;Réponse;Avis\r\nA;"Oui, souvent, le soir";"Bien, merci"\r\nB;"Non, jamais";"Moyen, sans plus"\r\nC;Parfois;Bien\r\n';
    expect(sniffDelimiter(text)).toBe(';');
    const read = readSurveyRecords(utf8(text));
    expect(read).toMatchObject({ ok: true, records: { delimiter: ';', rows: [['A', 'Oui, souvent, le soir', 'Bien, merci'], ['B', 'Non, jamais', 'Moyen, sans plus'], ['C', 'Parfois', 'Bien']] } });
  });

  it.each([',', ';', '\t', '|'])('recognises the %j delimiter', (d) => {
    expect(sniffDelimiter(['a', 'b', 'c'].join(d) + '\n' + ['1', '2,5', 'x'].join(d) + '\n')).toBe(d);
  });

  it('counts rows as a spreadsheet shows them: quoted line breaks stay in one row, blank lines still count', () => {
    const read = readSurveyRecords(utf8('q1,q2\n"deux\nlignes",1\n\n3,4\n\n\n'));
    expect(read).toMatchObject({ ok: true, records: { rows: [['deux\nlignes', '1'], ['3', '4']], rowNumbers: [2, 4] } });
  });

  it('drops trailing empty columns and names blank and repeated headers', () => {
    const read = readSurveyRecords(utf8('Âge;;Âge;;\r\n81;x;82;;\r\n'));
    expect(read).toMatchObject({ ok: true, records: { rawHeaders: ['Âge', '', 'Âge'], headers: ['Âge', 'Colonne 2', 'Âge (2)'], rows: [['81', 'x', '82']] } });
  });

  it('says where an unclosed quote is', () => {
    expect(readSurveyRecords(utf8('a,b\n1,"2\n'))).toMatchObject({ ok: false, message: expect.stringContaining('guillemet') });
  });
});
