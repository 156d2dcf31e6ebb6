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
    expect(result.summary).toMatch(/^14 indicateurs calculés sur 56 réponses/);
    const overall = (code: string, period: string) => result.values.find((r) => r.indicator === code && r.period === period && r.segment === '')!;
    const i3 = overall('I3', 'T0');
    // 30 carers answered at T0; for one of them someone else answered: left aside by this self-report indicator.
    expect([i3.n, Math.round(i3.value! * 10) / 10]).toEqual([29, 72.4]);
    expect(i3.low).toBeLessThan(i3.value!);
    expect(i3.high).toBeGreaterThan(i3.value!);
    expect(i3.methodText).toMatch(/^21 aidants sur 29 \(72 %\) ont répondu « Une ou deux fois »/);
    expect(i3.flags.find((f) => f.code === 'proxy_excluded')).toMatchObject({ level: 'alerte', message: expect.stringMatching(/^1 réponse sur 30 donnée par un proche, laissée de côté/) });
    const change = overall('I12', 'T1');
    expect(change.methodText).toMatch(/^Sur 24 aidants ayant répondu à T0 et à T1/);
    expect(change.methodText).toContain('Laissés de côté : 1 réponse par un proche à T0, 4 sans réponse à T1, 1 réponse par un proche à T1.');
    expect(change.flags.map((f) => f.code)).toContain('attrition');
    // « Qui remplit ce questionnaire ? » takes the framework's own answers: every one is recognised, and the carers
    // answering for themselves (« L'aidant(e) lui-même ou elle-même ») are never taken for proxies.
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
    // Sources: outcomes, indicators, surveys, questions, values and the survey's responses tab (Observations and
    // Thèmes are empty, so there is nothing to read there); and the header row of each of the eleven tabs used, which
    // says their columns are where the first computation found them.
    expect(calls['Range.getValues']).toBe(6 + 11);
    // Where the columns are is not read again from the metadata: every call of the computation, at most 100 (a tab's
    // name is asked for only when a problem names it).
    expect(calls['DeveloperMetadata.getLocation'] ?? 0).toBe(0);
    expect(registry.services.calls.total()).toBeLessThanOrEqual(100);
    // Outputs: Valeurs (one run of computed rows), the dashboard, the checks, the charts tab, the Journal line.
    expect(calls['Range.setValues']).toBe(5);
  });

  it('writes the figure’s detail to « Valeurs » in its own columns: k, sd, p, and the test named in the notes', async () => {
    const registry = await aidantsWithTwoWaves();
    registry.run('computeRegistry');
    const written = valuesTab(registry);
    const i3 = written.find((r) => r['Indicateur'] === 'I3' && r['Période'] === 'T0' && r['Groupe'] === '')!;
    expect([i3['n'], i3['Effectif concerné'], i3['Test et intervalle']]).toEqual([29, 21, 'intervalle : Wilson']);
    const i12 = written.find((r) => r['Indicateur'] === 'I12' && r['Groupe'] === '')!;
    expect(i12['Écart-type']).toBeGreaterThan(0);
    expect(i12['p']).toBeLessThan(0.001);
    expect(i12['Test et intervalle']).toBe('intervalle : t de Student ; test de Wilcoxon (rangs signés), exact : p < 0,001');
    expect(String(i12['Calcul'])).not.toMatch(/Wilcoxon|Student/);
  });

  it('writes the checks of each wave to « Contrôles », answer sheets to review named by the person’s code', async () => {
    const registry = await aidantsWithTwoWaves();
    const result = registry.run('computeRegistry') as unknown as { surveyChecks: Array<{ wave: string }>; personFlags: Array<{ who: string }> };
    const [header = [], ...lines] = registry.tab('checks');
    const at = (name: string) => header.indexOf(name);
    const perWave = lines.filter((l) => l[at('Questionnaire')] === '');
    expect(new Set(perWave.map((l) => l[at('Vague')]))).toEqual(new Set(['T0', 'T1']));
    expect(perWave.map((l) => l[at('Contrôle')])).toEqual(expect.arrayContaining(['taux de réponse', 'perdus de vue', 'contrôle impossible']));
    expect(perWave.find((l) => l[at('Contrôle')] === 'perdus de vue')![at('Détail')]).toBe('4 personnes sur 30 vues à T0 sans réponse à T1 (13 %).');
    const toReview = lines.filter((l) => l[at('Niveau')] === 'à revoir');
    expect(toReview.map((l) => l[at('Questionnaire')])).toEqual(result.personFlags.map((f) => f.who));
    expect(toReview.every((l) => /^personne A\d{3}$/.test(String(l[at('Questionnaire')])))).toBe(true);
  });

  it('finds the columns again when people move, insert or rename them between two computations', async () => {
    const registry = await aidantsWithTwoWaves();
    registry.run('computeRegistry');
    const expected = valuesTab(registry).filter((r) => r['Origine'] === 'calculé');
    const ss = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet();
    // « Valeurs »: the value column moved to the far left, a column of notes inserted, the n column renamed.
    const values = ss.getSheetByName('Valeurs')!;
    const header = values.getRange(1, 1, 1, values.getLastColumn()).getValues()[0]!;
    values.moveColumns(values.getRange(1, header.indexOf('Valeur') + 1, values.getMaxRows(), 1), 1);
    values.insertColumnBefore(3);
    values.getRange(1, 3).setValue('Mes notes');
    values.getRange(2, 3).setValue('à relire');
    const n = values.getRange(1, 1, 1, values.getLastColumn()).getValues()[0]!.indexOf('n') + 1;
    values.getRange(1, n).setValue('Effectif');
    // The responses tab: a question column moved first.
    const responses = ss.getSheetByName('Réponses E1')!;
    const labels = responses.getRange(1, 1, 1, responses.getLastColumn()).getValues()[0]!;
    responses.moveColumns(responses.getRange(1, labels.indexOf('Je me suis senti(e) calme et tranquille') + 1, responses.getMaxRows(), 1), 1);
    registry.run('computeRegistry');
    const again = valuesTab(registry).filter((r) => r['Origine'] === 'calculé');
    const figures = (rows: Array<Record<string, unknown>>) => rows.map((r) => [r['Indicateur'], r['Période'], r['Groupe'], r['Valeur'], r['n'] ?? r['Effectif']]);
    expect(figures(again)).toEqual(figures(expected));
    expect(values.getRange(2, 3).getValue()).toBe('à relire');
  });

  it('rebuilds the dashboard: one line per indicator, grouped by outcome, with status colours', async () => {
    const registry = await aidantsWithTwoWaves();
    registry.run('computeRegistry');
    const [header = [], ...lines] = registry.tab('dashboard');
    expect(lines).toHaveLength(14);
    const i3 = lines.find((l) => String(l[header.indexOf('Indicateur')]).startsWith('I3 —'))!;
    const cell = (name: string) => i3[header.indexOf(name)];
    expect([cell('Période'), cell('Valeur'), cell('Intervalle (IC 95 %)'), cell('n'), cell('Tendance')]).toEqual(['T1', '91,7 %', '74 – 98 %', 24, '↗']);
    const i4 = lines.find((l) => String(l[header.indexOf('Indicateur')]).startsWith('I4 —'))!;
    expect([i4[header.indexOf('Valeur')], i4[header.indexOf('Intervalle (IC 95 %)')]]).toEqual(['19,5 h', '13 – 23 h']);
    const i12 = lines.find((l) => String(l[header.indexOf('Indicateur')]).startsWith('I12 —'))!;
    expect([i12[header.indexOf('Valeur')], i12[header.indexOf('Intervalle (IC 95 %)')]]).toEqual(['+21,3 points', '17,5 – 25,2 points']);
    const sheet = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tableau de bord')!;
    expect(sheet.getConditionalFormatRules().length).toBeGreaterThanOrEqual(5);
  });
});
