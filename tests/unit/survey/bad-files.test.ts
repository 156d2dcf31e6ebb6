// Files that are not survey exports are refused with a French message saying what they seem to be and what to do;
// a file mixing UTF-8 and Windows-1252, or holding accents converted twice (« Ã© »), is read but warned about.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFileKind } from '../../../shared/survey/file-kind';
import { decodeBytes } from '../../../shared/survey/decode';
import { inspectSurvey } from '../../../shared/survey/import';
import { readSurveyRecords } from '../../../shared/survey/read-table';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/${name}`));

/** Bytes from a fixed linear congruential sequence: « random », the same at every run. */
function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('what a file is', () => {
  it.each([
    ['bad-files/reponses.xlsx', { kind: 'spreadsheet', format: 'xlsx' }],
    ['bad-files/reponses.ods', { kind: 'spreadsheet', format: 'ods' }],
    ['bad-files/reponses.xls', { kind: 'spreadsheet', format: 'xls' }],
    ['bad-files/reponses.pdf', { kind: 'binary', what: 'pdf' }],
    ['bad-files/capture-ecran.png', { kind: 'binary', what: 'png' }],
    ['surveys/google-forms.csv', { kind: 'text' }],
    ['surveys/excel-fr-windows-1252.csv', { kind: 'text' }],
    ['surveys/texte-unicode-utf16le.txt', { kind: 'text' }],
    ['bad-files/melange-utf8-windows-1252.csv', { kind: 'text' }],
  ])('%s', (name, expected) => {
    expect(detectFileKind(fixture(name))).toMatchObject(expected);
  });

  it('calls random bytes, a zip and text with a NUL byte binary', () => {
    expect(detectFileKind(noise(4096))).toMatchObject({ kind: 'binary', what: 'unknown' });
    // Even a short run of noise without a NUL byte: not UTF-8, and full of control characters.
    const short = noise(200, 3).map((b) => (b === 0 ? 1 : b));
    expect(detectFileKind(short)).toMatchObject({ kind: 'binary', what: 'unknown' });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('photos/vacances.jpg')]);
    expect(detectFileKind(zip)).toMatchObject({ kind: 'binary', what: 'zip' });
    expect(detectFileKind(new TextEncoder().encode('Nom,Avis\nA,bien\u0000\n'))).toMatchObject({ kind: 'binary', what: 'unknown' });
  });
});

describe('refusing what is not a survey export', () => {
  it('an old Excel workbook (.xls) is refused with how to save it; .xlsx and .ods are read', () => {
    const xls = inspectSurvey(fixture('bad-files/reponses.xls'));
    expect(xls.rows).toBe(0);
    expect(xls.errors[0]!.message).toBe(
      'Ce fichier est un classeur Excel ancien format (.xls), pas un fichier CSV, et Repère ne lit pas cet ancien format. Ouvrez-le dans LibreOffice ou Excel et enregistrez-le au format « Classeur Excel (.xlsx) » ou « CSV UTF-8 », puis importez ce fichier.',
    );
    for (const name of ['bad-files/reponses.xlsx', 'bad-files/reponses.ods']) expect(inspectSurvey(fixture(name))).toMatchObject({ rows: 3, errors: [] });
  });

  it.each([
    ['bad-files/reponses.pdf', 'un document PDF'],
    ['bad-files/capture-ecran.png', 'une image PNG'],
  ])('%s: says what it seems to be', (name, what) => {
    const read = readSurveyRecords(fixture(name));
    expect(read).toEqual({
      ok: false,
      message: `Ce fichier semble être ${what}, pas un export de réponses. Exportez les réponses depuis l’outil d’enquête au format CSV ou Excel (.xlsx), puis importez ce fichier.`,
    });
  });

  it('refuses random bytes as binary instead of reading hundreds of garbage rows', () => {
    const inspection = inspectSurvey(noise(50_000));
    expect(inspection.rows).toBe(0);
    expect(inspection.errors).toMatchObject([{ kind: 'unreadable', column: '', count: 1, message: expect.stringMatching(/^Ce fichier n’est pas du texte \(il contient des octets binaires\)/) }]);
  });
});

describe('mixed and twice-converted encodings', () => {
  it('reads a file mixing UTF-8 and Windows-1252 line by line, and names the Windows-1252 lines', () => {
    const decoded = decodeBytes(fixture('bad-files/melange-utf8-windows-1252.csv'));
    expect(decoded.encoding).toBe('utf-8+windows-1252');
    expect(decoded.windows1252Lines).toEqual([4, 5]);
    const read = readSurveyRecords(fixture('bad-files/melange-utf8-windows-1252.csv'));
    if (!read.ok) throw new Error(read.message);
    expect(read.records.rows.map((r) => r[1])).toEqual(['Hélène', 'Gérard', 'Françoise', 'Léon']);
    expect(read.records.rows[3]![2]).toBe('Pas assez de visites l’été');
    expect(read.records.warnings.map((w) => w.message)).toEqual([
      'Ce fichier mélange deux encodages : les lignes 4 et 5 du fichier sont en Windows-1252 (Excel), les autres en UTF-8. Chaque ligne a été lue dans le sien ; vérifiez les accents de ces lignes, et enregistrez le fichier entier en « CSV UTF-8 » si l’un est faux.',
    ]);
  });

  it('warns about accents converted twice (« Ã© » for « é »), naming row and column', () => {
    const inspection = inspectSurvey(fixture('bad-files/accents-mal-convertis.csv'));
    const warning = inspection.warnings.find((w) => w.message.includes('mal converti'));
    expect(warning?.message).toBe(
      'Accents mal convertis (« Ã© » au lieu de « é », « â€™ » au lieu de « ’ »…) : le fichier a sans doute été ouvert puis enregistré avec un mauvais encodage (ligne 1, colonne « PrÃ©nom » ; ligne 2, colonne « PrÃ©nom » ; ligne 2, colonne « Votre avis » ; ligne 3, colonne « PrÃ©nom » ; ligne 3, colonne « Votre avis »). Exportez à nouveau depuis l’outil d’enquête, ou ouvrez le fichier en choisissant l’encodage UTF-8.',
    );
    // A file whose accents are right says nothing of the kind.
    expect(inspectSurvey(fixture('surveys/google-forms.csv')).warnings.some((w) => w.message.includes('mal converti'))).toBe(false);
    expect(inspectSurvey(fixture('surveys/excel-fr-windows-1252.csv')).warnings.some((w) => /mal converti|mélange/.test(w.message))).toBe(false);
  });
});
