// End to end: each part of the side panel as a person uses it, with no registry (the extension is local-first): the
// pseudonymisation review, the themes, the list with search, edit and delete, export and re-import without duplicates.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_EXTENSION_DIR, launchChromium, type LaunchedChromium } from './harness/chromium';

describe('the side panel, part by part', () => {
  let browser: LaunchedChromium;
  let panel: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium({ extensionDir: DEFAULT_EXTENSION_DIR });
    panel = await browser.context.newPage();
    panel.on('pageerror', (error) => pageErrors.push(error.message));
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const status = () => panel.getByRole('status').textContent();
  const save = () => panel.getByRole('button', { name: 'Enregistrer', exact: true }).click();

  async function download(button: string): Promise<string> {
    const [file] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: button }).click()]);
    return readFileSync((await file.path())!, 'utf8');
  }

  it('opens on a free note of type « Observation », as after each save (only a captured quote is a « Citation »)', async () => {
    expect(await panel.getByLabel('Type').inputValue()).toBe('observation');
  });

  it('lets a person keep one value the pseudonymisation would replace, and shows what will leave', async () => {
    await panel.getByLabel('Texte').fill('Appeler claire.martin@example.org au 06 12 34 56 78 jeudi.');
    const found = panel.locator('#pseudo-list li');
    await expect.poll(() => found.count()).toBe(2);
    expect(await panel.locator('#preview').textContent()).not.toContain('claire.martin@example.org');

    const phone = found.filter({ hasText: '06 12 34 56 78' });
    await phone.getByRole('button', { name: 'Garder l’original' }).click();
    expect(await phone.getByRole('button', { name: 'Remplacer' }).getAttribute('aria-pressed')).toBe('true');
    expect(await panel.locator('#preview mark.kept').textContent()).toBe('06 12 34 56 78');
    expect(await panel.locator('#preview').textContent()).not.toContain('claire.martin@example.org');
  });

  it('adds themes with Entrée or the button and removes one with its ×', async () => {
    await panel.getByLabel('Thèmes').fill('Lien social');
    await panel.getByLabel('Thèmes').press('Enter');
    await panel.getByLabel('Thèmes').fill('Répit');
    await panel.getByRole('button', { name: 'Ajouter le thème' }).click();
    await panel.getByLabel('Thèmes').fill('Transport');
    await panel.getByLabel('Thèmes').press('Enter');
    await panel.getByRole('button', { name: 'Retirer le thème Répit' }).click();
    expect(await panel.locator('#tag-list li span').allTextContents()).toEqual(['Lien social', 'Transport']);
  });

  it('saves the reviewed text, then finds it in the list by a word of its text or theme', async () => {
    await panel.getByLabel('Consentement').selectOption('non requis');
    await save();
    await expect.poll(status).toContain('Observation enregistrée sur cet appareil.');
    await expect.poll(() => panel.locator('#records li').count()).toBe(1);
    const record = await panel.locator('#records li').first().textContent();
    expect(record).toContain('06 12 34 56 78');
    expect(record).not.toContain('claire.martin@example.org');
    expect(record).toContain('Lien social, Transport');

    await panel.getByLabel('Texte').fill('Deuxième note, sans personne nommée.');
    await panel.getByLabel('Consentement').selectOption('non requis');
    await save();
    await expect.poll(() => panel.locator('#records li').count()).toBe(2);

    await panel.getByLabel('Rechercher').fill('transport');
    await expect.poll(() => panel.locator('#records li').count()).toBe(1);
    expect(await panel.locator('#count').textContent()).toBe('1 sur 2');
    await panel.getByLabel('Rechercher').fill('');
    await expect.poll(() => panel.locator('#records li').count()).toBe(2);
  });

  it('opens a record in the form to edit it, and « Annuler la modification » leaves it as it was', async () => {
    const second = panel.locator('#records li').filter({ hasText: 'Deuxième note' });
    await second.getByRole('button', { name: 'Modifier' }).click();
    expect(await panel.locator('#form-heading').textContent()).toBe('Modifier l’observation');
    expect(await panel.getByLabel('Texte').inputValue()).toBe('Deuxième note, sans personne nommée.');
    await panel.getByLabel('Texte').fill('Texte abandonné');
    await panel.getByRole('button', { name: 'Annuler la modification' }).click();
    expect(await panel.locator('#form-heading').textContent()).toBe('Nouvelle observation');
    expect(await panel.getByLabel('Texte').inputValue()).toBe('');
    expect(await panel.locator('#records').textContent()).not.toContain('Texte abandonné');
  });

  it('exports CSV and JSON, deletes only after confirmation, and re-imports the JSON without duplicates', async () => {
    const csv = await download('Exporter en CSV');
    expect(csv.split('\n')[0]).toContain('Identifiant');
    expect(csv).toContain('Deuxième note, sans personne nommée.');
    const json = await download('Exporter en JSON');
    expect(json).toContain('Deuxième note, sans personne nommée.');

    const second = panel.locator('#records li').filter({ hasText: 'Deuxième note' });
    await second.getByRole('button', { name: 'Supprimer' }).click();
    expect(await panel.locator('#records li').count()).toBe(2);
    await second.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await expect.poll(() => panel.locator('#records li').count()).toBe(1);
    expect(await status()).toContain('Observation supprimée de cet appareil seulement');

    const file = { name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(json) };
    await panel.getByLabel('Importer un fichier JSON').setInputFiles(file);
    await expect.poll(status).toBe('Import : 1 ajoutée, 1 déjà présente, 0 refusée.');
    await expect.poll(() => panel.locator('#records li').count()).toBe(2);
    await panel.getByLabel('Importer un fichier JSON').setInputFiles(file);
    await expect.poll(status).toBe('Import : 0 ajoutée, 2 déjà présentes, 0 refusée.');
    expect(await panel.locator('#records li').count()).toBe(2);
    expect(pageErrors).toEqual([]);
  });

  it('imports a Hypothesis export as observations awaiting consent, and exports W3C annotations that keep its selectors', async () => {
    const hypothesis = readFileSync('tests/fixtures/w3c/hypothesis-export.json');
    await panel.getByLabel('Importer un fichier JSON').setInputFiles({ name: 'hypothesis.json', mimeType: 'application/json', buffer: hypothesis });
    await expect.poll(status).toMatch(/^Import Hypothesis : 3 observations ajoutées, en attente de consentement .*, 0 déjà présente, 1 réponse laissée de côté, \d+ données personnelles remplacées par un pseudonyme ; 1 position de Hypothesis/);
    await expect.poll(() => panel.locator('#records li').count()).toBe(5);
    await panel.getByLabel('Importer un fichier JSON').setInputFiles({ name: 'hypothesis.json', mimeType: 'application/json', buffer: hypothesis });
    await expect.poll(status).toMatch(/^Import Hypothesis : 0 observation ajoutée, .*, 3 déjà présentes/);

    // For funders, nothing awaiting consent leaves; for internal use, everything, with the selectors.
    await panel.getByLabel('Annotations W3C (JSON-LD) pour').selectOption('funders');
    const forFunders = JSON.parse(await download('Annotations W3C (JSON-LD)'));
    expect(forFunders.first.items).toEqual([]);
    await expect.poll(status).toBe('Annotations W3C : 0 observation exportée, 5 laissées de côté (consentement ou usage).');
    await panel.getByLabel('Annotations W3C (JSON-LD) pour').selectOption('team');
    const internal = JSON.parse(await download('Annotations W3C (JSON-LD)'));
    expect(internal.label).toContain('USAGE INTERNE');
    const quoted = internal.first.items.find((a: { target: { selector?: Array<{ exact?: string }> } }) => a.target.selector?.[0]?.exact === 'Le groupe du jeudi a changé ma semaine.');
    expect(quoted.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'Le groupe du jeudi a changé ma semaine.', prefix: 'Aide aux aidants 😊 — ', suffix: ' Depuis, je dors mieux et Mme Du' },
      { type: 'TextPositionSelector', start: 21, end: 60 },
    ]);
    expect(quoted.body.filter((b: { purpose: string }) => b.purpose === 'tagging').map((b: { value: string }) => b.value)).toEqual(['répit', 'groupe de parole']);
    // Hypothesis's account leaves no trace; the page note's phone number left as a pseudonym.
    expect(JSON.stringify(internal)).not.toMatch(/sophie/i);
    expect(JSON.stringify(internal)).toContain('appeler le [Téléphone 1].');
    expect(pageErrors).toEqual([]);
  });
});
