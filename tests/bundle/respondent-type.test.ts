// Who answered, through the built bundle: the « bien-vieillir » framework fed with two waves of a Google Forms export
// (generated from the framework's own questions) in either order. The « Qui répond à ce questionnaire ? » column is
// paradata at every wave — one respondent-type column, never a second one mapped as a question — so a breakdown by
// respondent type is the same whatever the order of imports, and no wave collapses into « non renseigné ».
import { describe, expect, it } from 'vitest';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import { importServer, prepareAsSuggested, runImport } from '../../shared/survey/mapping-run';
import bienVieillir from '../../shared/templates/bien-vieillir.json';
import { testRegistry, type TestRegistry } from './runtime';

// The person's code is the export's « Code personne » column, as the framework's own code question would be.
const questions = bienVieillir.surveys[0]!.questions.filter((q) => q.type !== 'text' && q.type !== 'date' && q.type !== 'identifier');

/** A Google Forms export of wave T0 or T1: 18 people, each answering themself, helped, or through a relative. */
function exportOf(wave: 'T0' | 'T1'): Uint8Array {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [['Horodateur', 'Code personne', ...questions.map((q) => q.label.fr)]];
  for (let p = 0; p < 18; p++) {
    const answers = questions.map((q, j) => {
      const waves = (q as { waves?: string[] }).waves;
      if (waves && !waves.includes(wave)) return '';
      const levels = q.levels!.fr;
      if (q.key === 'type_repondant') return levels[p % 3]!;
      return levels[(p + j + (wave === 'T1' ? 1 : 0)) % levels.length]!;
    });
    lines.push([`${String(1 + p).padStart(2, '0')}/${wave === 'T0' ? '03' : '09'}/2026 10:00:00`, `P${String(p + 1).padStart(3, '0')}`, ...answers]);
  }
  return new TextEncoder().encode(lines.map((l) => l.map(quote).join(',')).join('\r\n') + '\r\n');
}

async function importWave(registry: TestRegistry, wave: 'T0' | 'T1'): Promise<void> {
  const bytes = exportOf(wave);
  const { prepared, mapping } = prepareAsSuggested(bytes, registry.run('getImportSetup', 'E1'));
  const result = await runImport(prepared, { surveyId: 'E1', wave, fileName: `bien-vieillir-${wave}.csv`, fileHash: sha256BytesHex(bytes), mapping }, importServer(registry.importCall));
  expect(result).toMatchObject({ ok: true, rejected: 0 });
}

async function registryWith(order: Array<'T0' | 'T1'>): Promise<TestRegistry> {
  const registry = testRegistry();
  registry.run('configureRegistry', { lang: 'fr', template: 'bien-vieillir' });
  for (const wave of order) await importWave(registry, wave);
  return registry;
}

type Row = { indicator: string; period: string; segment: string; value: number | null; n: number | null };

function breakdown(registry: TestRegistry, code: string): Array<[string, string, number | null, number | null]> {
  const { values } = registry.run('computeRegistry') as unknown as { values: Row[] };
  return values.filter((r) => r.indicator === code && r.segment !== '').map((r) => [r.period, r.segment, r.n, r.value]);
}

function responseHeader(registry: TestRegistry): string[] {
  const sheet = registry.model.sheets.find((s) => s.name.startsWith('Réponses'))!;
  const live = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet.name)!;
  return live.getRange(1, 1, 1, live.getLastColumn()).getValues()[0]!.map(String);
}

describe('the respondent type across two waves', () => {
  it('stays one column with one meaning, and the breakdown is the same whatever the order of imports', async () => {
    const forward = await registryWith(['T0', 'T1']);
    const backward = await registryWith(['T1', 'T0']);
    for (const registry of [forward, backward]) {
      const header = responseHeader(registry);
      // The paradatum, and the answer as given (kept, as every column of the file is): never a second copy.
      expect(header.filter((h) => /qui répond|type de répondant/i.test(h)).sort()).toEqual(['Qui répond à ce questionnaire ?', 'Type de répondant']);
    }
    const rows = breakdown(forward, 'I7');
    expect(rows.map((r) => r[1])).not.toContainEqual(expect.stringContaining('non renseigné'));
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['type de répondant = lui-même', 'type de répondant = aidé', 'type de répondant = pour autrui']));
    expect(rows.filter((r) => r[0] === 'T0').map((r) => r[2])).toEqual([6, 6, 6]);
    expect(breakdown(backward, 'I7')).toEqual(rows);
  });

  it('reads a breakdown that names the respondent-type question (registries set up before) from that same column', async () => {
    const registry = await registryWith(['T0', 'T1']);
    const expected = breakdown(registry, 'I7');
    const ss = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Indicateurs')!;
    const values = sheet.getDataRange().getValues();
    const column = values[0]!.indexOf('Ventilation') + 1;
    const row = values.findIndex((r) => r[0] === 'I7') + 1;
    sheet.getRange(row, column).setValue('type_repondant');
    expect(breakdown(registry, 'I7')).toEqual(expected);
  });
});
