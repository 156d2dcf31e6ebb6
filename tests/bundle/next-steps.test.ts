// After each step the registry says what comes next — set up, describe the approach, bring in data, compute, report —
// from what the registry holds, whoever took the step; a new import makes the computation the next step again; the
// sidebar's state carries the starting framework the registry was set up with.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import { importServer, prepareAsSuggested, runImport } from '../../shared/survey/mapping-run';
import { testRegistry, type TestRegistry } from './runtime';

async function importWave(registry: TestRegistry, wave: 't0' | 't1'): Promise<void> {
  const bytes = new Uint8Array(readFileSync(`tests/fixtures/demo/aidants-${wave}-google-forms.csv`));
  const { prepared, mapping } = prepareAsSuggested(bytes, registry.run('getImportSetup', 'E1'));
  expect(await runImport(prepared, { surveyId: 'E1', wave: wave.toUpperCase(), fileName: `${wave}.csv`, fileHash: sha256BytesHex(bytes), mapping }, importServer(registry.importCall))).toMatchObject({ ok: true });
}

describe('the next step', () => {
  it('follows the evaluation from set-up to the report', async () => {
    const registry = testRegistry();
    const next = () => registry.run('getNextSteps');
    expect(next()).toMatchObject({ current: 'setup', reminder: '' });
    expect(next().steps.map((s) => s.label)).toEqual(['Configurer le registre', 'Décrire la démarche', 'Importer des réponses', 'Calculer les indicateurs', 'Lire et partager les résultats']);

    registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    // The framework's « [À adapter] » question is not a description yet.
    expect(next()).toMatchObject({ current: 'approach', hint: expect.stringContaining('« [À adapter] »') });
    expect(registry.run('getSidebarState')).toMatchObject({ template: 'aidants', nextSteps: { current: 'approach' } });

    registry.run('saveApproach', { question: 'Les aidants prennent-ils du temps pour eux ?' });
    expect(next().current).toBe('data');
    await importWave(registry, 't0');
    expect(next()).toMatchObject({ current: 'compute', hint: expect.stringContaining('« Calculer les indicateurs »') });
    registry.run('computeRegistry');
    expect(next()).toMatchObject({ current: 'report', reminder: '' });
    expect(next().steps.filter((s) => s.done).map((s) => s.id)).toEqual(['setup', 'approach', 'data', 'compute']);
    expect(next().hint).toContain('« Rapports »');
    // A document made from these figures: the last step is done too.
    expect(registry.run('generateReportFile', { document: 'rapport', audience: 'funders' })).toMatchObject({ ok: true });
    expect(next().steps.every((s) => s.done)).toBe(true);
    // New answers since the last computation: computing is next again, and the report after it.
    await importWave(registry, 't1');
    expect(next().current).toBe('compute');
    expect(next().steps.find((s) => s.id === 'report')!.done).toBe(false);
  });

  it('recalls a step left behind, and finds the framework of a registry set up before it was remembered', async () => {
    const registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    await importWave(registry, 't0');
    registry.run('computeRegistry');
    expect(registry.run('getNextSteps')).toMatchObject({ current: 'report', reminder: 'Reste aussi à faire : « Décrire la démarche ».' });
    delete registry.model.properties.document['repere.template'];
    expect(registry.run('getSidebarState').template).toBe('aidants');
  });
});
