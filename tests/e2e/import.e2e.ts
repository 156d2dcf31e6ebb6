// End to end: the survey import in the real sidebar on the local page, in Chromium: preview (source, questions),
// a corrected type remembered for the survey, an import with its counts, a blocking error that writes nothing, and
// an import interrupted after its first chunk (page reloaded) then resumed without duplicates.
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedChromium } from './harness/chromium';
import { openLocalPage } from './harness/local-page';
import { startLocalRepere, type LocalRepere } from './harness/local-repere';

const fixture = (name: string) => path.resolve('tests/fixtures/import', name);

describe('the survey import in the sidebar', () => {
  let registry: LocalRepere;
  let browser: LaunchedChromium;
  let page: Page;
  let sidebar: FrameLocator;
  let errors: string[];

  beforeAll(async () => {
    registry = await startLocalRepere();
    ({ browser, page, errors, sidebar } = await openLocalPage(registry));
  });

  afterAll(async () => {
    await browser?.close();
    await registry?.stop();
  });

  const result = () => sidebar.locator('#import-result').textContent();
  const sidebarFrame = () => page.frames().find((f) => f !== page.mainFrame())!;

  it('previews the file, takes a corrected type, imports and shows the counts', async () => {
    await sidebar.getByLabel('Enquête (identifiant)').fill('E1');
    await sidebar.locator('#survey-wave').fill('2026-T4');
    await sidebar.getByLabel('Fichier de réponses (CSV)').setInputFiles(fixture('octobre.csv'));
    await expect.poll(() => sidebar.locator('#import-summary').textContent()).toBe('octobre.csv : source google-forms, encodage utf-8, séparateur « , », 3 réponse(s), 7 question(s).');
    await expect.poll(() => sidebar.locator('#import-questions .q-label').allTextContents()).toContain('Votre âge');
    expect(await sidebar.getByLabel('Type de « Votre âge »').inputValue()).toBe('number');
    await sidebar.getByLabel('Type de « Votre âge »').selectOption('text');
    await expect.poll(() => sidebar.getByLabel('Type de « Votre âge »').inputValue()).toBe('text');
    await sidebar.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(result).toBe('octobre.csv : 3 réponse(s) lue(s) = 3 ajoutée(s) + 0 déjà présente(s) + 0 refusée(s).');
    const [header = [], ...rows] = await registry.readTab('responses');
    expect(rows.filter((r) => r[0] !== '')).toHaveLength(3);
    expect(rows.map((r) => r[header.indexOf('Un mot sur les visites ?')]).slice(0, 3)).toEqual(['Les visites me font du bien.', '=1+1', '+33 6 12 34 56 78']);
    expect(rows.map((r) => r[header.indexOf('Vague')]).slice(0, 3)).toEqual(['2026-T4', '2026-T4', '2026-T4']);
  });

  it('shows a blocking error (row, column, value, why) and writes nothing', async () => {
    await sidebar.getByLabel('Enquête (identifiant)').fill('E9');
    await sidebar.getByLabel('Fichier de réponses (CSV)').setInputFiles(fixture('erreur-bloquante.csv'));
    await expect.poll(() => sidebar.locator('#import-problems li.error').allTextContents()).toEqual([
      expect.stringContaining('Erreur (ligne 4, colonne « Nombre de visites par mois », valeur « quatre ») : « quatre » n’est pas un nombre.'),
    ]);
    await sidebar.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(result).toContain('rien n’a été importé');
    expect(await page.getByRole('tab').allTextContents()).not.toContain('Réponses E9');
  });

  it('resumes an import interrupted after its first chunk without duplicates, with the remembered correction', async () => {
    await sidebar.getByLabel('Enquête (identifiant)').fill('E1');
    await sidebar.getByLabel('Enquête (identifiant)').dispatchEvent('change');
    await sidebarFrame().evaluate(() => Object.assign(window, { __repereImportMaxChunkRows: 1, __repereImportStopAfterChunks: 1 }));
    await sidebar.getByLabel('Fichier de réponses (CSV)').setInputFiles(fixture('novembre.csv'));
    await expect.poll(() => sidebar.getByLabel('Type de « Votre âge »').inputValue()).toBe('text');
    await sidebar.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(result).toBe('Import interrompu après 1 réponse(s) sur 2.');

    await page.reload(); // the sidebar is closed mid-import
    sidebar = page.frameLocator('#sidebar');
    await sidebar.getByLabel('Enquête (identifiant)').fill('E1');
    await sidebar.getByLabel('Fichier de réponses (CSV)').setInputFiles(fixture('novembre.csv'));
    await expect.poll(() => sidebar.getByLabel('Type de « Votre âge »').inputValue()).toBe('text');
    await sidebar.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(result).toBe('novembre.csv : 5 réponse(s) lue(s) = 1 ajoutée(s) + 4 déjà présente(s) + 0 refusée(s). (import repris)');
    const [, ...rows] = await registry.readTab('responses');
    const ids = rows.map((r) => r[0]).filter((id) => id !== '');
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(errors).toEqual([]);
  });
});
