// End to end: the « Questionnaires » panel of the real sidebar on the local page, in Chromium — the XLSForm and the
// paper questionnaire downloaded, the Google Form made and its tab ready to import (survey and wave already chosen),
// and « Vérifier » advising on a leading question.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsForm, xlsFormProblems } from '../unit/questionnaire/xlsform-rules';
import { useLocalPage } from './harness/local-page';

describe('the « Questionnaires » panel', () => {
  const local = useLocalPage({
    setup: false,
    prepare: async (registry) => {
      await registry.call('configureRegistry', { lang: 'fr', template: 'aidants' });
    },
  });
  beforeAll(() => local.sidebar.locator('#questionnaire-section summary').click());

  it('offers the registry’s surveys with their wave', async () => {
    await expect.poll(() => local.sidebar.getByLabel('Enquête', { exact: true }).locator('option').allTextContents()).toEqual(['E1 — Questionnaire des aidants (T0 à l\'entrée, T1 six mois plus tard)']);
    await local.sidebar.locator('#questionnaire-section').getByLabel('Vague', { exact: true }).fill('T0');
  });

  it('downloads the XLSForm, valid for KoboToolbox', async () => {
    const [download] = await Promise.all([local.page.waitForEvent('download'), local.sidebar.getByRole('button', { name: 'XLSForm (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('questionnaire-E1-T0.xlsx');
    const form = await readXlsForm(new Uint8Array(readFileSync((await download.path())!)));
    expect(xlsFormProblems(form)).toEqual([]);
    await expect.poll(() => local.sidebar.locator('#questionnaire-result').textContent()).toMatch(/^questionnaire-E1-T0\.xlsx est prêt\. À compléter avant de l’envoyer : Adresse de contact/);
  });

  it('prepares the paper questionnaire in large print, to download or open for printing', async () => {
    await local.sidebar.getByLabel('Gros caractères (papier et guide)').check();
    await local.sidebar.getByRole('button', { name: 'Questionnaire papier' }).click();
    const item = local.sidebar.locator('#questionnaire-files li').first();
    await expect.poll(() => item.textContent()).toMatch(/^questionnaire-E1-T0-gros-caracteres\.html \(questionnaire papier\) : Télécharger · Ouvrir pour imprimer$/);
    expect(await item.getByRole('link', { name: 'Ouvrir pour imprimer' }).getAttribute('target')).toBe('_blank');
    const [download] = await Promise.all([local.page.waitForEvent('download'), item.getByRole('link', { name: 'Télécharger' }).click()]);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(html).toContain('--size: 16pt');
    expect(html).toContain('Acceptez-vous de répondre à ce questionnaire ?');
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.cnil\.fr)/);
  });

  it('makes the Google Form, lists it, and its tab appears in the workbook', async () => {
    await local.sidebar.getByRole('button', { name: 'Créer le formulaire Google' }).click();
    await expect.poll(() => local.sidebar.locator('#questionnaire-result').textContent(), { timeout: 15_000 }).toMatch(/^Formulaire Google « Questionnaire des aidants .* — vague T0 » créé et publié ; ses réponses arrivent dans l’onglet « Formulaire E1 T0 »/);
    const listed = local.sidebar.locator('#questionnaire-forms li');
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.getByRole('link', { name: 'lien à envoyer' }).getAttribute('href')).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform$/);
    await expect.poll(() => local.page.getByRole('tab').allTextContents()).toContain('Formulaire E1 T0');
  });

  it('reads the form’s tab for import with its survey, wave and consent column already chosen', async () => {
    await local.sidebar.getByRole('button', { name: 'Importer' }).scrollIntoViewIfNeeded();
    const tabs = local.sidebar.locator('#survey-tab');
    await tabs.focus();
    await expect.poll(() => tabs.locator('option').allTextContents()).toContain('Formulaire E1 T0 (0 ligne) — formulaire E1 T0');
    await tabs.selectOption({ label: 'Formulaire E1 T0 (0 ligne) — formulaire E1 T0' });
    await local.sidebar.getByRole('button', { name: 'Lire l’onglet' }).click();
    await expect.poll(() => local.sidebar.locator('#survey-wave').inputValue()).toBe('T0');
    expect(await local.sidebar.locator('#survey-id').inputValue()).toBe('E1');
    const participation = local.sidebar.getByLabel('Accord pour répondre (colonne)');
    await expect.poll(async () => participation.locator('option:checked').textContent()).toBe('Acceptez-vous de répondre à ce questionnaire ?');
  });

  it('advises on a leading question in « Vérifier » and leads to its cell', async () => {
    await local.sidebar.getByRole('button', { name: 'Vérifier le registre' }).click();
    await expect.poll(() => local.sidebar.locator('#check-result').textContent()).toMatch(/^Aucun problème : 4 changements/);
    expect(await local.sidebar.locator('#advice-block').isHidden()).toBe(true);
    local.registry.typeInto('Questions', 4, 3, 'Ne pensez-vous pas que nos visites vous font du bien ?');
    await local.sidebar.getByRole('button', { name: 'Vérifier le registre' }).click();
    await expect.poll(() => local.sidebar.locator('#check-result').textContent()).toMatch(/conseils? sur les questionnaires\.$/);
    const advice = local.sidebar.getByRole('button', { name: /^Conseil — Questions!C4 : « Ne pensez-vous pas que nos visites vous font du bien \? » suggère la réponse attendue/ });
    await expect.poll(() => advice.count()).toBe(1);
    await advice.click();
    await expect.poll(() => local.page.locator('td.selected').textContent()).toBe('Ne pensez-vous pas que nos visites vous font du bien ?');
    expect(local.errors).toEqual([]);
  });
});
