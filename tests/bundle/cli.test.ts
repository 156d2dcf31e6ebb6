import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repere } from './repere-command';
import { openLocalMode } from '../../apps-script/local/start';
import { loadWorkbook, saveWorkbook } from '../../apps-script/local/workbook-file';
import { sha256Hex } from '../../shared/crypto/sha256';

const dir = mkdtempSync(join(tmpdir(), 'repere-cli-'));
const workbook = join(dir, 'registre.xlsx');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the repere command on a local workbook', () => {
  it('sets up the « aidants » framework, then checks it: exit 0', async () => {
    const setup = await repere('setup', '--template', 'aidants', '--workbook', workbook);
    expect(setup).toMatchObject({ code: 0, stdout: expect.stringContaining('lignes du modèle « Aidants : répit et soutien » ajoutées') });
    // The sidebar's checklist, in its words, with the command that takes the step.
    expect(setup.stdout).toContain('Étape suivante : Décrire la démarche — remplissez l’onglet « Démarche »');
    const check = await repere('check', '--workbook', workbook);
    expect(check).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Aucun problème : 4 changements, 14 indicateurs/) });
  });

  it('reports a duplicated indicator row with its cell address: exit 1', async () => {
    const model = await loadWorkbook(workbook);
    const sheet = model.sheets.find((s) => s.name === 'Indicateurs')!;
    sheet.cells[3]![0]!.v = 'I2'; // row 4 (I3) gets the code of row 3
    await saveWorkbook(model, workbook);
    const check = await repere('check', '--workbook', workbook);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Erreur — Indicateurs!A4 : code « I2 » en double (déjà utilisé ligne 3). Donnez un code unique à chaque ligne.');
  });

  it('answers a wrong command or option with a French message: exit 1', async () => {
    expect(await repere('bilan')).toMatchObject({ code: 1, stderr: expect.stringContaining('Commande inconnue : « bilan »') });
    expect(await repere('setup', '--template', 'ehpad', '--workbook', workbook)).toMatchObject({ code: 1, stderr: expect.stringContaining('Modèle « ehpad » inconnu') });
    expect(await repere('setup', '--lang', 'de')).toMatchObject({ code: 1, stderr: expect.stringContaining('--lang de') });
  });

  it('says in French when the workbook is not a readable .xlsx: exit 1, the file untouched', async () => {
    const broken = join(dir, 'pas-un-classeur.xlsx');
    writeFileSync(broken, 'ceci n’est pas un classeur');
    const { code, stderr } = await repere('check', '--workbook', broken);
    expect(code).toBe(1);
    expect(stderr).toContain('n’est pas un classeur .xlsx lisible');
    expect(readFileSync(broken, 'utf8')).toBe('ceci n’est pas un classeur');
  });

  it('prints the connection code the sidebar shows', async () => {
    const { code, stdout, stderr } = await repere('pairing-code', '--workbook', workbook);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^repere1:[0-9a-f]{64}@http:\/\/127\.0\.0\.1:8787\/exec$/);
    expect(stderr).toContain('Aucun serveur Repère ne tourne sur');
  });

  it('gives the code of the server running on the workbook, on whatever port it took, or of --port', async () => {
    const mode = await openLocalMode({ workbook, port: 0 });
    try {
      const running = await repere('pairing-code', '--workbook', workbook);
      expect(running).toMatchObject({ code: 0, stderr: '' });
      expect(running.stdout.trim()).toBe(mode.connectionCode);
      expect(running.stdout).toContain(`127.0.0.1:${mode.server.port}/exec`);
      expect((await repere('pairing-code', '--port', '9911', '--workbook', workbook)).stdout).toContain('127.0.0.1:9911/exec');
    } finally {
      await mode.stop();
    }
    expect((await repere('pairing-code', '--workbook', workbook)).stdout).toContain('127.0.0.1:8787/exec');
    expect((await repere('--help')).stdout).toMatch(/pairing-code +Affiche le code de connexion[^]*pour le serveur qui tourne sur ce\s+classeur[^]*ou pour --port N/);
  });

  it('keeps only the secret’s hash in the workbook, and shows the same code again', async () => {
    const first = (await repere('pairing-code', '--workbook', workbook)).stdout.trim();
    const secret = first.slice('repere1:'.length, first.indexOf('@'));
    // Every part of the .xlsx (a zip), as anyone who receives the file can read it.
    const parts = execFileSync('unzip', ['-p', workbook], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    expect(parts.includes(sha256Hex(secret)), 'the hash is in the workbook').toBe(true);
    expect(parts.includes(secret), 'the secret is not').toBe(false);
    expect((await repere('pairing-code', '--workbook', workbook)).stdout.trim()).toBe(first);
  });
});
