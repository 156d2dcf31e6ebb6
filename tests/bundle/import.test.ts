// The survey import transaction through the built bundle (begin → chunks → quotes → finish), driven the way the
// sidebar and the CLI drive it: blocking errors write nothing, cumulative re-exports add only what is new, the
// counts reconcile in the Journal, a second import of the same survey is refused, an interrupted one resumes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadWorkbook, saveWorkbook } from '../../apps-script/local/workbook-file';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import { prepareImport, prepareTable } from '../../shared/survey/import';
import { emptyMapping, readMapping, type ImportMapping } from '../../shared/survey/mapping';
import { importServer, runImport, type RunImportResult } from '../../shared/survey/mapping-run';
import { sheetRecords } from '../../shared/survey/read-table';
import { recogniseSource } from '../../shared/survey/sources/index';
import { succeeded, testRegistry, type TestRegistry } from './runtime';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
const OCTOBRE = fixture('octobre.csv');
const NOVEMBRE = fixture('novembre.csv');
const BLOQUANT = fixture('erreur-bloquante.csv');
const QUESTION = 'Vous sentez-vous moins seul(e) depuis les visites ?';

function configured(): TestRegistry {
  const registry = testRegistry();
  registry.run('configureRegistry', { lang: 'fr' });
  return registry;
}

interface Options {
  surveyId?: string;
  wave?: string;
  fileName?: string;
  mapping?: Partial<ImportMapping>;
  stopAfterChunks?: number;
  maxChunkRows?: number;
}

/** What the sidebar does: saved mapping, prepare with the remembered corrections, run the transaction. */
async function importBytes(registry: TestRegistry, bytes: Uint8Array, options: Options = {}): Promise<RunImportResult> {
  const surveyId = options.surveyId ?? 'E1';
  const saved = registry.run('getImportSetup', surveyId).mapping as ImportMapping;
  const mapping = readMapping({ ...saved, ...options.mapping });
  const prepared = prepareImport(bytes, { corrections: mapping.corrections });
  return runImport(
    prepared,
    {
      surveyId,
      wave: options.wave ?? '2026-T4',
      fileName: options.fileName ?? 'reponses.csv',
      fileHash: sha256BytesHex(bytes),
      mapping,
      ...(options.stopAfterChunks !== undefined && { stopAfterChunks: options.stopAfterChunks }),
      ...(options.maxChunkRows !== undefined && { maxChunkRows: options.maxChunkRows }),
    },
    importServer(registry.importCall),
  );
}

function responses(registry: TestRegistry): { header: string[]; rows: unknown[][]; col: (label: string) => unknown[] } {
  const sheet = registry.model.sheets.find((s) => s.name.startsWith('Réponses'));
  if (!sheet) return { header: [], rows: [], col: () => [] };
  const live = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet.name)!;
  const [header = [], ...rows] = live.getRange(1, 1, live.getLastRow(), live.getLastColumn()).getValues() as unknown[][];
  const names = header.map(String);
  return { header: names, rows, col: (label) => rows.map((r) => r[names.indexOf(label)]) };
}

const ctxDate = (registry: TestRegistry) => vm.runInContext('Date', registry.context) as DateConstructor;
const journal = (registry: TestRegistry) => registry.tab('journal').slice(1).map((r) => String(r[3]));

