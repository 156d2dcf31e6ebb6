// End to end: the « aidants » framework set up, manual values entered and the indicators computed through the built
// bundle; on the local page in Chromium, the dashboard tab shows the statuses and the charts appear as SVG with their
// titles (the same chart specifications Sheets gets, read back from the emulated sheet).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedChromium } from './harness/chromium';
import { openLocalPage } from './harness/local-page';
import { startLocalRepere, type LocalRepere } from './harness/local-repere';

describe('the dashboard and its charts on the local page', () => {
  let registry: LocalRepere;
  let browser: LaunchedChromium;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    registry = await startLocalRepere({ setup: false });
    await registry.call('configureRegistry', { lang: 'fr', template: 'aidants' });
    await registry.call('addManualValue', { indicator: 'I1', period: '2025-T4', value: 96 });
    await registry.call('addManualValue', { indicator: 'I1', period: '2026-T1', value: 120 });
    await registry.call('addManualValue', { indicator: 'I2', period: '2026-03', value: 300 });
    expect(await registry.call('computeRegistry')).toMatchObject({ ok: true });
    ({ browser, page, errors } = await openLocalPage(registry));
  });

  afterAll(async () => {
    await browser?.close();
    await registry?.stop();
  });

  it('shows the dashboard with statuses, and the charts with their findings as titles', async () => {
    await page.getByRole('tab', { name: 'Tableau de bord' }).click();
    const grid = page.locator('#grid');
    await expect.poll(() => grid.textContent()).toContain('I1 — Aidants accompagnés');
    await expect.poll(() => grid.textContent()).toContain('données insuffisantes');
    await expect.poll(() => grid.textContent()).toContain('↗');

    const charts = page.getByRole('img');
    await expect.poll(() => charts.count()).toBe(2);
    expect(await charts.first().getAttribute('aria-label')).toBe('I1 : 120 personnes en 2026-T1, en hausse');
    await expect.poll(() => page.locator('#charts svg text').allTextContents()).toEqual(
      expect.arrayContaining(['I1 : 120 personnes en 2026-T1, en hausse', 'I2 : 300 heures en 2026-03, première mesure', '2025-T4', '2026-T1']),
    );
    // The evolution line joins the two quarters.
    await expect.poll(() => page.locator('#charts svg polyline').count()).toBe(1);
    // Axis labels readable on screen.
    const size = await page.locator('#charts svg text').nth(1).evaluate((n) => parseFloat(getComputedStyle(n).fontSize));
    expect(size).toBeGreaterThanOrEqual(20);

    // The charts tab itself shows its data tables and the same charts.
    await page.getByRole('tab', { name: 'Graphiques' }).click();
    await expect.poll(() => page.locator('#grid').textContent()).toContain('personnes');
    await expect.poll(() => charts.count()).toBe(2);
    // Any other tab: no charts.
    await page.getByRole('tab', { name: 'Indicateurs' }).click();
    await expect.poll(() => page.locator('#charts').isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });
});
