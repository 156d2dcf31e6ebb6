// An import stopped midway — killed (kill -9) or interrupted (Ctrl+C) — leaves a readable workbook holding exactly the
// answers its Journal line counts, and saying how to resume; the same command run again completes it with exact
// counts and no duplicate.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockFileOf } from '../../apps-script/local/disk-workbook';
import type { WorkbookModel } from '../../apps-script/local/emulator';
import { loadWorkbook } from '../../apps-script/local/workbook-file';
import { importSummary } from '../../shared/survey/mapping-run';
import { count } from '../../shared/text/plural';
import { repere } from './repere-command';

const dir = mkdtempSync(join(tmpdir(), 'repere-resume-'));
const file = (rows: number) => join(dir, `grande-enquete-${rows}.csv`);
const RESPONSES = /^grande-enquete-\d+\.csv/;

function column(model: WorkbookModel, sheetName: string, header: string): unknown[] {
  const sheet = model.sheets.find((s) => s.name === sheetName);
  if (!sheet) return [];
  const c = sheet.cells[0]!.findIndex((cell) => cell?.v === header);
  return sheet.cells.slice(1).map((row) => row?.[c]?.v ?? '').filter((v) => v !== '');
}

/** Starts `repere import` of `rows` answers, and sends `signal` once it says a first chunk is written. */
function interruptedImport(workbook: string, rows: number, survey: string, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['apps-script/local/bin/repere.mjs', 'import', file(rows), '--survey', survey, '--workbook', workbook]);
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && /Import en cours : \d+ nouvelles? réponses? écrites? sur \d+/.test(stderr)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stderr }));
  });
}

/** What the file holds for `survey`: the answers, and the import's Journal lines. */
async function state(workbook: string, survey: string): Promise<{ ids: unknown[]; lines: string[] }> {
  const model = await loadWorkbook(workbook);
  return { ids: column(model, `Réponses ${survey}`, 'Identifiant réponse'), lines: column(model, 'Journal', 'Détails').map(String).filter((l) => RESPONSES.test(l) || l.includes('« grande-enquete-')) };
}

beforeAll(() => {
  // Chunks of the import transaction hold 20,000 answers: two chunks, and three.
  for (const rows of [25_000, 45_000]) {
    const lines = ['Horodateur,Prénom,Vous sentez-vous moins seul(e) ?,Commentaire'];
    for (let i = 0; i < rows; i++) lines.push(`${String(1 + (i % 28)).padStart(2, '0')}/10/2026 10:${String(i % 60).padStart(2, '0')}:00,Personne ${i},${['Oui', 'Non', 'Un peu'][i % 3]},Réponse n° ${i}`);
    writeFileSync(file(rows), lines.join('\r\n'));
  }
});

/** A registry set up in a workbook of its own. */
async function registry(name: string): Promise<string> {
  const workbook = join(dir, name);
  expect(await repere('setup', '--workbook', workbook)).toMatchObject({ code: 0 });
  return workbook;
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an import stopped midway', () => {
  it('killed (kill -9): the workbook holds what its Journal line counts, and the same command completes it', async () => {
    const rows = 25_000;
    const workbook = await registry('tue.xlsx');
    const killed = await interruptedImport(workbook, rows, 'E1', 'SIGKILL');
    expect(killed.code).toBeNull();
    expect(existsSync(lockFileOf(workbook))).toBe(true); // left by the dead process, taken over below
    // What the last save holds: the import's start (its Journal line is written with it), or its first chunk too.
    const after = await state(workbook, 'E1');
    expect(after.lines).toHaveLength(1);
    const counted = Number(/Réponses du fichier déjà dans l’onglet : (\d+) sur 25000\. S’il a été interrompu, relancez l’import du même fichier dans l’enquête E1/.exec(after.lines[0]!)?.[1]);
    expect([0, 20_000]).toContain(counted);
    expect(after.ids).toHaveLength(counted);

    const rerun = await repere('import', file(rows), '--survey', 'E1', '--workbook', workbook);
    expect(rerun).toMatchObject({ code: 0, stderr: expect.not.stringContaining('Erreur') });
    // « Repris » when the killed import had written some answers; a plain import again otherwise.
    expect(rerun.stdout).toContain(`${importSummary({ read: rows, inserted: rows - counted, alreadyPresent: counted, rejected: 0, resumed: counted > 0 })} → onglet « Réponses E1 ».`);
    const done = await state(workbook, 'E1');
    expect(done.ids).toHaveLength(rows);
    expect(new Set(done.ids).size).toBe(rows);
    expect(done.lines).toEqual([
      expect.stringContaining(`grande-enquete-25000.csv → Réponses E1 : 25000 réponses lues = ${count(rows - counted, 'insérée', 'insérées')} + ${count(counted, 'déjà présente', 'déjà présentes')} + 0 refusée.${counted > 0 ? ' Reprise d’un import interrompu.' : ''} Empreinte`),
    ]);
    expect(existsSync(lockFileOf(workbook))).toBe(false);
  }, 180_000);

  it('interrupted (Ctrl+C): it stops after the chunk under way, saves, says how to resume, and the same command completes it', async () => {
    const workbook = await registry('interrompu.xlsx');
    const rows = 45_000;
    const stopped = await interruptedImport(workbook, rows, 'E2', 'SIGINT');
    expect(stopped.code).toBe(1);
    const written = Number(/Erreur : Import interrompu après (\d+) réponses? sur 45000 \(Ctrl\+C\)\. Ce qui est écrit est enregistré, et le Journal le dit : relancez la même commande pour reprendre, sans doublon\./.exec(stopped.stderr)?.[1]);
    expect(written).toBeGreaterThanOrEqual(15_000);
    const after = await state(workbook, 'E2');
    expect(after.ids).toHaveLength(written);
    expect(after.lines.filter((l) => l.includes('Réponses E2'))).toEqual([expect.stringContaining(`Réponses du fichier déjà dans l’onglet : ${written} sur 45000.`)]);
    expect(existsSync(lockFileOf(workbook))).toBe(false);

    const rerun = await repere('import', file(rows), '--survey', 'E2', '--workbook', workbook);
    expect(rerun.stdout).toContain(`${importSummary({ read: rows, inserted: rows - written, alreadyPresent: written, rejected: 0, resumed: true })} → onglet « Réponses E2 ».`);
    expect((await state(workbook, 'E2')).ids).toHaveLength(rows);
  }, 180_000);
});