describe('importing a survey file through the bundle', () => {
  it('writes nothing when an answer cannot be written (longer than a cell), and says where (row, column, why)', async () => {
    const registry = configured();
    const sheetsBefore = registry.model.sheets.map((s) => s.name);
    registry.services.calls.reset();
    const result = await importBytes(registry, BLOQUANT);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/rien n’a été importé/);
    expect(result.problems).toEqual([expect.objectContaining({ row: 4, column: 'Commentaire', kind: 'too-long', message: expect.stringContaining('plus que les 50 000 qu’une cellule peut contenir') })]);
    expect(registry.model.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(registry.services.calls.get('Range.setValues')).toBe(0);
  });

  it('types numbers and dates, keeps formula-looking text as text, and keeps provenance per row', async () => {
    const registry = configured();
    const result = await importBytes(registry, OCTOBRE, { fileName: 'octobre.csv', mapping: { paradata: { respondentType: { column: 'Qui répond ?' }, mode: { value: 'auto-administré' } } } });
    expect(result).toMatchObject({ ok: true, read: 3, inserted: 3, alreadyPresent: 0, rejected: 0, tab: 'Réponses E1' });
    const { header, col } = responses(registry);
    const contract = ['Identifiant réponse', 'Fichier source', 'Ligne source', 'Importée le', 'Vague', 'Type de répondant', 'Mode de passation', 'Enquêteur', 'Empreinte du fichier'];
    expect(header).toEqual(expect.arrayContaining(contract));
    expect(Math.max(...contract.map((c) => header.indexOf(c)))).toBeLessThan(header.indexOf('Horodateur'));
    expect(col('Votre âge')).toEqual([78, 82, 69]);
    const entry = col('Date d\'entrée')[0] as Date;
    expect(entry).toBeInstanceOf(ctxDate(registry));
    expect([entry.getFullYear(), entry.getMonth() + 1, entry.getDate()]).toEqual([2026, 9, 2]);
    expect(col('Horodateur')[1]).toBeInstanceOf(ctxDate(registry));
    expect(col('Un mot sur les visites ?')).toEqual(['Les visites me font du bien.', '=1+1', '+33 6 12 34 56 78']);
    const texts = registry.model.sheets.find((s) => s.name === 'Réponses E1')!.cells.flat().filter((c) => c && typeof c.v === 'string' && c.v.startsWith('='));
    expect(texts.every((c) => !c!.f)).toBe(true);
    expect(col('Fichier source')).toEqual(['octobre.csv', 'octobre.csv', 'octobre.csv']);
    expect(col('Ligne source')).toEqual([2, 3, 4]);
    expect(col('Empreinte du fichier')).toEqual(Array(3).fill(sha256BytesHex(OCTOBRE)));
    expect(col('Vague')).toEqual(['2026-T4', '2026-T4', '2026-T4']);
    expect(col('Type de répondant')).toEqual(['lui-même', 'pour autrui', 'lui-même']);
    expect(col('Mode de passation')).toEqual(Array(3).fill('auto-administré'));
    expect(col('Importée le').every((d) => d instanceof (ctxDate(registry)))).toBe(true);
    expect(registry.tab('surveys').slice(1)).toEqual([expect.arrayContaining(['E1', 'E1', 'google-forms', '2026-T4'])]);
  });

  it('adds only the new answers of a cumulative re-export, and the counts reconcile in the Journal', async () => {
    const registry = configured();
    await importBytes(registry, OCTOBRE, { fileName: 'octobre.csv' });
    const second = await importBytes(registry, NOVEMBRE, { fileName: 'novembre.csv' });
    expect(second).toMatchObject({ ok: true, read: 5, inserted: 2, alreadyPresent: 3, rejected: 0 });
    const again = await importBytes(registry, NOVEMBRE, { fileName: 'novembre.csv' });
    expect(again).toMatchObject({ ok: true, read: 5, inserted: 0, alreadyPresent: 5 });
    expect(responses(registry).rows).toHaveLength(5);
    const lines = journal(registry).filter((l) => l.includes('→ Réponses E1'));
    expect(lines).toEqual([
      expect.stringContaining('octobre.csv → Réponses E1 (vague 2026-T4) : 3 réponses lues = 3 insérées + 0 déjà présente + 0 refusée.'),
      expect.stringContaining('novembre.csv → Réponses E1 (vague 2026-T4) : 5 réponses lues = 2 insérées + 3 déjà présentes + 0 refusée.'),
      expect.stringContaining(': 5 réponses lues = 0 insérée + 5 déjà présentes'),
    ]);
  });

  it('counts LimeSurvey’s incomplete answers as rejected, with the reason, and keys answers by the tool’s id', async () => {
    const registry = configured();
    const bytes = new Uint8Array(readFileSync('tests/fixtures/surveys/limesurvey.csv'));
    const prepared = prepareImport(bytes);
    const result = await importBytes(registry, bytes, { fileName: 'limesurvey.csv' });
    expect(result).toMatchObject({ ok: true, inserted: prepared.keys.length, rejected: prepared.problems.excluded.length });
    expect(prepared.problems.excluded.length).toBeGreaterThan(0);
    if (!result.ok) return;
    expect(result.read).toBe(result.inserted + result.alreadyPresent + result.rejected);
    expect(journal(registry).at(-1)).toMatch(/Refusées : ligne 4 : /);
    expect(responses(registry).col('Identifiant réponse')[0]).toBe('tool:limesurvey:1');
  });

  it('refuses a second import of the same survey while one is under way, then lets it resume without duplicates', async () => {
    const registry = configured();
    const stopped = await importBytes(registry, NOVEMBRE, { fileName: 'novembre.csv', maxChunkRows: 2, stopAfterChunks: 1 });
    expect(stopped).toMatchObject({ ok: false, stopped: true });
    expect(responses(registry).rows.filter((r) => r[0] !== '')).toHaveLength(2);

    const other = await importBytes(registry, OCTOBRE, { fileName: 'octobre.csv' });
    expect(other).toMatchObject({ ok: false, message: expect.stringContaining('Un import de l’enquête E1 est déjà en cours (fichier « novembre.csv »') });

    const resumed = await importBytes(registry, NOVEMBRE, { fileName: 'novembre.csv', maxChunkRows: 2 });
    expect(resumed).toMatchObject({ ok: true, resumed: true, read: 5, inserted: 3, alreadyPresent: 2 });
    const ids = responses(registry).col('Identifiant réponse').filter((v) => v !== '');
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    const rows = responses(registry).rows;
    expect(rows.slice(0, 5).every((r) => r[0] !== '')).toBe(true);
  });

  it('leaves a Journal line saying what an interrupted import wrote and how to resume it, replaced by the final one', async () => {
    const registry = configured();
    await importBytes(registry, NOVEMBRE, { fileName: 'novembre.csv', maxChunkRows: 2, stopAfterChunks: 1 });
    const progress = journal(registry).filter((l) => l.includes('novembre.csv'));
    expect(progress).toEqual([
      expect.stringMatching(/^Import de « novembre\.csv » → Réponses E1 \(vague 2026-T4\) commencé, pas terminé\. Réponses du fichier déjà dans l’onglet : 2 sur 5\. S’il a été interrompu, relancez l’import du même fichier dans l’enquête E1 : il reprendra après les réponses déjà écrites, sans doublon\. \[import [0-9a-f]{8}\]$/),
    ]);
    await importBytes(registry, NOVEMBRE, { fileName: 'novembre.csv', maxChunkRows: 2, stopAfterChunks: 1 });
    expect(journal(registry).filter((l) => l.includes('novembre.csv'))).toEqual([expect.stringContaining('Réponses du fichier déjà dans l’onglet : 4 sur 5.')]);
    const resumed = await importBytes(registry, NOVEMBRE, { fileName: 'novembre.csv' });
    expect(resumed).toMatchObject({ ok: true, resumed: true, read: 5, inserted: 1, alreadyPresent: 4 });
    expect(journal(registry).filter((l) => l.includes('novembre.csv'))).toEqual([
      expect.stringContaining('novembre.csv → Réponses E1 (vague 2026-T4) : 5 réponses lues = 1 insérée + 4 déjà présentes + 0 refusée. Reprise d’un import interrompu.'),
    ]);
    expect(responses(registry).col('Identifiant réponse').filter((v) => v !== '')).toHaveLength(5);
  });

  it('keeps an interrupted import’s Journal line to what that import wrote: rows inserted, the tab renamed, another file imported after it', async () => {
    const registry = configured();
    await importBytes(registry, NOVEMBRE, { fileName: 'novembre.csv', maxChunkRows: 2, stopAfterChunks: 1 });
    const line = () => journal(registry).find((l) => l.includes('novembre.csv'));
    const ss = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet();
    const tab = ss.getSheetByName('Réponses E1')!;
    // What a person does on the local page or in Sheets while the import waits to be resumed.
    tab.insertRowsAfter(1, 5);
    expect(line()).toContain('Réponses du fichier déjà dans l’onglet : 2 sur 5.');
    tab.deleteRows(2, 5);
    tab.setName('Réponses E1 (novembre)');
    expect(line()).toContain('Réponses du fichier déjà dans l’onglet : 2 sur 5.');
    // The reservation expires, and another file of the same survey goes in the rows the first one had reserved.
    const props = registry.services.globals.PropertiesService.getDocumentProperties();
    props.setProperty('repere.import.E1', JSON.stringify({ ...JSON.parse(props.getProperty('repere.import.E1')!), expires: Date.now() - 1 }));
    const other = new TextEncoder().encode('Horodateur,Votre âge\n01/12/2026 09:00:00,70\n01/12/2026 10:00:00,71\n02/12/2026 11:00:00,72\n');
    expect(await importBytes(registry, other, { fileName: 'decembre.csv' })).toMatchObject({ ok: true, inserted: 3 });
    expect(line()).toContain('Réponses du fichier déjà dans l’onglet : 2 sur 5.');
    const row = registry.tab('journal').findIndex((r) => String(r[3]).includes('novembre.csv')) + 1;
    expect(ss.getSheetByName('Journal')!.getRange(row, 4).getFormula()).toBe('');
  });

  it('leaves a Journal line LibreOffice computes itself from the saved .xlsx, as Sheets does', async () => {
    const registry = configured();
    await importBytes(registry, NOVEMBRE, { fileName: 'novembre.csv', maxChunkRows: 2, stopAfterChunks: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'repere-import-lo-'));
    try {
      // The saved value made stale, and LibreOffice told to recompute on opening: what it shows is its own reading.
      const saved = join(dir, 'registre.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await saveWorkbook(registry.model, join(dir, 'modele.xlsx'))) as unknown as ArrayBuffer);
      const journalSheet = book.getWorksheet('Journal')!;
      const cell = journalSheet.getCell(journalSheet.actualRowCount, 4);
      cell.value = { formula: (cell.value as ExcelJS.CellFormulaValue).formula, result: 'périmé' };
      await book.xlsx.writeFile(saved);
      const profile = join(dir, 'profil');
      mkdirSync(join(profile, 'user'), { recursive: true });
      writeFileSync(
        join(profile, 'user', 'registrymodifications.xcu'),
        '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>',
      );
      const out = join(dir, 'libreoffice');
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'xlsx', '--outdir', out, saved], { timeout: 90_000, stdio: 'ignore' });
      const seen = (await loadWorkbook(join(out, 'registre.xlsx'))).sheets.find((s) => s.name === 'Journal')!;
      const line = seen.cells.map((row) => String(row?.[3]?.v ?? '')).find((text) => text.includes('novembre.csv'));
      expect(line).toContain('pas terminé. Réponses du fichier déjà dans l’onglet : 2 sur 5.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('writes any file name into its Journal formula as texts Sheets and Excel accept (255 characters at most each)', async () => {
    const registry = configured();
    const fileName = `${'😊'.repeat(100)} "réponses"\n=HYPERLINK("x") '.csv`;
    await importBytes(registry, NOVEMBRE, { fileName, maxChunkRows: 2, stopAfterChunks: 1 });
    const journalTab = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Journal')!;
    const formula = journalTab.getRange(journalTab.getLastRow(), 4).getFormula();
    const texts = [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
    // Only texts around the count: nothing of the name got out of its quotes.
    expect(formula.replace(/"(?:[^"]|"")*"/g, '""')).toMatch(/^=""(&"")*&\(0\+COUNTA\('Réponses E1'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+\)\)(&"")+$/);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(255);
      expect(text).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
    }
    expect(journal(registry).at(-1)).toContain(`Import de « ${fileName.replace('\n', ' ')} » → Réponses E1`);
  });

  it('lets a stale reservation expire', async () => {
    const registry = configured();
    await importBytes(registry, NOVEMBRE, { maxChunkRows: 2, stopAfterChunks: 1 });
    const props = registry.services.globals.PropertiesService.getDocumentProperties();
    const reservation = JSON.parse(props.getProperty('repere.import.E1')!);
    props.setProperty('repere.import.E1', JSON.stringify({ ...reservation, expires: Date.now() - 1 }));
    const other = await importBytes(registry, OCTOBRE);
    expect(other).toMatchObject({ ok: true, inserted: 1, alreadyPresent: 2 });
  });

  it('answers « occupé » when another execution holds the lock, writing nothing', async () => {
    const registry = configured();
    registry.services.locks.holdByOther('script');
    const result = await importBytes(registry, OCTOBRE);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('occupé') });
    expect(registry.model.sheets.some((s) => s.name.startsWith('Réponses'))).toBe(false);
  });

  it('sends free-text answers to « Observations » as quotes, with consent from the mapped column, once', async () => {
    const registry = configured();
    const mapping = { quotes: { questions: ['Un mot sur les visites ?'], consent: 'Accord pour citer' } };
    const first = await importBytes(registry, OCTOBRE, { mapping });
    expect(first).toMatchObject({ ok: true, quotes: { sent: 3, added: 3 } });
    const second = await importBytes(registry, NOVEMBRE, { mapping });
    expect(second).toMatchObject({ ok: true, quotes: { sent: 4, added: 1 } });
    const [header = [], ...rows] = registry.tab('observations');
    const at = (label: string) => header.indexOf(label);
    expect(rows.map((r) => [r[at('Type')], r[at('Texte')], r[at('Consentement')], r[at('Usage')]])).toEqual([
      ['citation', 'Les visites me font du bien.', 'obtenu', 'interne'],
      ['citation', '=1+1', 'non obtenu', 'interne'],
      ['citation', '+33 6 12 34 56 78', 'obtenu', 'interne'],
      ['citation', 'Je vois enfin quelqu\'un, "vraiment"', 'obtenu', 'interne'],
    ]);
    expect(new Set(rows.map((r) => r[0])).size).toBe(4);

    const noConsent = configured();
    await importBytes(noConsent, OCTOBRE, { mapping: { quotes: { questions: ['Un mot sur les visites ?'] } } });
    const [h2 = [], ...r2] = noConsent.tab('observations');
    expect(r2.map((r) => r[h2.indexOf('Consentement')])).toEqual(Array(3).fill('non renseigné'));
  });

  it('remembers the corrections and the question mapping per survey and reuses them for the next wave', async () => {
    const registry = configured();
    const mapping = { corrections: { 'Votre âge': { type: 'text' as const } }, questions: { [QUESTION]: 'ISOL' } };
    expect(registry.run('saveImportMapping', 'E1', { ...emptyMapping(), ...mapping })).toEqual({ ok: true });
    await importBytes(registry, OCTOBRE);
    const saved = registry.run('getImportSetup', 'E1').mapping;
    expect(saved).toMatchObject(mapping);
    await importBytes(registry, NOVEMBRE, { wave: '2026-T5' });
    const { col, header } = responses(registry);
    expect(col('Votre âge')).toEqual(['78', '82', '69', '91', '74']);
    expect(header).toContain(QUESTION);
    const sheet = registry.model.sheets.find((s) => s.name === 'Réponses E1')!;
    const tagged = registry.model.metadata.filter((m) => m.key === 'repere:question' && m.location.type === 'COLUMN' && m.location.sheetId === sheet.sheetId).map((m) => m.value);
    expect(tagged).toContain('ISOL');
    expect(tagged).not.toContain(QUESTION);
    expect(registry.run('getImportSetup', 'E2').mapping).toEqual(emptyMapping());
  });

  it('imports a tab of the same spreadsheet (a Google Form’s linked responses) with one read', async () => {
    const registry = configured();
    const ss = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet();
    const form = ss.insertSheet('Réponses au formulaire 1');
    const D = ctxDate(registry);
    form.getRange(1, 1, 4, 3).setValues([
      ['Horodateur', 'Votre âge', 'Un mot ?'],
      [new D(2026, 9, 14, 9, 12, 45), 78, 'Merci'],
      [new D(2026, 9, 14, 10, 3, 12), 82, "'=2+2"],
      [new D(2026, 9, 15, 18, 40, 0), 69, 'Très bien'],
    ]);
    const { tabs } = registry.run('listSheetTabs');
    expect(tabs.map((t: { name: string }) => t.name)).toEqual(['Réponses au formulaire 1']);
    const target = tabs.find((t: { name: string }) => t.name === 'Réponses au formulaire 1')!;
    registry.services.calls.reset();
    const read = registry.run('readSheetTab', target.sheetId);
    expect(registry.services.calls.get('Range.getValues')).toBe(1);
    const values: string[][] = succeeded(read).values;
    const records = sheetRecords(values);
    if (!records.ok) throw new Error(records.message);
    const prepared = prepareTable(recogniseSource(records.records).normalise(records.records), {});
    expect(prepared.table.source).toBe('google-forms');
    const result = await runImport(prepared, { surveyId: 'E3', wave: '1', fileName: 'onglet « Réponses au formulaire 1 »', fileHash: sha256BytesHex(new TextEncoder().encode(JSON.stringify(values))), mapping: emptyMapping() }, importServer(registry.importCall));
    expect(result).toMatchObject({ ok: true, inserted: 3, tab: 'Réponses E3' });
    const { col } = responses(registry);
    expect(col('Votre âge')).toEqual([78, 82, 69]);
    expect(col('Un mot ?')).toEqual(['Merci', '=2+2', 'Très bien']);
  });

  it('refuses an answer longer than a cell with a French message naming row and column', async () => {
    const registry = configured();
    const long = 'a'.repeat(50_001);
    const csv = `Horodateur,Commentaire\n14/10/2026 09:12:45,court\n14/10/2026 10:12:45,${long}\n`;
    const result = await importBytes(registry, new TextEncoder().encode(csv));
    expect(result).toMatchObject({ ok: false, problems: [expect.objectContaining({ row: 3, column: 'Commentaire', message: expect.stringContaining('Ligne 3, colonne « Commentaire » : 50 001 caractères') })] });
    expect(registry.model.sheets.some((s) => s.name.startsWith('Réponses'))).toBe(false);
  });

  it('does one setValues per chunk, whatever the number of columns, its Journal line counting what is in by itself', async () => {
    const registry = configured();
    const header = ['Horodateur', ...Array.from({ length: 30 }, (_, i) => `Question ${i + 1}`)];
    const lines = Array.from({ length: 12 }, (_, r) => [`14/10/2026 09:${String(r).padStart(2, '0')}:00`, ...header.slice(1).map((_, c) => String((r * c) % 5 + 1))].join(','));
    const bytes = new TextEncoder().encode([header.join(','), ...lines].join('\n'));
    const prepared = prepareImport(bytes);
    const server = importServer(registry.importCall);
    let chunkCalls = 0;
    const counted = { ...server, chunk: async (r: Parameters<typeof server.chunk>[0]) => {
      const before = registry.services.calls.snapshot();
      const answer = await server.chunk(r);
      const after = registry.services.calls.snapshot();
      const spreadsheet = Object.keys(after).filter((k) => /^(SpreadsheetApp|Spreadsheet|Sheet|Range|DeveloperMetadata)/.test(k)).reduce((n, k) => n + after[k]! - (before[k] ?? 0), 0);
      expect(spreadsheet).toBeLessThanOrEqual(3);
      expect((after['Range.setValues'] ?? 0) - (before['Range.setValues'] ?? 0)).toBe(1);
      // Its Journal line, not written by the chunk, says how many answers are in after it.
      if (answer.ok) expect(journal(registry).at(-1)).toContain(`pas terminé. Réponses du fichier déjà dans l’onglet : ${answer.written} sur 12.`);
      chunkCalls++;
      return answer;
    } };
    const result = await runImport(prepared, { surveyId: 'E1', wave: '', fileName: 'large.csv', fileHash: sha256BytesHex(bytes), mapping: emptyMapping(), maxChunkRows: 5 }, counted);
    expect(result).toMatchObject({ ok: true, inserted: 12 });
    expect(chunkCalls).toBe(3);
  });

  it('retries a chunk Google refuses (too large, too long) in halves, and writes each answer once', async () => {
    const registry = configured();
    const header = ['Horodateur', 'Question'];
    const lines = Array.from({ length: 40 }, (_, r) => `14/10/2026 09:${String(r).padStart(2, '0')}:00,Réponse ${r}`);
    const bytes = new TextEncoder().encode([header.join(','), ...lines].join('\n'));
    const server = importServer(registry.importCall);
    let refused = 0;
    let firstLost = false;
    const flaky = { ...server, chunk: async (r: Parameters<typeof server.chunk>[0]) => {
      if (r.rows.length > 10) {
        refused++;
        throw new Error('Exceeded maximum execution time');
      }
      const answer = await server.chunk(r);
      // The first accepted chunk is written, but its answer is lost on the way back: it is sent again.
      if (!firstLost) {
        firstLost = true;
        throw new Error('NetworkError when attempting to fetch resource.');
      }
      return answer;
    } };
    const result = await runImport(prepareImport(bytes), { surveyId: 'E1', wave: '', fileName: 'gros.csv', fileHash: sha256BytesHex(bytes), mapping: emptyMapping(), maxChunkRows: 40 }, flaky);
    expect(result).toMatchObject({ ok: true, inserted: 40 });
    expect(refused).toBeGreaterThan(0);
    expect(responses(registry).col('Question')).toEqual(lines.map((l) => l.split(',')[1]));
  });
});
