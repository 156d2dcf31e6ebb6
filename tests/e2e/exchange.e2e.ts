// End to end: the « Thèmes des observations » and « Échanges » panels of the real sidebar on the local page, in
// Chromium — a QualCoder codebook imported, observations re-tagged in bulk, the .qdc and a .qdpx for funders
// downloaded (only what usage allows), and the project's codings brought back.
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { useLocalPage } from './harness/local-page';
import { observationRecord } from '../observation-records';

/** February's observations, for funders unless a test says otherwise. */
const observation = (n: number, extra: Record<string, unknown>) =>
  observationRecord(n, { createdAt: '2026-02-10T09:00:00.000Z', updatedAt: '2026-02-10T09:00:00.000Z', text: `Je revois du monde depuis le groupe (${n})`, tags: [], scope: 'financeurs', ...extra });

describe('the « Thèmes » and « Échanges » panels', () => {
  const local = useLocalPage({
    setup: false,
    prepare: async (registry) => {
      await registry.call('configureRegistry', { lang: 'fr', template: 'aidants' });
      const token = registry.connectionCode.slice('repere1:'.length).split('@')[0];
      const records = [
        observation(1, { personId: 'P-1', text: 'Je me sens moins seule <img src=x onerror=alert(1)>' }),
        observation(2, { personId: 'P-2' }),
        observation(3, { personId: 'P-3', consent: null, scope: 'interne', text: 'Sans accord : ne doit pas sortir' }),
      ];
      const answer = await (await fetch(registry.execUrl, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ v: 1, op: 'putObservations', token, records }) })).json();
      expect(answer).toMatchObject({ ok: true, accepted: records.map((r) => r.id) });
    },
  });

  it('imports a QualCoder codebook as themes of the chosen outcome', async () => {
    await local.sidebar.locator('#exchange-section summary').click();
    await expect.poll(() => local.sidebar.locator('#x-outcome option').count()).toBe(5);
    await local.sidebar.getByLabel('Livre de codes (.qdc, ou CSV de Taguette)').setInputFiles('tests/fixtures/exchange/qualcoder-codebook.qdc');
    await expect.poll(() => local.sidebar.locator('#exchange-result').textContent()).toContain('ne correspondent à aucun changement visé');
    await local.sidebar.getByLabel('Rattacher les codes nouveaux de premier niveau au changement').selectOption('C3');
    await local.sidebar.getByLabel('Livre de codes (.qdc, ou CSV de Taguette)').setInputFiles('tests/fixtures/exchange/qualcoder-codebook.qdc');
    await expect.poll(() => local.sidebar.locator('#exchange-result').textContent()).toBe('Livre de codes « qualcoder-codebook.qdc » importé : 7 thèmes créés, 0 code déjà présent.');
    expect((await local.registry.readTab('themes')).map((r) => r[2])).toContain('Isolement › Se sentir moins seul');
  });

  it('re-tags the checked observations in one go, page text shown as text', async () => {
    await local.sidebar.locator('#themes-section summary').click();
    await expect.poll(() => local.sidebar.locator('#tag-observations li').count()).toBe(3);
    expect(await local.sidebar.locator('#tag-observations img').count()).toBe(0);
    await local.sidebar.getByLabel('Filtrer (texte, thème ou code personne)').fill('revois');
    await expect.poll(() => local.sidebar.locator('#tag-count').textContent()).toBe('1 observation affichée sur 3, 0 cochée.');
    await local.sidebar.getByLabel('Filtrer (texte, thème ou code personne)').fill('');
    await local.sidebar.getByRole('button', { name: 'Tout cocher' }).click();
    const themeId = String((await local.sidebar.locator('#tag-code option').allTextContents()).find((t) => t.includes('Se sentir moins seul'))).trim().split(' — ')[0]!;
    await local.sidebar.getByLabel('Thème', { exact: true }).selectOption(themeId);
    await local.sidebar.getByRole('button', { name: 'Ajouter aux cochées' }).click();
    await expect.poll(() => local.sidebar.locator('#tag-result').textContent()).toBe(`3 observations sur 3 réétiquetées (ajout de ${themeId}).`);
    const observations = await local.registry.readTab('observations');
    const tags = observations[0]!.indexOf('Thèmes');
    expect(observations.slice(1).map((r) => r[tags])).toEqual([themeId, themeId, themeId]);
  });

  it('downloads the .qdc and a .qdpx for funders that holds only what their usage allows', async () => {
    await local.sidebar.locator('#exchange-section summary').scrollIntoViewIfNeeded();
    const [qdc] = await Promise.all([local.page.waitForEvent('download'), local.sidebar.getByRole('button', { name: 'Livre de codes (.qdc)' }).click()]);
    expect(qdc.suggestedFilename()).toMatch(/^livre-de-codes-.*\.qdc$/);
    expect(readFileSync((await qdc.path())!, 'utf8')).toContain('name="Isolement › Se sentir moins seul"');
    await local.sidebar.getByLabel('Projet codé (.qdpx) pour').selectOption('funders');
    const [qdpx] = await Promise.all([local.page.waitForEvent('download'), local.sidebar.getByRole('button', { name: 'Projet codé (.qdpx)' }).click()]);
    const files = unzipSync(new Uint8Array(readFileSync((await qdpx.path())!)));
    const project = strFromU8(files['project.qde']!);
    expect(Object.keys(files).filter((n) => n.startsWith('sources/'))).toHaveLength(2);
    expect(project).not.toContain('Sans accord');
    await expect.poll(() => local.sidebar.locator('#exchange-result').textContent()).toBe('Projet REFI-QDA : 2 observations dont l’usage le permet, 1 laissée de côté (consentement ou usage). Le fichier est prêt.');

    // The evaluator's tool sends it back; the registry lost the tags meanwhile: « Importer » brings them back.
    await local.registry.call('retagObservations', { ids: ['6f1c2a3b-4d5e-4f60-8a7b-000000000001', '6f1c2a3b-4d5e-4f60-8a7b-000000000002'], remove: ['Isolement › Se sentir moins seul'] });
    await local.sidebar.getByLabel('Codages d’un projet (.qdpx) codé dans un autre logiciel').setInputFiles({ name: qdpx.suggestedFilename(), mimeType: 'application/zip', buffer: readFileSync((await qdpx.path())!) });
    await expect.poll(() => local.sidebar.locator('#exchange-result').textContent()).toMatch(/^Codages du projet « .*\.qdpx » \(Repère\) : 2 codages rapportés sur 2 observations, 0 déjà présent\.$/);
    expect(local.errors).toEqual([]);
  });
});
