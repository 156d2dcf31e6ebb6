// The local page edits the workbook by position (tab, row, column) from what it showed. When another program changed
// the file meanwhile — the workbook saved in LibreOffice with a row inserted, lines sorted — the same position may
// hold another record: the edit is refused rather than written into it, and the page shows the file as it is now.
// The person's own edits, one cell after another in a row, are never refused for that.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRegistry } from '../../apps-script/local/registry-host';
import { loadWorkbook, saveWorkbook } from '../../apps-script/local/workbook-file';

const dir = mkdtempSync(join(tmpdir(), 'repere-page-moved-'));
const workbook = join(dir, 'registre.xlsx');
let registry: LocalRegistry;

beforeAll(async () => {
  registry = await LocalRegistry.open({ workbookPath: workbook, webAppUrl: 'http://127.0.0.1:8787/exec', command: 'repere start' });
  await registry.callOrThrow('configureRegistry', [{ lang: 'fr', template: 'aidants' }]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The « Indicateurs » tab as the page shows it, with the version it comes from. */
async function pageView() {
  await registry.refresh();
  const view = await registry.workbookView();
  const sheet = view.sheets.find((s) => s.name === 'Indicateurs')!;
  return { version: view.version, sheetId: sheet.sheetId, rows: sheet.rows, column: (header: string) => sheet.rows[0]!.indexOf(header) + 1 };
}

/** Another program saves the workbook with a line inserted above the indicators. */
async function insertLineElsewhere(): Promise<void> {
  const model = await loadWorkbook(workbook);
  const sheet = model.sheets.find((s) => s.name === 'Indicateurs')!;
  sheet.cells.splice(1, 0, [{ v: 'I0' }, { v: 'Indicateur ajouté dans LibreOffice' }]);
  sheet.maxRows++;
  await saveWorkbook(model, workbook);
}

describe('an edit from the local page after the file changed elsewhere', () => {
  it('is refused when its row now holds another record, and written when the row is as the page showed it', async () => {
    const page = await pageView();
    const unit = page.column('Unité');
    const seen = { version: page.version, shown: page.rows[2]! }; // row 3: I2, « heures »
    expect(seen.shown.slice(0, 2)).toEqual(['I2', 'Heures de répit délivrées']);
    await insertLineElsewhere();

    // Row 3 now holds I1: the unit meant for I2 is not written into it.
    expect(await registry.editCell({ sheetId: page.sheetId, row: 3, column: unit, value: 'heures par mois' }, seen)).toEqual({
      ok: false,
      error: 'La ligne 3 de « Indicateurs » a changé depuis que la page l’a affichée (le classeur a été modifié ailleurs) : rien n’a été enregistré. La page est à jour : recommencez.',
    });
    const now = await pageView();
    expect(now.rows.slice(1, 4).map((row) => [row[0], row[unit - 1] ?? ''])).toEqual([
      ['I0', ''],
      ['I1', 'personnes'],
      ['I2', 'heures'],
    ]);

    // From the page as it is now: written, and the next cell of the same row right after, from that same view.
    const again = { version: now.version, shown: now.rows[3]! };
    expect(await registry.editCell({ sheetId: now.sheetId, row: 4, column: unit, value: 'heures par mois' }, again)).toMatchObject({ ok: true });
    expect(await registry.editCell({ sheetId: now.sheetId, row: 4, column: unit + 1, value: 'baisse' }, again)).toMatchObject({ ok: true });
    expect((await pageView()).rows[3]!.slice(unit - 1, unit + 1)).toEqual(['heures par mois', 'baisse']);
  });

  it('deletes a row only if it is the one the page showed', async () => {
    const page = await pageView();
    const seen = { version: page.version, shown: page.rows[4]! };
    await insertLineElsewhere();
    const before = (await pageView()).rows.map((row) => row[0]);
    expect(await registry.changeRows({ sheetId: page.sheetId, action: 'delete', row: 5 }, seen)).toMatchObject({ ok: false, error: expect.stringContaining('La ligne 5 de « Indicateurs » a changé') });
    expect((await pageView()).rows.map((row) => row[0])).toEqual(before);
  });
});
