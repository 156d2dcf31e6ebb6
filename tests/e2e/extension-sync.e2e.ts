// End to end: the built extension (e2e mode) in real Chromium saves a note, pairs with the local registry and syncs
// it exactly once, even when a send is repeated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_EXTENSION_DIR, extensionWorker, launchChromium, type ExtensionWorkerScope, type LaunchedChromium } from './harness/chromium';
import { startLocalRepere, type LocalRepere } from './harness/local-repere';

type Registry = LocalRepere;

async function rowsWithText(registry: Registry, text: string): Promise<number> {
  const [header = [], ...rows] = await registry.readTab('observations');
  const col = header.findIndex((h) => h === 'Texte');
  expect(col, 'a « Texte » column in the observations tab').toBeGreaterThanOrEqual(0);
  return rows.filter((row) => row[col] === text).length;
}

describe('extension sync to the local registry', () => {
  let registry: Registry;
  let browser: LaunchedChromium;
  let page: Page;
  /** Errors logged by the extension's pages (a CSP violation, an uncaught exception…): there must be none. */
  const pageErrors: string[] = [];
  const watch = (p: Page) => {
    p.on('pageerror', (err) => pageErrors.push(String(err)));
    p.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    return p;
  };
  const note = `Mme R. dit qu’elle sort à nouveau le jeudi (${Date.now()})`;
  const testHook = <T>(fn: string) =>
    extensionWorker(browser.context, browser.extensionId!).then((w) =>
      w.evaluate((name) => (globalThis as unknown as ExtensionWorkerScope).__repereTest[name]!(), fn) as Promise<T>,
    );

  beforeAll(async () => {
    registry = await startLocalRepere();
    browser = await launchChromium({ extensionDir: DEFAULT_EXTENSION_DIR });
    page = watch(await browser.context.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await registry?.stop();
  });

  it('refuses an empty note with a French message', async () => {
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('rien n’a été enregistré');
  });

  it('saves locally at once, then syncs exactly one row once paired', async () => {
    await page.getByLabel('Texte').fill(note);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Observation enregistrée sur cet appareil.');
    expect(await page.getByLabel('Texte').inputValue()).toBe('');
    await expect.poll(() => page.locator('#recent li').first().textContent()).toContain('en attente');

    const options = watch(await browser.context.newPage());
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Code de connexion').fill(registry.connectionCode);
    await options.getByRole('button', { name: 'Connecter' }).click();
    await expect.poll(() => options.getByRole('status').textContent(), { timeout: 20_000 }).toContain('Connecté au registre');

    await expect.poll(() => rowsWithText(registry, note), { timeout: 30_000, interval: 500 }).toBe(1);
    await expect.poll(() => page.locator('#recent li').first().textContent(), { timeout: 10_000 }).toContain('envoyée');

    // Another sync sends nothing new.
    await testHook('syncNow');
    expect(await rowsWithText(registry, note)).toBe(1);

    // A send whose answer was lost (worker killed mid-send) is repeated: the registry dedupes by id.
    const worker = await extensionWorker(browser.context, browser.extensionId!);
    await worker.evaluate(async () => {
      const all = await (globalThis as unknown as ExtensionWorkerScope).chrome.storage.local.get(null);
      const key = Object.keys(all).find((k) => k.startsWith('out:'))!;
      await (globalThis as unknown as ExtensionWorkerScope).chrome.storage.local.set({ [key]: { ...(all[key] as object), state: 'inflight' } });
    });
    const report = await testHook<{ sent: number; waiting: number }>('syncNow');
    expect(report).toMatchObject({ sent: 1, waiting: 0 });
    expect(await rowsWithText(registry, note)).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
