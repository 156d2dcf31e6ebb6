// `repere inspect` and `repere import` on a real .xlsx: the JSON is exactly inspectSurvey's, the import goes through
// the bundle's begin/chunks/finish and prints the counts, a blocking error exits 1 and writes nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    for (const file of ['tests/fixtures/surveys/limesurvey.csv', 'tests/fixtures/import/erreur-bloquante.csv']) {
      const { code, stdout } = await repere('inspect', file, '--json');
      expect(code).toBe(0);
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
    expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining('3 réponse(s) lue(s) = 3 insérée(s) + 0 déjà présente(s) + 0 refusée(s) → onglet « Réponses E1 ».') });
    const second = await repere('import', 'tests/fixtures/import/novembre.csv', '--survey', 'E1', '--workbook', workbook);
    expect(second.stdout).toContain('5 réponse(s) lue(s) = 2 insérée(s) + 3 déjà présente(s) + 0 refusée(s)');
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
});
