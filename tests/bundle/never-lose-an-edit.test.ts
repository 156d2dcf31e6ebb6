// Never lose an edit: a person edits the workbook in a spreadsheet program (LibreOffice's lock file beside it while it
// is open, the file saved whole) or another program replaces the file, at random moments between Repère's actions —
// set-up again, a survey import, a computation, observations through the collector. Whatever the order: every edit
// made outside Repère is still in the file, every Repère action that said it was done is there too (its answers, its
// observations once, its Journal line), and while the file is open elsewhere Repère writes nothing and says why.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TAB_METADATA_KEY } from '../../shared/contract/tabs';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import type { RegistryQuestion } from '../../shared/survey/mapping';
import { importServer, prepareAsSuggested, runImport } from '../../shared/survey/mapping-run';
import type { WorkbookModel } from '../../apps-script/local/emulator';
import { openLocalMode, type LocalMode } from '../../apps-script/local/start';
import { loadWorkbook } from '../../apps-script/local/workbook-file';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Step =
  | { kind: 'setup' }
  | { kind: 'import'; answers: number }
  | { kind: 'compute' }
  | { kind: 'observations'; count: number }
  | { kind: 'open' }
  | { kind: 'type'; edit: number }
  | { kind: 'close' }
  | { kind: 'replace'; edit: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'setup' as const }), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 8 }).map((answers) => ({ kind: 'import' as const, answers })), weight: 2 },
  { arbitrary: fc.constant({ kind: 'compute' as const }), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 4 }).map((count) => ({ kind: 'observations' as const, count })), weight: 3 },
  { arbitrary: fc.constant({ kind: 'open' as const }), weight: 2 },
  { arbitrary: fc.nat(1_000).map((edit) => ({ kind: 'type' as const, edit })), weight: 3 },
  { arbitrary: fc.constant({ kind: 'close' as const }), weight: 2 },
  { arbitrary: fc.nat(1_000).map((edit) => ({ kind: 'replace' as const, edit })), weight: 2 },
);

/** What a person may type outside Repère: a target, a new outcome, a line of the approach. */
interface ExternalEdit {
  tab: 'Indicateurs' | 'Changements' | 'Démarche';
  row: number;
  column: number;
  value: string;
}

function tabByKey(model: WorkbookModel, key: string) {
  const meta = model.metadata.find((m) => m.key === TAB_METADATA_KEY && m.value === key && m.location.type === 'SHEET');
  return model.sheets.find((s) => meta?.location.type === 'SHEET' && s.sheetId === meta.location.sheetId);
}

/** A tab's cells as text (row 1 the header). */
function texts(model: WorkbookModel, key: string): string[][] {
  const sheet = tabByKey(model, key);
  return (sheet?.cells ?? []).map((row) => Array.from(row ?? [], (cell) => (cell?.v === null || cell?.v === undefined ? '' : String(cell.v))));
}

const survey = (from: number, count: number) =>
  ['Horodateur,Prénom,Vous sentez-vous moins seul(e) ?,Commentaire', ...Array.from({ length: count }, (_, i) => `0${1 + ((from + i) % 9)}/10/2026 10:00:00,Personne ${from + i},${['Oui', 'Non'][(from + i) % 2]},Réponse n° ${from + i}`)].join('\r\n');

const observation = (n: number) => ({
  id: `6f1c2a3b-4d5e-4f60-8a7b-${String(n).padStart(12, '0')}`,
  createdAt: '2026-11-26T09:00:00.000Z',
  updatedAt: '2026-11-26T09:00:00.000Z',
  kind: 'observation',
  text: `Observation n° ${n}`,
  tags: [],
  consent: 'non requis',
  scope: 'interne',
});

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

