// End to end: the « aidants » framework set up, manual values entered and the indicators computed through the built
// bundle; on the local page in Chromium, the dashboard tab shows the statuses with the charts under it, as SVG titled
// with their indicator and finding (the same chart specifications Sheets gets, read back from the emulated sheet);
// at 1366 and 768 px the page never scrolls sideways and every chart fits.
import { describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../apps-script/local/workbook-file';
import { useLocalPage } from './harness/local-page';

describe('the dashboard and its charts on the local page', () => {
  const local = useLocalPage({
    setup: false,
    prepare: async (registry) => {
      await registry.call('configureRegistry', { lang: 'fr', template: 'aidants' });
      await registry.call('addManualValue', { indicator: 'I1', period: '2025-T4', value: 96 });
      await registry.call('addManualValue', { indicator: 'I1', period: '2026-T1', value: 120 });
      await registry.call('addManualValue', { indicator: 'I2', period: '2026-03', value: 300 });
      expect(await registry.call('computeRegistry')).toMatchObject({ ok: true });
    },
  });

  it('shows the dashboard with statuses, its figures first and the charts under it (beside it on a very wide window), titled with their indicator and their finding', async () => {
    await local.page.getByRole('tab', { name: 'Tableau de bord' }).click();
    const grid = local.page.locator('#grid');
    await expect.poll(() => grid.textContent()).toContain('I1 — Aidants accompagnés');
    await expect.poll(() => grid.textContent()).toContain('données insuffisantes');
    await expect.poll(() => grid.textContent()).toContain('↗');
    await expect.poll(() => grid.textContent()).toContain('120 personnes');

    const charts = local.page.getByRole('img');
    await expect.poll(() => charts.count()).toBe(2);
    expect(await charts.first().getAttribute('aria-label')).toBe('I1 — Aidants accompagnés : 120 personnes en 2026-T1, en hausse depuis 2025-T4 (96 personnes)');
    // Long lines wrap: the drawn text, read in order.
    const drawn = async () => (await local.page.locator('#charts svg text').allTextContents()).join(' ');
    for (const text of ['I1 — Aidants accompagnés', '120 personnes en 2026-T1, en hausse depuis 2025-T4 (96 personnes)', 'I2 — Heures de répit délivrées', '300 h en 2026-03', '2025-T4', '2026-T1']) {
      await expect.poll(drawn).toContain(text);
    }
    // The evolution line joins the two quarters.
    await expect.poll(() => local.page.locator('#charts svg polyline').count()).toBe(1);
    // Axis labels are drawn at 20 px (read again if the page redrew its charts meanwhile: a detached label has no style).
    await expect.poll(() => local.page.locator('#charts svg text').nth(3).evaluate((n) => parseFloat(getComputedStyle(n).fontSize))).toBeGreaterThanOrEqual(20);
    // On a common window the figures come first: the charts under the table, the values and their n in view.
    await local.page.setViewportSize({ width: 1366, height: 900 });
    const section = local.page.locator('#charts');
    const frame = local.page.locator('#grid-scroll');
    await expect.poll(async () => (await section.boundingBox())!.y).toBeGreaterThanOrEqual((await frame.boundingBox())!.y + (await frame.boundingBox())!.height - 1);
    const columns = await local.page.locator('#grid tr.header td').allTextContents();
    for (const title of ['Valeur', 'n']) {
      const index = columns.findIndex((text) => text.trim() === title);
      expect(index, title).toBeGreaterThan(0);
      const box = (await local.page.locator('#grid tr.header td').nth(index).boundingBox())!;
      expect(box.x + box.width, title).toBeLessThanOrEqual((await frame.boundingBox())!.x + (await frame.boundingBox())!.width + 1);
    }
    // Beside the table on a very wide window: the charts start at the top of the table's frame, to its right.
    await local.page.setViewportSize({ width: 2200, height: 900 });
    await expect.poll(async () => (await section.boundingBox())!.x).toBeGreaterThanOrEqual((await frame.boundingBox())!.x + (await frame.boundingBox())!.width - 1);
    expect(Math.abs((await section.boundingBox())!.y - (await frame.boundingBox())!.y)).toBeLessThan(60);
    await local.page.setViewportSize({ width: 1280, height: 720 });

    // The charts tab shows the same charts first, their data tables under them.
    await local.page.getByRole('tab', { name: 'Graphiques' }).click();
    await expect.poll(() => local.page.locator('#grid').textContent()).toContain('personnes');
    await expect.poll(() => charts.count()).toBe(2);
    const chartsTop = (await local.page.locator('#charts').boundingBox())!.y;
    expect(chartsTop).toBeLessThan((await local.page.locator('#grid').boundingBox())!.y);
    // Any other tab: no charts.
    await local.page.getByRole('tab', { name: 'Indicateurs' }).click();
    await expect.poll(() => local.page.locator('#charts').isHidden()).toBe(true);
    expect(local.errors).toEqual([]);
  });

  it('shows each column as wide as the workbook holds it, a long text whole in its column, the table scrolling sideways', async () => {
    await local.page.setViewportSize({ width: 1366, height: 900 });
    await local.page.getByRole('tab', { name: 'Tableau de bord' }).click();
    const header = local.page.locator('#grid tr.header td');
    await expect.poll(() => header.first().textContent()).toBe('Changement visé');
    const sheet = (await loadWorkbook(local.registry.workbookPath)).sheets.find((s) => s.name === 'Tableau de bord')!;
    const shown = await header.evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().width)));
    expect(shown).toEqual(shown.map((_, i) => sheet.colWidths[i + 1] ?? 100));
    // The outcome of the first line, long, is wholly in view in its cell.
    const cell = local.page.locator('#grid td[data-row="2"][data-column="1"] .cell');
    expect(await cell.evaluate((div) => div.scrollHeight <= div.clientHeight && div.scrollWidth <= div.clientWidth)).toBe(true);
    expect(await local.page.locator('#grid-scroll').evaluate((frame) => frame.scrollWidth > frame.clientWidth)).toBe(true);
  });

  it.each([1366, 768])('fits a window %i px wide: no horizontal scrolling of the page, every chart wholly in view', async (width) => {
    await local.page.setViewportSize({ width, height: 900 });
    for (const tab of ['Tableau de bord', 'Graphiques']) {
      await local.page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => local.page.getByRole('img').count()).toBe(2);
      const overflow = await local.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, tab).toBeLessThanOrEqual(0);
      const main = (await local.page.locator('main').boundingBox())!;
      for (const box of await local.page.locator('#charts svg').evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.x, tab).toBeGreaterThanOrEqual(main.x);
        expect(box.x + box.width, tab).toBeLessThanOrEqual(main.x + main.width + 0.5);
      }
    }
    expect(local.errors).toEqual([]);
  });
});
