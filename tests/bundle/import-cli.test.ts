// `repere inspect` and `repere import` on a real .xlsx: the JSON is exactly inspectSurvey's, the import goes through
// the bundle's begin/chunks/finish and prints the counts, a blocking error exits 1 and writes nothing.
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

describe('repere inspect and repere import', () => {
  it('prints exactly inspectSurvey’s JSON, and a French summary without --json', async () => {
    for (const [file, exit] of [['tests/fixtures/surveys/limesurvey.csv', 0], ['tests/fixtures/import/erreur-bloquante.csv', 1]] as const) {
      const { code, stdout } = await repere('inspect', file, '--json');
      expect(code).toBe(exit);
      expect(JSON.parse(stdout)).toEqual(inspectSurvey(new Uint8Array(readFileSync(file))));
    }
    const summary = await repere('inspect', 'tests/fixtures/import/octobre.csv');
    expect(summary.stdout).toContain('octobre.csv : source google-forms, encodage utf-8, séparateur « , », 3 réponse(s), 7 question(s).');
    expect(summary.stdout).toContain('Votre âge : nombre');
    expect(await repere('inspect', join(dir, 'absent.csv'))).toMatchObject({ code: 1, stderr: expect.stringContaining('introuvable') });
  });

  it('imports into the local workbook and prints the reconciliation; a re-export adds only the new answers', async () => {
    await repere('setup', '--workbook', workbook);
    const first = await repere('import', 'tests/fixtures/import/octobre.csv', '--survey', 'E1', '--wave', '2026-T4', '--workbook', workbook);
    expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining('3 réponse(s) lue(s) = 3 ajoutée(s) + 0 déjà présente(s) + 0 refusée(s) → onglet « Réponses E1 ».') });
    const second = await repere('import', 'tests/fixtures/import/novembre.csv', '--survey', 'E1', '--workbook', workbook);
    expect(second.stdout).toContain('5 réponse(s) lue(s) = 2 ajoutée(s) + 3 déjà présente(s) + 0 refusée(s)');
  });

  it('exits 1 on a blocking error, saying where, and writes nothing', async () => {
    const before = (await loadWorkbook(workbook)).sheets.find((s) => s.name === 'Réponses E1')!.cells.length;
    const result = await repere('import', 'tests/fixtures/import/erreur-bloquante.csv', '--survey', 'E1', '--workbook', workbook);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('rien n’a été importé');
    expect(result.stderr).toContain('ligne 4, colonne « Nombre de visites par mois », valeur « quatre »');
    expect((await loadWorkbook(workbook)).sheets.find((s) => s.name === 'Réponses E1')!.cells.length).toBe(before);
    expect(await repere('import', 'tests/fixtures/import/octobre.csv', '--workbook', workbook)).toMatchObject({ code: 1, stderr: expect.stringContaining('--survey') });
  });

  it('exits 1 when inspect finds a blocking error, saying where', async () => {
    const result = await repere('inspect', 'tests/fixtures/import/erreur-bloquante.csv');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Erreur ligne 4, colonne « Nombre de visites par mois » : « quatre » n’est pas un nombre.');
  });

  it('refuses a file that is not a survey export, saying what it seems to be, and writes nothing', async () => {
    const before = readFileSync(workbook);
    const noise = join(dir, 'reponses.csv');
    writeFileSync(noise, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    const cases = [
      ['tests/fixtures/bad-files/capture-ecran.png', 'Ce fichier semble être une image PNG, pas un export de réponses.'],
      ['tests/fixtures/bad-files/reponses.pdf', 'Ce fichier semble être un document PDF'],
      ['tests/fixtures/bad-files/reponses.xlsx', 'Ce fichier est un classeur Excel (.xlsx), pas un fichier CSV. Pour l’instant, ouvrez-le dans LibreOffice ou Excel'],
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
