// A `repere` command killed at any moment (SIGKILL: a crash, a closed laptop) — early, late, and just as it writes
// its temporary file — leaves a workbook that exceljs and LibreOffice both open; the next command takes
// over the dead lock, removes the half-written temporary file and completes.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookFromBytes } from '../../apps-script/local/workbook-file';
import { copyOfDemoWorkbook } from './demo-workbook';
import { repere } from './repere-command';

const dir = mkdtempSync(join(tmpdir(), 'repere-killed-'));
const workbook = join(dir, 'demo.xlsx');

beforeAll(async () => {
  await copyOfDemoWorkbook(workbook);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `repere compute` and kills it after `ms`, or as soon as its temporary file appears. */
function computeKilled(when: number | 'while-saving'): Promise<void> {
  return new Promise((done) => {
    const child = spawn('node', ['apps-script/local/bin/repere.mjs', 'compute', '--workbook', workbook], { stdio: 'ignore' });
    const kill = () => child.kill('SIGKILL');
    const watcher = when === 'while-saving' ? watch(dir, (_event, name) => String(name).endsWith('.tmp') && kill()) : null;
    const timer = typeof when === 'number' ? setTimeout(kill, when) : null;
    child.once('exit', () => {
      watcher?.close();
      if (timer) clearTimeout(timer);
      done();
    });
  });
}

describe('a command killed at any moment', () => {
  it('leaves a workbook exceljs and LibreOffice open, and the next command completes', async () => {
    const started = Date.now();
    expect((await repere('compute', '--workbook', workbook)).code).toBe(0);
    const duration = Date.now() - started;
    const snapshots: string[] = [];
    const moments: Array<number | 'while-saving'> = [Math.round(duration * 0.4), Math.round(duration * 0.8), 'while-saving'];
    for (const [i, moment] of moments.entries()) {
      await computeKilled(moment);
      const bytes = readFileSync(workbook);
      await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
      expect((await workbookFromBytes(bytes, workbook)).sheets.map((s) => s.name)).toContain('Tableau de bord');
      const copy = join(dir, `apres-arret-${i + 1}.xlsx`);
      copyFileSync(workbook, copy);
      snapshots.push(copy);
    }
    // The next command: the dead process's lock taken over, its temporary file removed.
    const next = await repere('compute', '--workbook', workbook);
    expect([next.code, next.stderr]).toEqual([0, '']);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp') || name.endsWith('.repere-lock'))).toEqual([]);

    // LibreOffice opens every state the kills left (one conversion run for all of them).
    const out = join(dir, 'csv');
    const converted = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'csv', '--outdir', out, ...snapshots], { encoding: 'utf8', timeout: 120_000 });
    expect(converted.status).toBe(0);
    for (const snapshot of snapshots) {
      const csv = join(out, snapshot.split('/').pop()!.replace(/\.xlsx$/, '.csv'));
      expect(existsSync(csv)).toBe(true);
      expect(statSync(csv).size).toBeGreaterThan(0);
    }
  }, 120_000);
});
