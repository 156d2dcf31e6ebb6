// `repere export` and `repere import-codebook` as a person runs them: a codebook from Taguette comes in, the
// registry's codebook goes out valid against the REFI-QDA XSD with the same GUIDs every time, and French messages.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repere } from './repere-command';

describe('repere export and import-codebook', () => {
  let dir: string;
  let workbook: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'repere-exchange-'));
    workbook = join(dir, 'registre.xlsx');
    expect((await repere('setup', '--template', 'aidants', '--workbook', workbook)).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports Taguette’s codebook CSV as themes, asking for an outcome first', async () => {
    const refused = await repere('import-codebook', 'tests/fixtures/exchange/taguette-codebook.csv', '--workbook', workbook);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('choisissez le changement auquel les rattacher comme thèmes, puis importez de nouveau. Rien n’a été modifié. Avec la commande : --outcome C1.');
    const done = await repere('import-codebook', 'tests/fixtures/exchange/taguette-codebook.csv', '--outcome', 'C3', '--workbook', workbook);
    expect(done).toMatchObject({ code: 0, stdout: 'Livre de codes « taguette-codebook.csv » importé : 3 thèmes créés, 0 code déjà présent.\n' });
  }, 60_000);

  it('exports the codebook as .qdc, valid against the REFI-QDA XSD, with the same GUIDs at every export', async () => {
    const first = join(dir, 'a.qdc');
    const second = join(dir, 'b.qdc');
    const run = await repere('export', '--format', 'qdc', '--out', first, '--workbook', workbook);
    expect(run).toMatchObject({ code: 0, stdout: `${first} : Livre de codes REFI-QDA : 4 changements visés et 3 thèmes.\n` });
    expect((await repere('export', '--format', 'qdc', '--out', second, '--workbook', workbook)).code).toBe(0);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    execFileSync('xmllint', ['--noout', '--schema', 'tests/fixtures/exchange/Codebook.xsd', first], { stdio: 'pipe' });
    // Importing it back finds every code already there.
    const back = await repere('import-codebook', first, '--workbook', workbook);
    expect(back.stdout).toBe('Livre de codes « a.qdc » importé : 0 thème créé, 7 codes déjà présents.\n');
  }, 60_000);

  it('exports the observations as a .qdpx « usage interne » that says so, and brings its codings back', async () => {
    const out = join(dir, 'projet.qdpx');
    const run = await repere('export', '--format', 'qdpx', '--audience', 'interne', '--out', out, '--workbook', workbook);
    expect(run).toMatchObject({ code: 0, stdout: `${out} : Projet REFI-QDA à usage interne : 0 observation, y compris sans consentement ; le fichier le dit et ne doit pas sortir de la structure.\n` });
    const back = await repere('import-codings', out, '--workbook', workbook);
    expect(back).toMatchObject({ code: 0, stdout: 'Codages du projet « projet.qdpx » (Repère) : 0 codage rapporté sur 0 observation, 0 déjà présent.\n' });
    const cids = join(dir, 'impact.jsonld');
    const impact = await repere('export', '--format', 'cids', '--audience', 'financeurs', '--org', 'Répit 44', '--out', cids, '--workbook', workbook);
    expect(impact.stdout).toContain('impact.jsonld : Données d’impact CIDS : 4 changements, 14 indicateurs ; 0 valeur publiée pour financeurs');
    expect(JSON.parse(readFileSync(cids, 'utf8'))['@graph'][0]).toMatchObject({ '@type': 'cids:Organization', hasLegalName: 'Répit 44' });
  }, 60_000);

  it('says what is wrong: no audience for a project, a file that is not a codebook', async () => {
    const noAudience = await repere('export', '--format', 'qdpx', '--workbook', workbook);
    expect(noAudience).toMatchObject({ code: 1, stderr: expect.stringContaining('--audience (absent) : dites pour qui est le fichier : financeurs, public ou interne') });
    const wrong = await repere('import-codebook', 'tests/fixtures/demo/aidants-t0-google-forms.csv', '--workbook', workbook);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Aucune colonne « tag », « name » ou « path » dans ce CSV');
  }, 60_000);
});
