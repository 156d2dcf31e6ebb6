// The computation through the built bundle, on the « aidants » framework fed with two waves of a Google Forms export
// (tests/fixtures/demo, made by make-aidants.py): values with n and intervals, before/after pairs, manual rows kept,
// each source tab read once and each output tab written once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import { importServer, prepareAsSuggested, runImport } from '../../shared/survey/mapping-run';
import { testRegistry, type TestRegistry } from './runtime';

/** What `repere import` does: the saved mapping completed by suggestions, then the transaction. */
async function importWave(registry: TestRegistry, wave: 'T0' | 'T1'): Promise<void> {
  const bytes = new Uint8Array(readFileSync(`tests/fixtures/demo/aidants-${wave.toLowerCase()}-google-forms.csv`));
  const { prepared, mapping } = prepareAsSuggested(bytes, registry.run('getImportSetup', 'E1'));
  const result = await runImport(prepared, { surveyId: 'E1', wave, fileName: `aidants-${wave}.csv`, fileHash: sha256BytesHex(bytes), mapping }, importServer(registry.importCall));
  expect(result).toMatchObject({ ok: true, rejected: 0 });
}

async function aidantsWithTwoWaves(): Promise<TestRegistry> {
  const registry = testRegistry();
  registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
  await importWave(registry, 'T0');
  await importWave(registry, 'T1');
  return registry;
}

type Row = { indicator: string; period: string; segment: string; value: number | null; n: number | null; low: number | null; high: number | null; methodText: string; flags: Array<{ code: string }> };

function valuesTab(registry: TestRegistry): Array<Record<string, unknown>> {
  const [header = [], ...rows] = registry.tab('values');
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

describe('computing the indicators of a registry', () => {
  it('computes each indicator per wave with n, a Wilson interval and its sentence, and pairs people across waves', async () => {
    const registry = await aidantsWithTwoWaves();
    const result = registry.run('computeRegistry') as { ok: true; values: Row[]; summary: string };
    expect(result.summary).toMatch(/^14 indicateur\(s\) calculé\(s\) sur 56 réponse\(s\)/);
    const overall = (code: string, period: string) => result.values.find((r) => r.indicator === code && r.period === period && r.segment === '')!;
    const i3 = overall('I3', 'T0');
    expect([i3.n, Math.round(i3.value! * 10) / 10]).toEqual([30, 73.3]);
    expect(i3.low).toBeLessThan(i3.value!);
    expect(i3.high).toBeGreaterThan(i3.value!);
    expect(i3.methodText).toMatch(/^22 aidants sur 30 \(73 %\) ont répondu/);
    const change = overall('I12', 'T1');
    expect(change.methodText).toMatch(/^Sur 26 aidants ayant répondu à T0 et à T1/);
    expect(change.flags.map((f) => f.code)).toContain('attrition');
    // Respondent types were mapped from « Qui remplit ce questionnaire ? »: none is unknown.
    expect(result.values.flatMap((r) => r.flags.map((f) => f.code))).not.toContain('respondent_type_unknown');
    const written = valuesTab(registry);
    expect(written.filter((r) => r['Origine'] === 'calculé')).toHaveLength(result.values.filter((r) => r.n !== null || r.value !== null || r.flags.length > 0).length);
  });

  it('replaces its computed rows on each run and never touches the values people entered', async () => {
    const registry = await aidantsWithTwoWaves();
    registry.run('addManualValue', { indicator: 'I2', period: '2026', value: 480 });
    registry.run('computeRegistry');
    const first = valuesTab(registry);
    const manualRow = first.findIndex((r) => r['Origine'] === 'saisi');
    registry.run('addManualValue', { indicator: 'I1', period: '2026', value: 41 });
    registry.run('computeRegistry');
    const second = valuesTab(registry);
    expect(second[manualRow]).toEqual(first[manualRow]);
    expect(second.filter((r) => r['Origine'] === 'saisi').map((r) => [r['Indicateur'], r['Valeur']])).toEqual([['I2', 480], ['I1', 41]]);
    expect(second.filter((r) => r['Origine'] === 'calculé')).toHaveLength(first.filter((r) => r['Origine'] === 'calculé').length);
  });

  it('reads each source tab once and writes each output tab once', async () => {
    const registry = await aidantsWithTwoWaves();
    registry.run('computeRegistry');
    registry.services.calls.reset();
    registry.run('computeRegistry');
    const calls = registry.services.calls.snapshot();
    // Sources: outcomes, indicators, surveys, questions, values and the survey's responses tab (Observations is empty,
    // so there is nothing to read there).
    expect(calls['Range.getValues']).toBe(6);
    // Outputs: Valeurs (one run of computed rows), the dashboard, the charts tab, the Journal line.
    expect(calls['Range.setValues']).toBe(4);
  });

  it('rebuilds the dashboard: one line per indicator, grouped by outcome, with status colours', async () => {
    const registry = await aidantsWithTwoWaves();
    registry.run('computeRegistry');
    const [header = [], ...lines] = registry.tab('dashboard');
    expect(lines).toHaveLength(14);
    const i3 = lines.find((l) => String(l[header.indexOf('Indicateur')]).startsWith('I3 —'))!;
    expect([i3[header.indexOf('Période')], i3[header.indexOf('Tendance')], i3[header.indexOf('n')]]).toEqual(['T1', '↗', 26]);
    const sheet = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tableau de bord')!;
    expect(sheet.getConditionalFormatRules().length).toBeGreaterThanOrEqual(5);
  });
});
