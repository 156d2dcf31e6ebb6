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

  it('warns about rows with more values than headers (cut) or fewer (padded), naming them', () => {
    const read = readSurveyRecords(utf8('q1,q2,q3\n1,2,3\n4,5,6,7,8\n9,10\n11,12,13,\n14\n15,16,17,18\n'));
    if (!read.ok) throw new Error(read.message);
    expect(read.records.rows).toEqual([['1', '2', '3'], ['4', '5', '6'], ['9', '10', ''], ['11', '12', '13'], ['14', '', ''], ['15', '16', '17']]);
    expect(read.records.warnings.map((w) => [w.row, w.message.split(' : ')[0]])).toEqual([
      [3, 'Lignes 3 et 7'],
      [4, 'Lignes 4 et 6'],
    ]);
    expect(read.records.warnings[0]!.message).toContain('plus de valeurs que d’intitulés (3) ; les valeurs en trop sont ignorées');
    expect(read.records.warnings[1]!.message).toContain('moins de valeurs que d’intitulés (3) ; les cases manquantes restent vides');
  });

  it('groups a long list of ragged rows', () => {
    const lines = ['a,b', ...Array.from({ length: 25 }, (_, i) => `${i},x,y`)];
    const read = readSurveyRecords(utf8(lines.join('\n')));
    if (!read.ok) throw new Error(read.message);
    expect(read.records.warnings).toHaveLength(1);
    expect(read.records.warnings[0]!.message).toMatch(/^Lignes 2, 3, 4, 5, 6, 7, 8, 9, 10, 11… et 15 autres : plus de valeurs/);
  });

  it('replaces what no spreadsheet can hold by « � », saying where', () => {
    // UTF-16 can carry lone surrogates and U+FFFF; UTF-8 can carry U+FFFE.
    const text = '\ufeffNom;Avis\uffff\r\nA;bien \ud800 vu\r\nB;\ufffe\r\n';
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'));
    const read = readSurveyRecords(bytes);
    if (!read.ok) throw new Error(read.message);
    expect(read.records.rawHeaders).toEqual(['Nom', 'Avis\ufffd']);
    expect(read.records.rows).toEqual([['A', 'bien \ufffd vu'], ['B', '\ufffd']]);
    expect(read.records.warnings).toHaveLength(1);
    expect(read.records.warnings[0]!.message).toContain('remplacés par « � » (ligne 1, colonne « Avis\ufffd » ; ligne 2, colonne « Avis\ufffd » ; ligne 3, colonne « Avis\ufffd »)');
  });
});
