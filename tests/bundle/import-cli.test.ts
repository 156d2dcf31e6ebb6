// `repere inspect` and `repere import` on real files: the JSON is exactly inspectSurvey's (every problem in full),
// the French summary groups problems by column, spreadsheets are read (first sheet or --sheet), the import goes
// through the bundle's begin/chunks/finish and prints the same words as the sidebar, personal data only with
// --personal, and a value no cell can hold exits 1 and writes nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repere } from './repere-command';
import { loadWorkbook } from '../../apps-script/local/workbook-file';
import { inspectSurvey } from '../../shared/survey/import';

const dir = mkdtempSync(join(tmpdir(), 'repere-import-cli-'));
const workbook = join(dir, 'registre.xlsx');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const responses = async (name: string) => (await loadWorkbook(workbook)).sheets.find((s) => s.name === name);

describe('repere inspect and repere import', () => {
  it('prints exactly inspectSurvey’s JSON, and a French summary without --json; exit 1 when the file cannot be imported', async () => {
    for (const [file, code] of [['tests/fixtures/surveys/saisie-a-la-main.xlsx', 0], ['tests/fixtures/import/erreur-bloquante.csv', 1]] as const) {
      const result = await repere('inspect', file, '--json');
      expect(result.code).toBe(code);
      expect(JSON.parse(result.stdout)).toEqual(inspectSurvey(new Uint8Array(readFileSync(file))));
    }
    const summary = await repere('inspect', 'tests/fixtures/surveys/google-forms-fr-telechargement.csv');
    expect(summary.stdout).toContain('google-forms-fr-telechargement.csv : source google-forms, encodage utf-8, séparateur « , », 12 réponses, 7 questions.');
    expect(summary.stdout).toContain('  - Quelles aides recevez-vous ? : choix multiple — ex. « Repas, courses et ménage, Aide à la toil… », « Repas, courses et ménage », « Répit, accueil de jour, Repas, courses e… »');
    expect(summary.stdout).toContain('  2 colonnes de l’outil, pas des questions : Horodateur (gardée) ; Adresse e-mail (donnée personnelle, importée seulement avec --personal).');
    const sheet = await repere('inspect', 'tests/fixtures/surveys/saisie-a-la-main.xlsx', '--sheet', 'Entretiens');
    expect(sheet.stdout).toContain('saisie-a-la-main.xlsx : source generic, classeur xlsx, feuille « Entretiens » (sur 2 : « Entretiens », « Notes »), intitulés ligne 3, 6 réponses, 7 questions.');
    const blocked = await repere('inspect', 'tests/fixtures/import/erreur-bloquante.csv');
    expect(blocked.stdout).toContain('Erreur : Ligne 4, colonne « Commentaire » : 52 224 caractères, plus que les 50 000 qu’une cellule peut contenir.');
    expect(blocked.stdout).toContain('Attention : Nombre de visites par mois : 1 valeur sur 5 n’est pas un nombre, par exemple ligne 4 « quatre ».');
    expect(await repere('inspect', join(dir, 'absent.csv'))).toMatchObject({ code: 1, stderr: expect.stringContaining('introuvable') });
  });

  it('imports into the local workbook with the sidebar’s words; a re-export adds only the new answers', async () => {
    await repere('setup', '--workbook', workbook);
    const first = await repere('import', 'tests/fixtures/import/octobre.csv', '--survey', 'E1', '--wave', '2026-T4', '--workbook', workbook);
    expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining('3 nouvelles réponses, 0 déjà présente. → onglet « Réponses E1 ».') });
    const second = await repere('import', 'tests/fixtures/import/novembre.csv', '--survey', 'E1', '--workbook', workbook);
    expect(second.stdout).toContain('2 nouvelles réponses, 3 déjà présentes.');
  });

  it('a spreadsheet and its LibreOffice copy are the same answers; personal data only with --personal', async () => {
    const ods = await repere('import', 'tests/fixtures/surveys/libreoffice.ods', '--survey', 'G1', '--workbook', workbook);
    expect(ods).toMatchObject({ code: 0, stdout: expect.stringContaining('12 nouvelles réponses, 0 déjà présente.') });
    const csv = await repere('import', 'tests/fixtures/surveys/google-forms-fr-telechargement.csv', '--survey', 'G1', '--personal', 'Adresse e-mail', '--workbook', workbook);
    expect(csv.stdout).toContain('0 nouvelle réponse, 12 déjà présentes.');
    const header = (await responses('Réponses G1'))!.cells[0]!.map((cell) => String(cell?.v ?? ''));
    expect(header).toContain('Adresse e-mail (donnée personnelle)');
    const xlsx = await repere('import', 'tests/fixtures/surveys/saisie-a-la-main.xlsx', '--survey', 'H1', '--workbook', workbook);
    expect(xlsx.stdout).toContain('6 nouvelles réponses, 0 déjà présente.');
    expect(await repere('import', 'tests/fixtures/surveys/typeform.csv', '--survey', 'T1', '--personal', 'Courriel', '--workbook', workbook)).toMatchObject({ code: 1, stderr: expect.stringContaining('--personal « Courriel »') });
  });

  it('exits 1 when an answer cannot be written, saying where, and writes nothing', async () => {
    const before = (await responses('Réponses E1'))!.cells.length;
    const result = await repere('import', 'tests/fixtures/import/erreur-bloquante.csv', '--survey', 'E1', '--workbook', workbook);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('rien n’a été importé');
    expect(result.stderr).toContain('ligne 4, colonne « Commentaire »');
    expect((await responses('Réponses E1'))!.cells.length).toBe(before);
    expect(await repere('import', 'tests/fixtures/import/octobre.csv', '--workbook', workbook)).toMatchObject({ code: 1, stderr: expect.stringContaining('--survey') });
  });

  it('refuses a file that is not a survey export, saying what it seems to be, and writes nothing', async () => {
    const before = readFileSync(workbook);
    const noise = join(dir, 'reponses.csv');
    writeFileSync(noise, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    const cases = [
      ['tests/fixtures/bad-files/capture-ecran.png', 'Ce fichier semble être une image PNG, pas un export de réponses.'],
      ['tests/fixtures/bad-files/reponses.pdf', 'Ce fichier semble être un document PDF'],
      ['tests/fixtures/bad-files/reponses.xls', 'Ce fichier est un classeur Excel ancien format (.xls), pas un fichier CSV, et Repère ne lit pas cet ancien format.'],
      [noise, 'Ce fichier n’est pas du texte (il contient des octets binaires)'],
    ];
    for (const [file, message] of cases) {
      const imported = await repere('import', file!, '--survey', 'E9', '--workbook', workbook);
      expect(imported.code, file).toBe(1);
      expect(imported.stderr).toContain('rien n’a été importé');
      expect(imported.stderr).toContain(message);
      const inspected = await repere('inspect', file!);
      expect(inspected.code, file).toBe(1);
      expect(inspected.stdout).toContain(`Erreur : ${message}`);
    }
    expect(readFileSync(workbook).equals(before)).toBe(true);
  });
});