class Scenario {
  readonly dir = mkdtempSync(join(tmpdir(), 'repere-never-lose-'));
  readonly workbook = join(this.dir, 'registre.xlsx');
  readonly lockFile = join(this.dir, '.~lock.registre.xlsx#');
  mode!: LocalMode;
  token = '';
  open = false;
  /** The file as the person's spreadsheet program loaded it, and the edits typed since (saved at `close`). */
  pending: ExternalEdit[] = [];
  edits: ExternalEdit[] = [];
  answers = 0;
  imported = 0;
  observations = new Set<string>();
  unsent: number[] = [];
  nextObservation = 1;
  journal = 0;
  refusals = 0;

  constructor() {
    dirs.push(this.dir);
  }

  async start(): Promise<void> {
    this.mode = await openLocalMode({ workbook: this.workbook, port: 0 });
    this.token = this.mode.connectionCode.slice('repere1:'.length, this.mode.connectionCode.indexOf('@'));
    expect(await this.mode.registry.call('configureRegistry', [{ lang: 'fr', template: 'aidants' }])).toMatchObject({ ok: true });
    this.journal = 1;
  }

  /** A Repère action: done (a Journal line more) or, while the file is open elsewhere, refused with the file untouched. */
  private async act(run: () => Promise<{ ok: boolean; message?: string }>): Promise<void> {
    const before = hash(this.workbook);
    const outcome = await run();
    if (this.open) {
      expect(outcome.ok).toBe(false);
      expect(outcome.message).toContain('est ouvert dans LibreOffice');
      expect(hash(this.workbook)).toBe(before);
      this.refusals++;
    } else {
      expect(outcome).toMatchObject({ ok: true });
      this.journal++;
    }
  }

  private rpc = async (fn: string, ...args: unknown[]) => {
    const reply = await this.mode.registry.call(fn, args);
    return reply.ok ? (reply.value as { ok: boolean }) : { ok: false, message: reply.error };
  };

  async step(step: Step): Promise<void> {
    const registry = this.mode.registry;
    switch (step.kind) {
      case 'setup':
        return this.act(() => this.rpc('configureRegistry', { lang: 'fr' }));
      case 'compute':
        return this.act(() => this.rpc('computeRegistry'));
      case 'import': {
        const bytes = new TextEncoder().encode(survey(this.answers + 1, step.answers));
        return this.act(async () => {
          try {
            const result = await registry.hold(async () => {
              const setup = (await registry.callOrThrow('getImportSetup', ['E9'])) as { mapping: unknown; questions: RegistryQuestion[] };
              const { prepared, mapping } = prepareAsSuggested(bytes, setup);
              return runImport(prepared, { surveyId: 'E9', wave: 'T1', fileName: `vague-${this.answers}.csv`, fileHash: sha256BytesHex(bytes), mapping }, importServer((fn, arg) => registry.callOrThrow(fn, [arg])));
            }, { saveEveryMs: 20_000 });
            this.answers += step.answers;
            if (result.ok) this.imported = this.answers;
            return result;
          } catch (error) {
            return { ok: false, message: (error as Error).message };
          }
        });
      }
      case 'observations': {
        // The extension sends what the collector has not confirmed yet, then the new ones.
        const numbers = [...this.unsent, ...Array.from({ length: step.count }, () => this.nextObservation++)];
        const answer = JSON.parse(await registry.doPost(JSON.stringify({ v: 1, op: 'putObservations', token: this.token, records: numbers.map(observation) }), 'text/plain')) as { ok: boolean; code: string; message?: string };
        if (this.open) {
          expect(answer).toMatchObject({ ok: false, code: 'busy' });
          expect(answer.message).toContain('est ouvert dans LibreOffice');
          this.unsent = numbers;
          this.refusals++;
          return;
        }
        expect(answer).toMatchObject({ ok: true });
        for (const n of numbers) this.observations.add(observation(n).id);
        this.unsent = [];
        this.journal++;
        return;
      }
      case 'open':
        if (this.open) return;
        // LibreOffice puts its lock file beside the workbook, then reads it.
        writeFileSync(this.lockFile, ',marie,poste-3,26.11.2026 10:00,file:///home/marie/.config/libreoffice/4;');
        this.open = true;
        return;
      case 'type':
        if (!this.open) return;
        this.pending.push(this.externalEdit(step.edit, await loadWorkbook(this.workbook)));
        return this.saveInSpreadsheet();
      case 'close':
        this.open = false;
        rmSync(this.lockFile, { force: true });
        return;
      case 'replace':
        // Another program (a copy from a colleague, a synchronisation tool) replaces the file, holding no lock.
        if (this.open) return;
        this.pending.push(this.externalEdit(step.edit, await loadWorkbook(this.workbook)));
        return this.saveInSpreadsheet();
    }
  }

