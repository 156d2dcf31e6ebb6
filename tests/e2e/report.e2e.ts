// The reports in Chromium, as an impact lead makes them on the local page from the README's demo (two waves of
// carers, quotes sent by the extension, the approach and a decision written): the « Rapports » panel shows each
// document in the page's dialog, whose bar downloads the file and opens it in a new tab where printing is refused;
// the one-page pitch prints to exactly one A4 page, even with long texts; no document runs past the page, on paper or
// at 200 % zoom (screenshots kept in the temporary folder while the test runs).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdf } from '../../apps-script/local/print-pdf';
import { generateReport } from '../../shared/report/generate';
import { makeDemoWorkbook } from '../bundle/demo-workbook';
import { check, indicator, observation, outcome, reportInput, share } from '../unit/report/build';
import { launchChromium, type LaunchedChromium } from './harness/chromium';
import { overflowing } from './harness/overflow';
import { openLocalPage, type OpenPage } from './harness/local-page';
import { startLocalRepere, type LocalRepere } from './harness/local-repere';

/** A4 (210 mm) less the documents' 15 mm side margins, in CSS pixels: the printed width. */
const PRINT_WIDTH = Math.floor(((210 - 30) / 25.4) * 96);

const quote = (n: number, over: Record<string, unknown>) => ({
  id: `8b1c2a3b-4d5e-4f60-8a7b-${String(n).padStart(12, '0')}`, createdAt: '2026-09-20T09:00:00.000Z', updatedAt: '2026-09-20T09:00:00.000Z',
  kind: 'citation', tags: ['C2'], stakeholder: 'aidants', ...over,
});

