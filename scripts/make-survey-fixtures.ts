/**
 * Makes the spreadsheet fixtures of tests/fixtures/surveys/ that are not real downloads (see its README): the tools'
 * CSV exports opened and saved by LibreOffice as .xlsx and .ods (a French locale, so dates and numbers become typed
 * cells, as a person re-saving an export gets), a KoboToolbox .xlsx written cell by cell with its types, and a table
 * typed by hand in Excel with a title row, real date cells and a second sheet. Run: npx tsx scripts/make-survey-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const DIR = 'tests/fixtures/surveys';

/** LibreOffice's CSV import options: separator, quote, UTF-8, from line 1, standard columns, French, detect numbers. */
function convert(csv: string, to: 'xlsx' | 'ods', name: string, separator: string): void {
  const work = mkdtempSync(join(tmpdir(), 'repere-fixture-'));
  try {
    copyFileSync(join(DIR, csv), join(work, 'export.csv'));
    const filter = `CSV:${separator.charCodeAt(0)},34,76,1,,1036,false,true`;
    execFileSync('soffice', ['--headless', `--infilter=${filter}`, '--convert-to', to, '--outdir', work, join(work, 'export.csv')], { stdio: 'ignore' });
    copyFileSync(join(work, `export.${to}`), join(DIR, name));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Kobo's XLSX export: the CSV's columns, numbers as number cells, times as the text Kobo writes. */
async function kobo(): Promise<void> {
  const [header, ...rows] = readFileSync(join(DIR, 'kobotoolbox.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(';').map((cell) => cell.replace(/^"|"$/g, '')));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Aidants Cantal');
  sheet.addRow(header);
  const numeric = new Set(['identification/age', 'aide/services/menage', 'aide/services/repas', 'aide/services/courses', 'bien_etre/nb_visites', '_id', '_index']);
  for (const row of rows) sheet.addRow(row.map((cell, i) => (numeric.has(header![i]!) && cell !== '' ? Number(cell) : cell)));
  await book.xlsx.writeFile(join(DIR, 'kobotoolbox.xlsx'));
}

/** A table typed by hand after phone interviews: a title, a blank row, headers, date cells, a notes sheet. */
async function handTyped(): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Entretiens');
  sheet.addRow(['Entretiens téléphoniques — aidants, automne 2026']);
  sheet.addRow([]);
  sheet.addRow(['N°', 'Date de l’entretien', 'Commune', 'Âge', 'Heures d’aide par semaine', 'Je me sens soutenu(e)', 'Ce qui aiderait le plus']);
  const rows: Array<[string, Date, string, number, number, string, string]> = [
    ['E-01', new Date(Date.UTC(2026, 9, 5)), 'Aurillac', 81, 12.5, 'Plutôt d’accord', 'Un relais le week-end, même deux heures.'],
    ['E-02', new Date(Date.UTC(2026, 9, 5)), 'Ytrac', 67, 20, 'Pas du tout d’accord', 'Qu’on m’explique les aides, simplement.'],
    ['E-03', new Date(Date.UTC(2026, 9, 12)), 'Aurillac', 74, 6, 'Tout à fait d’accord', ''],
    ['E-04', new Date(Date.UTC(2026, 9, 13)), 'Arpajon-sur-Cère', 59, 35, 'Plutôt pas d’accord', 'Du répit, et quelqu’un à qui parler.'],
    ['E-05', new Date(Date.UTC(2026, 9, 19)), 'Ytrac', 88, 8, 'Plutôt d’accord', 'Rien pour l’instant, merci.'],
    ['E-06', new Date(Date.UTC(2026, 9, 26)), 'Aurillac', 70, 14, 'Plutôt d’accord', 'Un relais le week-end, même deux heures.'],
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
  sheet.getColumn(5).numFmt = '0.0';
  const notes = book.addWorksheet('Notes');
  notes.addRow(['Appels passés par Chantal et Luc ; les refus ne sont pas notés.']);
  await book.xlsx.writeFile(join(DIR, 'saisie-a-la-main.xlsx'));
}

convert('limesurvey.csv', 'xlsx', 'limesurvey.xlsx', ',');
convert('surveymonkey.csv', 'xlsx', 'surveymonkey.xlsx', ',');
convert('google-forms-fr-telechargement.csv', 'ods', 'libreoffice.ods', ',');
await kobo();
await handTyped();
console.log(`Fixtures écrites dans ${DIR}.`);
