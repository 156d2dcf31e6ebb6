import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../shared/survey/decode';
import { readSurveyTable, uniqueHeaders } from '../../../shared/survey/read-table';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const utf16le = (s: string) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]));
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), le]));
};
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

const text = 'Prénom;Âge;Avis\r\nÉloïse;81;"Très ""satisfaite"",\nmerci"\r\n';

describe('reading a survey export', () => {
  it.each([
    ['utf-8', utf8(text)],
    ['utf-8', utf8(`\uFEFF${text}`)],
    ['utf-16le', utf16le(text)],
    ['utf-16be', utf16be(text)],
    ['windows-1252', latin1(text)],
  ] as const)('decodes %s and keeps quoted line breaks and doubled quotes', (encoding, bytes) => {
    const read = readSurveyTable(bytes);
    expect(read).toEqual({
      ok: true,
      table: { encoding, delimiter: ';', headers: ['Prénom', 'Âge', 'Avis'], rows: [['Éloïse', '81', 'Très "satisfaite",\nmerci']] },
    });
  });

  it('decodes the Windows-1252 euro sign and curly quotes of French Excel', () => {
    expect(decodeBytes(Uint8Array.from([0x80, 0x92, 0x9c]))).toEqual({ text: '€’œ', encoding: 'windows-1252' });
  });

  it('drops blank trailing lines and trailing empty columns, names blank and repeated headers', () => {
    const read = readSurveyTable(utf8('a,,a,\n1,2,3,\n\n\n'));
    expect(read).toMatchObject({ ok: true, table: { headers: ['a', 'Colonne 2', 'a (2)'], rows: [['1', '2', '3']] } });
    expect(uniqueHeaders(['', ' x ', 'x'])).toEqual(['Colonne 1', 'x', 'x (2)']);
  });

  it('says in French what is wrong with an empty file', () => {
    expect(readSurveyTable(utf8(''))).toMatchObject({ ok: false, message: expect.stringContaining('vide') });
  });
});
