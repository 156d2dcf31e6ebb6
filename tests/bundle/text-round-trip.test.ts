// Every text a person, a page or a survey file supplies comes back byte for byte after save, reload and a second save
// — through the collector (doPost) and through the import, on a real .xlsx — except what no file can hold (lone
// surrogates, U+FFFE, U+FFFF), replaced by « � » and reported. The file opens in exceljs (Repère's own loader) and in
// LibreOffice. A header with `_x0022_` does not break the hidden metadata.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRegistry } from '../../apps-script/local/registry-host';
import type { WorkbookModel } from '../../apps-script/local/emulator';
import { touch } from '../../apps-script/local/emulator/model';
import { loadWorkbook, saveWorkbook } from '../../apps-script/local/workbook-file';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import { parseAnswer, type EndpointAnswer } from '../../shared/protocol/endpoint';
import { replaceUnrepresentable } from '../../shared/sheet/cell';
import { inspectSurvey } from '../../shared/survey/import';
import { importServer, prepareAsSuggested, runImport } from '../../shared/survey/mapping-run';

const dir = mkdtempSync(join(tmpdir(), 'repere-text-'));
const template = join(dir, 'modele.xlsx');
let token = '';
let runs = 0;

/** Texts that the format escapes, or that readers decode or normalise. */
const TRICKY = [
  '_xFFFF_', '_x0000_', '_x005F_', '_x00e9_', '_x0022_ « entre guillemets »', '__x0041__', 'a_x0041_b_X0041_',
  'retour\rchariot', 'fin de ligne Windows\r\nsuite', 'nul \u0000 ici', 'contrôle \u0001\u0008\u000B\u000C\u001B\u001F\u007F fin',
  "'=1+1", "'apostrophe", '45%', '45 %', '007', 'mars 2024', 'VRAI', '=HYPERLINK("http://exemple.org";"clic")',
  ' espaces autour ', 'é😀\u0085\u2028', 'abîmé \uFFFE\uFFFF \uD800 \uDC00 fin',
];

const expected = (text: string) => replaceUnrepresentable(text).text;

/** One answer per row, every field quoted, as a survey tool exports free text. */
function csv(header: string, texts: readonly string[]): Uint8Array {
  const field = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return new Uint8Array(Buffer.from([`${field('Identifiant')},${field(header)}`, ...texts.map((t, i) => `${field(String(i + 1))},${field(t)}`)].join('\r\n'), 'utf8'));
}

const observation = (i: number, text: string) => ({
  id: `6f1c2a3b-4d5e-4f60-8a7b-${String(i).padStart(12, '0')}`,
  createdAt: '2026-11-26T09:00:00.000Z',
  updatedAt: '2026-11-26T09:00:00.000Z',
  kind: 'citation',
  // The record's text is trimmed by its schema: the text under test sits inside guillemets.
  text: `« ${text} »`,
  sourceTitle: text.slice(0, 500),
  tags: [],
  consent: 'obtenu',
  scope: 'interne',
});

/** Column `header` of the tab `sheetName`, raw values below the header, in row order. */
function column(model: WorkbookModel, sheetName: string, header: string): unknown[] {
  const sheet = model.sheets.find((s) => s.name === sheetName)!;
  const c = sheet.cells[0]!.findIndex((cell) => cell?.v === header);
  expect(c, `column « ${header} » of « ${sheetName} »`).toBeGreaterThanOrEqual(0);
  return sheet.cells.slice(1).map((row) => row?.[c]?.v ?? '');
}

/** What the file holds after one save, a reload, a second save and a reload. */
async function twiceSaved(path: string): Promise<WorkbookModel> {
  const once = await loadWorkbook(path);
  touch(once);
  await saveWorkbook(once, path);
  return loadWorkbook(path);
}

/** Writes `texts` through the collector and through the import into a copy of the set-up registry. */
async function writeThroughBoth(texts: readonly string[], header = 'Réponse libre'): Promise<{ path: string; collector: EndpointAnswer; importWarnings: string[] }> {
  const path = join(dir, `essai-${++runs}.xlsx`);
  copyFileSync(template, path);
  const registry = await LocalRegistry.open({ workbookPath: path, webAppUrl: 'http://127.0.0.1:1/exec' });
  const records = texts.map((t, i) => observation(i + 1, t));
  const collector = parseAnswer(await registry.doPost(JSON.stringify({ v: 1, op: 'putObservations', token, records }), 'text/plain'));
  // A NUL byte makes a file binary: refused as such (tested with the bad files), so it is not part of this one.
  const bytes = csv(header, texts.map((t) => t.replace(/\0/g, '')));
  const setup = (await registry.callOrThrow('getImportSetup', ['E1'])) as { mapping: unknown; questions: [] };
  const { prepared, mapping } = prepareAsSuggested(bytes, setup);
  const result = await runImport(prepared, { surveyId: 'E1', wave: '', fileName: 'libre.csv', fileHash: sha256BytesHex(bytes), mapping }, importServer((fn, arg) => registry.callOrThrow(fn, [arg])));
  expect(result).toMatchObject({ ok: true, inserted: texts.length });
  return { path, collector, importWarnings: inspectSurvey(bytes).warnings.map((w) => w.message) };
}