describe('the reports in Chromium', () => {
  let repere: LocalRepere;
  let open: OpenPage;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'repere-report-e2e-'));
    const workbook = join(dir, 'demo.xlsx');
    await makeDemoWorkbook(workbook);
    repere = await startLocalRepere({ workbook, setup: false });
    const token = repere.connectionCode.slice('repere1:'.length).split('@')[0]!;
    const sent = await fetch(repere.execUrl, {
      method: 'POST', headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ v: 1, op: 'putObservations', token, records: [quote(1, { text: 'Le samedi, je peux enfin aller marcher.', consent: 'obtenu', scope: 'public' }), quote(2, { text: 'Pas pour un rapport.', consent: 'non obtenu', scope: 'public' })] }),
    });
    expect(sent.ok).toBe(true);
    await repere.call('saveApproach', { question: 'Les aidants que nous accompagnons arrivent-ils à souffler ?', promise: 'I4 et I11' });
    await repere.call('addDecision', { date: '2026-10-02', subject: 'C2', learnt: 'Le répit manque le week-end.', change: 'Ouvrir l’accueil le samedi matin.', who: 'Coordinatrice', status: 'en cours' });
    open = await openLocalPage(repere);
  }, 180_000);

  afterAll(async () => {
    await open?.browser.close();
    await repere?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function preview(sidebar: FrameLocator, document: string, audience: string): Promise<Frame> {
    // Opening the panel reads what it offers: choose once it has.
    if (!(await sidebar.locator('#report-section').evaluate((d) => (d as HTMLDetailsElement).open))) {
      await sidebar.locator('#report-section summary').click();
      await expect.poll(() => sidebar.locator('#report-document option').count()).toBe(3);
    }
    await sidebar.locator('#report-document').selectOption(document);
    await sidebar.locator('#report-audience').selectOption(audience);
    await sidebar.locator('#report-preview').click();
    const dialog = open.page.locator('#script-dialog');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    const handle = await open.page.waitForSelector('#script-dialog-frame');
    const frame = (await handle.contentFrame())!;
    await frame.waitForSelector('#repere-document');
    return frame;
  }

  it('makes each document from the « Rapports » panel and shows it in the page’s dialog, audience printed', async () => {
    const { page, sidebar } = open;
    const cases = [['rapport', 'funders', 'Rapport d’évaluation', 'Destinataires : financeurs'], ['une-page', 'public', 'L’essentiel en une page', 'Destinataires : public'], ['equipe', 'team', 'Vue d’équipe', 'Destinataires : équipe']] as const;
    for (const [document, audience, title, line] of cases) {
      if (await page.locator('#script-dialog').evaluate((d) => (d as HTMLDialogElement).open)) await page.locator('#script-dialog-close').click();
      const frame = await preview(sidebar, document, audience);
      expect(await frame.locator('h1').textContent()).toBe(title);
      expect(await frame.locator('.audience').textContent()).toBe(line);
      await expect.poll(() => sidebar.locator('#report-result').textContent()).toContain(`${title} pour «`);
      expect(await page.locator('#script-dialog-title').textContent()).toBe(`${title} — demo`);
      expect(await frame.locator('body').textContent()).not.toContain('Pas pour un rapport.');
      await page.screenshot({ path: join(dir, `dialog-${document}.png`) });
    }
    expect((await repere.readTab('journal')).filter((r) => r[2] === 'rapport')).toHaveLength(3);
    expect(open.errors).toEqual([]);
  });

  it('downloads the document alone from the dialog, and opens it in a new tab where printing is refused', async () => {
    const { page, sidebar } = open;
    if (await page.locator('#script-dialog').evaluate((d) => (d as HTMLDialogElement).open)) await page.locator('#script-dialog-close').click();
    const frame = await preview(sidebar, 'rapport', 'funders');
    const [download] = await Promise.all([page.waitForEvent('download'), frame.locator('[data-action="download"]').click()]);
    expect(download.suggestedFilename()).toBe('rapport-financeurs.html');
    const file = readFileSync((await download.path())!, 'utf8');
    expect(file).toMatch(/^<!DOCTYPE html>\n<html lang="fr">\n<head>/);
    expect(file).not.toMatch(/repere-preview-bar|<script/);
    expect(file).toContain('Le samedi, je peux enfin aller marcher.');
    // The file, opened on its own, is the document that was previewed.
    const check = await open.browser.context.newPage();
    await check.setContent(file);
    expect(await check.locator('#repere-document').innerText()).toBe(await frame.locator('#repere-document').innerText());
    await check.close();
    // Printing starts here (the frame allows it): no refusal said.
    await frame.locator('[data-action="print"]').click();
    await page.waitForTimeout(1800);
    expect(await frame.locator('.repere-preview-bar p').textContent()).not.toMatch(/bloquée/);
    // A frame that refuses to print (no « allow-modals », as a stricter sandbox would): the bar says so and points to
    // the new tab, which holds the document alone.
    const previewHtml = (await page.locator('#script-dialog-frame').getAttribute('srcdoc'))!;
    await page.locator('#script-dialog-close').click();
    const strict = await open.browser.context.newPage();
    await strict.setContent('<iframe id="strict" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" style="width:900px;height:600px"></iframe>');
    await strict.locator('#strict').evaluate((f, html) => ((f as HTMLIFrameElement).srcdoc = html), previewHtml);
    const refused = (await (await strict.waitForSelector('#strict')).contentFrame())!;
    await refused.waitForSelector('#repere-document');
    await refused.locator('[data-action="print"]').click();
    await expect.poll(() => refused.locator('.repere-preview-bar p').textContent(), { timeout: 5000 }).toMatch(/^L’impression est bloquée dans cette fenêtre : « Ouvrir dans un nouvel onglet »/);
    const [tab] = await Promise.all([open.browser.context.waitForEvent('page'), refused.locator('[data-action="open"]').click()]);
    await tab.waitForLoadState();
    expect(await tab.locator('h1').textContent()).toBe('Rapport d’évaluation');
    expect(await tab.locator('.repere-preview-bar').count()).toBe(0);
    await tab.close();
    await strict.close();
  });

  it('notes a decision from the panel’s form', async () => {
    const { page, sidebar } = open;
    if (await page.locator('#script-dialog').evaluate((d) => (d as HTMLDialogElement).open)) await page.locator('#script-dialog-close').click();
    await sidebar.locator('#decision-section summary').click();
    await expect.poll(() => sidebar.locator('#decision-subject option').count()).toBeGreaterThan(1);
    await sidebar.locator('#decision-subject').selectOption('I9');
    await sidebar.locator('#decision-change').fill('Proposer un groupe de parole aux aidants épuisés.');
    await sidebar.locator('#decision-status').selectOption('à décider');
    await sidebar.locator('#add-decision').click();
    await expect.poll(() => sidebar.locator('#decision-result').textContent()).toBe('Décision ajoutée à l’onglet « Décisions » : les rapports et la vue d’équipe la reprennent.');
    const rows = await repere.readTab('decisions');
    expect(rows.at(-1)!.slice(1, 6)).toEqual(['I9', '', 'Proposer un groupe de parole aux aidants épuisés.', '', 'à décider']);
  });

  it('keeps every document inside the page, printed on A4 and at 200 % zoom', async () => {
    const page = await open.browser.context.newPage();
    for (const [kind, audience] of [['rapport', 'funders'], ['une-page', 'funders'], ['equipe', 'team']] as const) {
      const reply = (await repere.call('generateReportFile', { document: kind, audience })) as { html: string };
      // On paper: the printed width, print styles.
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: PRINT_WIDTH, height: 1100 });
      await page.setContent(reply.html);
      expect(await overflowing(page), `${kind} imprimé`).toEqual([]);
      await page.screenshot({ path: join(dir, `${kind}-a4.png`), fullPage: true });
      // On screen at 200 %: a 1280-pixel window shows 640 CSS pixels.
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 640, height: 900 });
      await page.setContent(reply.html);
      expect(await overflowing(page), `${kind} à 200 %`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
      await page.screenshot({ path: join(dir, `${kind}-zoom.png`), fullPage: true });
    }
    await page.close();
  });

  it('prints the one-page pitch to exactly one A4 page, the demo’s and one with long texts', async () => {
    const demo = (await repere.call('generateReportFile', { document: 'une-page', audience: 'funders' })) as { html: string };
    expect((await printPdf(demo.html)).pages).toBe(1);
    const long = 'Un intitulé long, comme en écrivent les structures qui veulent tout dire dans le nom de leurs indicateurs et de leurs changements visés';
    const input = reportInput({
      approach: [{ item: 'Question évaluative', content: `${'Les aidants que nous accompagnons, quel que soit leur lien avec la personne aidée et leur âge, '.repeat(6)}arrivent-ils à souffler ?` }],
      outcomes: [outcome('C1', long), outcome('C2', long)],
      indicators: ['I1', 'I2', 'I3'].map((code, i) => indicator({ code, name: `${long} (${i})`, outcome: i === 0 ? 'C1' : 'C2' })),
      values: ['I1', 'I2', 'I3'].flatMap((code) => [share(code, 'T0', 120, 300), share(code, 'T1', 210, 300), share(code, 'T2', 240, 300)]),
      surveyChecks: [check({ respondents: 300 })],
      observations: [observation({ text: 'Depuis que je viens le samedi, je dors mieux et je retrouve des amies. '.repeat(8) })],
      decisions: Array.from({ length: 6 }, (_, i) => ({ date: '2026-06-01', subject: 'C1', learnt: long, change: `${long} — décision ${i}`, who: 'Équipe', status: 'inProgress' as const })),
    });
    const made = generateReport(input, { document: 'une-page', audience: 'funders' });
    if ('ok' in made) throw new Error(made.message);
    expect((await printPdf(made.html)).pages).toBe(1);
  });

  let browser: LaunchedChromium | undefined;
  afterAll(async () => browser?.close());
  it('would see a page running over (the overflow check can fail)', async () => {
    browser = await launchChromium();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 640, height: 900 });
    await page.setContent(`<!DOCTYPE html><html><body><table style="width:900px"><tr><td>large</td></tr></table></body></html>`);
    expect((await overflowing(page)).length).toBeGreaterThan(0);
  });
});
