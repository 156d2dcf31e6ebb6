// End to end: the built extension (e2e mode) in real Chromium captures a selection from a local page through the
// capture command, shows the prefilled draft in the side panel, pseudonymises it, saves and syncs it to the real
// local registry; survives an outage, a service worker stopped mid-sync and a wrong secret without loss or duplicate.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_EXTENSION_DIR, extensionWorker, launchChromium, type ExtensionWorkerScope, type LaunchedChromium } from './harness/chromium';
import { startLocalRepere, type LocalRepere } from './harness/local-repere';

const PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Compte rendu — visite du 3 mars</title></head>
<body><h1>Visite à domicile</h1><p>Contexte de la visite, rien de particulier avant la citation.</p>
<p id="quote">Mme Lefèvre m’a dit : « Je ressors le jeudi avec le groupe.<br>Ça me fait du bien. »</p>
<p>Suite du compte rendu, après la citation.</p></body></html>`;

function fixtureServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/visite?dossier=4521#notes` });
    }),
  );
}

describe('capture from a page, pseudonymise, sync, and never lose or duplicate', () => {
  let dir: string;
  let workbook: string;
  let registry: LocalRepere;
  let browser: LaunchedChromium;
  let fixture: { server: Server; url: string };
  const pageErrors: string[] = [];
  const watch = (p: Page) => {
    p.on('pageerror', (err) => pageErrors.push(String(err)));
    p.on('console', (msg) => {
      if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) pageErrors.push(msg.text());
    });
    return p;
  };
  const ext = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;
  const worker = () => extensionWorker(browser.context, browser.extensionId!);
  const hook = async <T>(name: string, arg?: unknown) =>
    (await worker()).evaluate(([n, a]) => (globalThis as unknown as ExtensionWorkerScope).__repereTest[n as string]!(a), [name, arg] as const) as Promise<T>;
  const storage = async () => (await worker()).evaluate(() => (globalThis as unknown as ExtensionWorkerScope).chrome.storage.local.get(null));
  async function rows(): Promise<Record<string, string>[]> {
    const [header = [], ...body] = await registry.readTab('observations');
    return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  }
  const rowsWith = async (needle: string) => (await rows()).filter((r) => r['Texte']?.includes(needle)).length;

  async function pair(code: string): Promise<string> {
    const options = watch(await browser.context.newPage());
    await options.goto(ext('options.html'));
    await options.getByLabel('Code de connexion').fill(code);
    await options.getByRole('button', { name: 'Connecter', exact: true }).click();
    await expect.poll(() => options.locator('#result').textContent(), { timeout: 15_000 }).toMatch(/Connecté|refusé/);
    const message = (await options.locator('#result').textContent()) ?? '';
    await options.close();
    return message;
  }

  async function saveNote(panel: Page, text: string): Promise<void> {
    await panel.getByLabel('Texte').fill(text);
    await panel.getByLabel('Consentement').selectOption('non requis');
    await panel.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('enregistrée sur cet appareil');
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'repere-capture-'));
    workbook = join(dir, 'registre.xlsx');
    [registry, browser, fixture] = await Promise.all([
      startLocalRepere({ workbook }),
      launchChromium({ extensionDir: DEFAULT_EXTENSION_DIR }),
      fixtureServer(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await registry?.stop();
    fixture?.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers the context menu and the capture shortcut', async () => {
    const w = await worker();
    // The menu is created by onInstalled, which may still be running when the worker is first seen.
    const menu = () => w.evaluate(() => (globalThis as unknown as ExtensionWorkerScope).chrome.contextMenus.update('repere-capture', {}).then(() => 'registered', () => 'missing'));
    await expect.poll(menu, { timeout: 10_000 }).toBe('registered');
    const commands = await w.evaluate(() => (globalThis as unknown as ExtensionWorkerScope).chrome.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: 'capture-selection' }));
  });

  it('captures the selection with its line break and context, pseudonymises it, and syncs one row', async () => {
    expect(await pair(registry.connectionCode)).toContain('Connecté au registre');
    const page = watch(await browser.context.newPage());
    await page.goto(fixture.url);
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('quote')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const draft = await hook<{ text: string; quote: { prefix: string; suffix: string }; position: { start: number; end: number } }>('capture', fixture.url.replace(/\?.*$/, '*'));
    expect(draft.text).toBe('Mme Lefèvre m’a dit : « Je ressors le jeudi avec le groupe.\nÇa me fait du bien. »');
    expect(draft.quote.prefix).toHaveLength(32);
    // The W3C TextPositionSelector: where the quote is in the page's text, counted in code points.
    const located = await page.evaluate(({ start, end }) => [...document.body.textContent!].slice(start, end).join(''), draft.position);
    expect(located).toBe(draft.text.replace('\n', ''));
    const panel = watch(await browser.context.newPage());
    await panel.goto(ext('sidepanel.html'));
    await expect.poll(() => panel.getByLabel('Texte').inputValue()).toBe(draft.text);
    await expect(panel.locator('#preview mark').first().textContent()).resolves.toBe('[Personne 1]');
    await expect(panel.locator('#source').textContent()).resolves.toContain('Compte rendu — visite du 3 mars');
    expect(await panel.locator('#source').textContent()).not.toContain('dossier=4521');

    // No default consent: saving without choosing is refused, and usage stays internal until consent is obtained.
    await panel.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Choisissez le consentement');
    await panel.getByLabel('Consentement').selectOption('non obtenu');
    expect(await panel.getByLabel('Usage').inputValue()).toBe('interne');
    await panel.getByLabel('Consentement').selectOption('obtenu');
    await panel.getByLabel('Usage').selectOption('financeurs');
    await panel.getByLabel('Type').selectOption('citation');
    await panel.getByLabel('Partie prenante').fill('Personne accompagnée');
    // A person's code, never a name: a name is refused, a code kept; the note is pseudonymised with the text.
    await panel.getByLabel('Code de la personne').fill('Lefèvre');
    await panel.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('avec au moins un chiffre (ex. P-017) : jamais son nom');
    await panel.getByLabel('Code de la personne').fill('P-017');
    await panel.getByLabel('Remarque').fill('Dit devant sa fille, Mme Lefèvre.');
    await panel.getByLabel('Thèmes').fill('Lien social');
    await panel.getByLabel('Thèmes').press('Enter');
    await panel.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Observation enregistrée sur cet appareil.');
    await expect.poll(() => rowsWith('Je ressors le jeudi'), { timeout: 20_000, interval: 300 }).toBe(1);
    const row = (await rows()).find((r) => r['Texte']?.includes('Je ressors le jeudi'))!;
    expect(row['Texte']).toBe('Mme [Personne 1] m’a dit : « Je ressors le jeudi avec le groupe.\nÇa me fait du bien. »');
    expect(JSON.stringify(row)).not.toContain('Lefèvre');
    expect(row).toMatchObject({ Type: 'citation', Consentement: 'obtenu', Usage: 'financeurs', 'Partie prenante': 'Personne accompagnée', Thèmes: 'Lien social', Personne: 'P-017', Remarque: 'Dit devant sa fille, Mme [Personne 1].' });
    expect(row['Adresse de la page']).toBe(fixture.url.replace(/\?.*$/, ''));
    await expect.poll(() => panel.locator('#records li').first().textContent(), { timeout: 10_000 }).toContain('envoyée');

    // An edit is sent again and updates the same row.
    await panel.locator('#records li').first().getByRole('button', { name: 'Modifier' }).click();
    await panel.getByLabel('Texte').fill('Mme [Personne 1] ressort le jeudi (modifié).');
    await panel.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => rowsWith('(modifié)'), { timeout: 20_000, interval: 300 }).toBe(1);
    expect(await rowsWith('Je ressors le jeudi')).toBe(0);
    await page.close();
    await panel.close();
  });

  it('shows a stored HTML quote as text, never as markup', async () => {
    const w = await worker();
    await w.evaluate(async () => {
      const id = '00000000-0000-4000-8000-00000000abcd';
      const at = new Date().toISOString();
      await (globalThis as unknown as ExtensionWorkerScope).chrome.storage.local.set({
        [`obs:${id}`]: { id, createdAt: at, updatedAt: at, kind: 'citation', text: '<img src=x onerror="window.__pwned=1">', tags: [], consent: null, scope: 'interne' },
      });
    });
    const panel = watch(await browser.context.newPage());
    await panel.goto(ext('sidepanel.html'));
    await expect.poll(() => panel.locator('#records').textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await panel.locator('#records img').count()).toBe(0);
    expect(await panel.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await panel.close();
  });

  it('keeps a note saved while the registry is down and sends it exactly once when it is back', async () => {
    const port = Number(new URL(registry.execUrl).port);
    const code = registry.connectionCode;
    await registry.stop();
    const panel = watch(await browser.context.newPage());
    await panel.goto(ext('sidepanel.html'));
    await saveNote(panel, 'Note écrite pendant la panne du registre.');
    await expect.poll(() => panel.locator('#sync').textContent(), { timeout: 15_000 }).toContain('nouvel essai automatique');
    expect(await panel.locator('#records li').first().textContent()).toContain('en attente');

    registry = await startLocalRepere({ workbook, setup: false, port });
    expect(registry.connectionCode).toBe(code);
    await panel.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await expect.poll(() => rowsWith('pendant la panne'), { timeout: 15_000, interval: 300 }).toBe(1);
    await hook('syncNow');
    expect(await rowsWith('pendant la panne')).toBe(1);
    await panel.close();
  });

  it('loses and duplicates nothing when the service worker is stopped mid-sync', async () => {
    const texts = Array.from({ length: 8 }, (_, i) => `Observation arrêt du worker n° ${i + 1}.`);
    const w = await worker();
    // Written straight to storage, then a sync is started and the worker killed without waiting for it.
    await w.evaluate(async (list) => {
      const items: Record<string, unknown> = {};
      for (const text of list) {
        const id = crypto.randomUUID();
        const at = new Date().toISOString();
        items[`obs:${id}`] = { id, createdAt: at, updatedAt: at, kind: 'observation', text, tags: [], consent: 'non requis', scope: 'interne' };
      }
      await (globalThis as unknown as ExtensionWorkerScope).chrome.storage.local.set(items);
      void (globalThis as unknown as ExtensionWorkerScope).__repereTest.syncNow!();
    }, texts);
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Opening the panel wakes the worker (it asks for a sync); the interrupted sends are resumed.
    const panel = watch(await browser.context.newPage());
    await panel.goto(ext('sidepanel.html'));
    await expect.poll(async () => {
      await hook('syncNow').catch(() => undefined);
      return Promise.all(texts.map(rowsWith));
    }, { timeout: 30_000, interval: 500 }).toEqual(texts.map(() => 1));
    const all = await storage();
    const entries = Object.entries(all).filter(([k]) => k.startsWith('out:')).map(([, v]) => v?.state);
    expect(entries.every((s) => s === 'synced')).toBe(true);
    await page.close();
    await panel.close();
  });

  it('refuses a wrong secret with a clear French message and keeps the items', async () => {
    const wrong = registry.connectionCode.replace(/^repere1:([0-9a-f])/, (_m, c: string) => `repere1:${c === 'a' ? 'b' : 'a'}`);
    expect(await pair(wrong)).toContain('Code de connexion refusé par le registre');
    const panel = watch(await browser.context.newPage());
    await panel.goto(ext('sidepanel.html'));
    await saveNote(panel, 'Note après un mauvais code.');
    await expect.poll(() => panel.locator('#sync').textContent(), { timeout: 15_000 }).toContain('Code de connexion refusé');
    expect(await panel.locator('#records li').first().textContent()).toContain('en attente');
    const all = await storage();
    expect(Object.values(all).some((v) => v?.text === 'Note après un mauvais code.')).toBe(true);
    expect(await rowsWith('mauvais code')).toBe(0);
    expect(pageErrors).toEqual([]);
    await panel.close();
  });
});