function expectBack(model: WorkbookModel, texts: readonly string[], header = 'Réponse libre'): void {
  expect(column(model, 'Observations', 'Texte')).toEqual(texts.map((t) => expected(`« ${t} »`)));
  expect(column(model, 'Observations', 'Titre de la page')).toEqual(texts.map((t) => expected(t)));
  // A blank answer is an empty cell.
  expect(column(model, 'Réponses E1', expected(header))).toEqual(texts.map((t) => (t.replace(/\0/g, '').trim() === '' ? '' : expected(t.replace(/\0/g, '')))));
}

beforeAll(async () => {
  const registry = await LocalRegistry.open({ workbookPath: template, webAppUrl: 'http://127.0.0.1:1/exec' });
  await registry.callOrThrow('configureRegistry', [{ lang: 'fr' }]);
  const code = (await registry.callOrThrow('getConnectionCode', [])) as { code: string };
  token = code.code.slice('repere1:'.length, code.code.indexOf('@'));
  // The survey's answers are free text, whatever they look like (as a person sets it in the preview).
  await registry.callOrThrow('saveImportMapping', ['E1', { corrections: { 'Réponse libre': { type: 'text' } } }]);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('text through the collector and the import, saved twice', () => {
  it('comes back as written: apostrophe, carriage return, « 45% » as text, `_xHHHH_` as typed, control characters', async () => {
    const { path, collector, importWarnings } = await writeThroughBoth(TRICKY);
    const back = await twiceSaved(path);
    expectBack(back, TRICKY);
    const answers = column(back, 'Réponses E1', 'Réponse libre');
    expect(answers[TRICKY.indexOf("'=1+1")]).toBe("'=1+1");
    expect(answers[TRICKY.indexOf('45%')]).toBe('45%');
    expect(answers[TRICKY.indexOf('retour\rchariot')]).toBe('retour\rchariot');
    // What no file can hold is reported where it came in.
    expect(collector.warnings).toEqual([expect.objectContaining({ id: observation(TRICKY.length, '').id, code: 'replaced_characters' })]);
    expect(importWarnings.join('\n')).toMatch(/remplacés par « � » \(ligne \d+, colonne « Réponse libre »\)/);
    expect(column(back, 'Journal', 'Détails').join('\n')).toContain('1 avec des caractères illisibles remplacés par « � ».');
  });

  it('keeps the hidden metadata whole when a survey header holds `_x0022_`', async () => {
    const header = 'Avis _x0022_ libre_x0041_';
    const { path } = await writeThroughBoth(['bien', 'pas mal'], header);
    const back = await twiceSaved(path);
    expect(column(back, 'Réponses E1', header)).toEqual(['bien', 'pas mal']);
    const registry = await LocalRegistry.open({ workbookPath: path, webAppUrl: 'http://127.0.0.1:1/exec' });
    const setup = (await registry.callOrThrow('getImportSetup', ['E1'])) as { mapping: { corrections: Record<string, unknown> } };
    expect(setup.mapping.corrections).toHaveProperty(['Réponse libre']);
    expect(back.metadata.some((m) => m.key === 'repere:question' && m.value === header)).toBe(true);
    const code = (await registry.callOrThrow('getConnectionCode', [])) as { code: string };
    expect(code.code).toContain(token);
  });

  it('property: any text (full Unicode, lone surrogates, `_xHHHH_`, controls, CR) comes back identical or with « � »', async () => {
    const hex4 = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16).padStart(4, '0'));
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\r', '\r\n', "'", '=', '%', '_', '_x', '\u007f', '\ufffe', '\uffff', ' '),
      fc.tuple(hex4, fc.boolean()).map(([h, upper]) => `_x${upper ? h.toUpperCase() : h}_`),
    );
    const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('').slice(0, 100));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 12 }), async (texts) => {
        const { path, collector } = await writeThroughBoth(texts);
        expectBack(await twiceSaved(path), texts);
        const replaced = texts.filter((t) => expected(t) !== t).length;
        expect(collector.warnings).toHaveLength(replaced);
        rmSync(path);
      }),
      { numRuns: 12 },
    );
  }, 180_000);

  it.skipIf(!existsSync('/usr/bin/soffice'))('gives a file LibreOffice opens and reads as written', async () => {
    const { path } = await writeThroughBoth(TRICKY);
    const out = join(dir, 'libreoffice');
    execFileSync('/usr/bin/soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', out, path], { timeout: 90_000, env: { ...process.env, HOME: dir } });
    const seen = await loadWorkbook(join(out, path.split('/').pop()!));
    // LibreOffice itself turns CR LF into LF, and does not decode `_x007F_` (DEL), which Excel and exceljs do.
    const asLibreOffice = (t: string) => expected(t).replace(/\r\n/g, '\n').replace(/\u007f/g, '_x007F_');
    expect(column(seen, 'Observations', 'Titre de la page')).toEqual(TRICKY.map(asLibreOffice));
    expect(column(seen, 'Réponses E1', 'Réponse libre')).toEqual(TRICKY.map((t) => asLibreOffice(t.replace(/\0/g, ''))));
  }, 120_000);
});