  private externalEdit(n: number, model: WorkbookModel): ExternalEdit {
    const tab = (['Indicateurs', 'Changements', 'Démarche'] as const)[n % 3]!;
    const key = { Indicateurs: 'indicators', Changements: 'outcomes', Démarche: 'approach' }[tab];
    const rows = texts(model, key);
    if (tab === 'Indicateurs') {
      // A target on an existing indicator (the Cibles column), typed again on the same one later maybe.
      const column = rows[0]!.indexOf('Cibles') + 1;
      const row = 2 + (n % 14);
      this.edits = this.edits.filter((e) => !(e.tab === tab && e.row === row && e.column === column));
      return { tab, row, column, value: `2026 : ${n}` };
    }
    // A new line after the last one.
    const row = rows.filter((r) => r.some((c) => c !== '')).length + 1;
    return { tab, row, column: 1, value: tab === 'Changements' ? `X${n}` : `Note ${n} tapée dans LibreOffice` };
  }

  /** The spreadsheet program writes its whole copy: the file as it was read plus what was typed. */
  private async saveInSpreadsheet(): Promise<void> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(this.workbook);
    for (const edit of this.pending) book.getWorksheet(edit.tab)!.getCell(edit.row, edit.column).value = edit.value;
    await book.xlsx.writeFile(this.workbook);
    this.edits.push(...this.pending);
    this.pending = [];
  }

  /** Everything done so far is in the file. */
  async check(): Promise<void> {
    const model = await loadWorkbook(this.workbook);
    const byTab = { Indicateurs: texts(model, 'indicators'), Changements: texts(model, 'outcomes'), Démarche: texts(model, 'approach') };
    for (const edit of this.edits) expect(byTab[edit.tab][edit.row - 1]?.[edit.column - 1], `${edit.tab} ligne ${edit.row}`).toBe(edit.value);
    const ids = texts(model, 'observations').slice(1).map((row) => row[0]);
    expect(ids.filter((id) => this.observations.has(id!)).length).toBe(this.observations.size);
    expect(new Set(ids).size).toBe(ids.length);
    expect(texts(model, 'responses').slice(1).filter((row) => row.some((c) => c !== ''))).toHaveLength(this.imported);
    expect(texts(model, 'journal').slice(1).filter((row) => row.some((c) => c !== ''))).toHaveLength(this.journal);
  }
}

describe('edits made outside Repère while it runs', () => {
  it('are never lost, nor are Repère’s own writes, whatever the order', async () => {
    let refusals = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 6, maxLength: 12 }), async (steps) => {
        const scenario = new Scenario();
        await scenario.start();
        try {
          // Every run ends with the workbook open elsewhere during a computation and a sync, then closed and synced.
          const ending: Step[] = [{ kind: 'open' }, { kind: 'compute' }, { kind: 'observations', count: 1 }, { kind: 'close' }, { kind: 'observations', count: 1 }];
          for (const step of [...steps, ...ending]) {
            await scenario.step(step);
            await scenario.check();
          }
          refusals += scenario.refusals;
        } finally {
          await scenario.mode.stop();
        }
      }),
      { numRuns: 6 },
    );
    // The runs did meet the workbook open elsewhere.
    expect(refusals).toBeGreaterThan(0);
  }, 120_000);
});
