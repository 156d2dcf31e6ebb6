// The workbook on disk is the truth: while the local server runs (the extension syncing through /exec, the sidebar
// calling /rpc), `repere` commands in another process import, compute and check the same workbook — and nothing is
// lost: every observation once, every imported answer, both processes' Journal lines.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalMode, type LocalMode } from '../../apps-script/local/start';
import type { WorkbookModel } from '../../apps-script/local/emulator';
import { loadWorkbook } from '../../apps-script/local/workbook-file';
import { repere } from './repere-command';

const dir = mkdtempSync(join(tmpdir(), 'repere-concurrent-'));
const workbook = join(dir, 'registre.xlsx');

/** A Google Forms export of `count` answers from number `from` on. */
function survey(name: string, from: number, count: number): string {
  const lines = ['Horodateur,Prénom,Vous sentez-vous moins seul(e) ?,Commentaire'];
  for (let i = from; i < from + count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`${day}/10/2026 10:${String(i % 60).padStart(2, '0')}:00,Personne ${i},${['Oui', 'Non', 'Un peu'][i % 3]},Réponse n° ${i}`);
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join('\r\n'));
  return path;
}

const observation = (n: number) => ({
  id: `6f1c2a3b-4d5e-4f60-8a7b-${String(n).padStart(12, '0')}`,
  createdAt: '2026-11-26T09:00:00.000Z',
  updatedAt: '2026-11-26T09:00:00.000Z',
  kind: 'observation',
  text: `Observation synchronisée n° ${n}`,
  tags: [],
  consent: 'non requis',
  scope: 'interne',
});

function column(model: WorkbookModel, sheetName: string, header: string): unknown[] {
  const sheet = model.sheets.find((s) => s.name === sheetName);
  if (!sheet) return [];
  const c = sheet.cells[0]!.findIndex((cell) => cell?.v === header);
  return sheet.cells.slice(1).map((row) => row?.[c]?.v ?? '').filter((v) => v !== '');
}

describe('the local server and the repere command on one workbook', () => {
  let mode: LocalMode;
  let token = '';

  beforeAll(async () => {
    mode = await openLocalMode({ workbook, port: 0 });
    await mode.registry.callOrThrow('configureRegistry', [{ lang: 'fr' }]);
    token = mode.connectionCode.slice('repere1:'.length, mode.connectionCode.indexOf('@'));
  });
  afterAll(async () => {
    await mode?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The extension: each batch sent until the collector takes it (a busy registry is tried again). */
  async function sync(batches: number, size: number): Promise<number> {
    let tries = 0;
    for (let b = 0; b < batches; b++) {
      const records = Array.from({ length: size }, (_, i) => observation(b * size + i + 1));
      for (;;) {
        tries++;
        const answer = (await (await fetch(mode.server.execUrl, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ v: 1, op: 'putObservations', token, records }) })).json()) as { ok: boolean; code: string };
        if (answer.ok) break;
        expect(answer.code).toBe('busy');
        await new Promise((done) => setTimeout(done, 50));
      }
    }
    return tries;
  }

  /** The sidebar: a few calls that write (the computation) and read. */
  async function sidebar(times: number): Promise<void> {
    const headers = { Origin: mode.server.url.replace(/\/$/, ''), 'Content-Type': 'application/json', 'X-Repere-Token': mode.server.pageToken };
    for (let i = 0; i < times; i++) {
      const reply = (await (await fetch(`${mode.server.url}rpc`, { method: 'POST', headers, body: JSON.stringify({ fn: i % 2 ? 'getSidebarState' : 'computeRegistry', args: [] }) })).json()) as { ok: boolean; error?: string };
      if (!reply.ok) expect(reply.error).toMatch(/en cours d’écriture par un autre programme Repère \(repere import, processus \d+/);
    }
  }

  it('loses nothing: every observation once, every answer, every Journal line', async () => {
    const october = survey('octobre.csv', 1, 400);
    const november = survey('novembre.csv', 1, 600); // cumulative: the 400 again, and 200 new
    const commands = (async () => {
      const outputs = [];
      outputs.push(await repere('import', october, '--survey', 'E1', '--wave', 'T1', '--workbook', workbook));
      outputs.push(await repere('compute', '--workbook', workbook));
      outputs.push(await repere('import', november, '--survey', 'E1', '--wave', 'T2', '--workbook', workbook));
      outputs.push(await repere('check', '--workbook', workbook));
      return outputs;
    })();
    const [outputs] = await Promise.all([commands, sync(30, 5), sidebar(6)]);
    expect(outputs.map((o) => [o.code, o.stderr])).toEqual(outputs.map(() => [0, '']));
    expect(outputs[0]!.stdout).toContain('400 nouvelles réponses, 0 déjà présente.');
    expect(outputs[2]!.stdout).toContain('200 nouvelles réponses, 400 déjà présentes.');

    await sync(1, 5); // the server writes once more after the last command
    const saved = await loadWorkbook(workbook);
    const ids = column(saved, 'Observations', 'Identifiant');
    expect(ids).toHaveLength(150);
    expect(new Set(ids).size).toBe(150);
    expect(column(saved, 'Réponses E1', 'Commentaire')).toHaveLength(600);
    const journal = column(saved, 'Journal', 'Détails').map(String);
    expect(journal.filter((line) => line.includes('→ Réponses E1'))).toHaveLength(2);
    expect(journal.filter((line) => line.includes('reçue')).length).toBeGreaterThanOrEqual(31);
    // The page shows what the file holds.
    await mode.registry.refresh();
    expect((await mode.registry.workbookView()).sheets.map((s) => s.name)).toContain('Réponses E1');
  }, 180_000);
});
