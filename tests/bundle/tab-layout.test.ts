// The tabs Repère writes read well in Sheets too (and so in the .xlsx, which keeps the widths): after set-up and a
// computation, columns are as wide as what they hold — prose wide and wrapped, dates whole, with a date format —
// set with one call per run of equal widths and again only when they change; the header row stays frozen; columns
// people added keep their width.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import { importServer, prepareAsSuggested, runImport } from '../../shared/survey/mapping-run';
import type { SheetModel } from '../../apps-script/local/emulator/model';
import { numberFormatAt, wrapAt } from '../../apps-script/local/emulator/model';
import { testRegistry, type TestRegistry } from './runtime';

function sheetOf(registry: TestRegistry, key: string): SheetModel {
  const meta = registry.model.metadata.find((m) => m.key === 'repere:tab' && m.value === key && m.location.type === 'SHEET')!;
  return registry.model.sheets.find((s) => meta.location.type === 'SHEET' && s.sheetId === meta.location.sheetId)!;
}

const columnOf = (sheet: SheetModel, header: string) => sheet.cells[0]!.findIndex((cell) => cell?.v === header) + 1;

describe('the layout of the tabs Repère writes', () => {
  it('fits widths to content at set-up and at each computation, in few calls', async () => {
    const registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    const approach = sheetOf(registry, 'approach');
    // A rubric then its text: the text takes what is left of an upright page.
    expect(approach.colWidths[columnOf(approach, 'Contenu')]).toBeGreaterThanOrEqual(400);
    expect(approach.frozenRows).toBe(1);
    const journal = sheetOf(registry, 'journal');
    expect(journal.colWidths[columnOf(journal, 'Détails')]).toBeGreaterThanOrEqual(320);
    expect(numberFormatAt(journal, 2, columnOf(journal, 'Quand'))).toBe('dd/mm/yyyy hh:mm');

    for (const wave of ['t0', 't1']) {
      const bytes = new Uint8Array(readFileSync(`tests/fixtures/demo/aidants-${wave}-google-forms.csv`));
      const { prepared, mapping } = prepareAsSuggested(bytes, registry.run('getImportSetup', 'E1'));
      await runImport(prepared, { surveyId: 'E1', wave: wave.toUpperCase(), fileName: `${wave}.csv`, fileHash: sha256BytesHex(bytes), mapping }, importServer(registry.importCall));
    }
    const values = sheetOf(registry, 'values');
    // A column people added to « Valeurs », with a width of their own.
    values.cells[0]![24] = { v: 'Mes remarques' };
    values.colWidths[25] = 77;
    registry.services.calls.reset();
    registry.run('computeRegistry');
    const widthCalls = registry.services.calls.get('Sheet.setColumnWidths');
    expect(widthCalls).toBeGreaterThan(0);
    expect(widthCalls).toBeLessThan(50);
    expect(values.colWidths[columnOf(values, 'Calcul')]).toBe(320);
    expect(values.colWidths[columnOf(values, 'Calculé le')]).toBeGreaterThanOrEqual(120);
    expect(values.colWidths[columnOf(values, 'n')]).toBeLessThan(80);
    expect(values.colWidths[25]).toBe(77);
    const dashboard = sheetOf(registry, 'dashboard');
    expect(wrapAt(dashboard, 2, columnOf(dashboard, 'Point d’attention'))).toBe(true);
    // Figures of the same length the next time: no width is set again.
    registry.services.calls.reset();
    registry.run('computeRegistry');
    expect(registry.services.calls.get('Sheet.setColumnWidths')).toBe(0);
    const responses = sheetOf(registry, 'responses');
    expect(responses.colWidths[columnOf(responses, 'Importée le')]).toBeGreaterThanOrEqual(120);
  });
});
