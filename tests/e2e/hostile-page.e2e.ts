// End to end, in Chromium: while the local mode runs, a page of another site (a second local server standing for any
// web site the person visits) tries to drive it — a no-cors fetch and a plain HTML form to the sidebar bridge, a CORS
// call with a guessed token, reading the workbook, framing the page, and DNS rebinding (a domain of its own that
// resolves to 127.0.0.1). Each is refused and nothing changes; the local page itself still works.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from './harness/chromium';
import { openLocalPage } from './harness/local-page';
import { startLocalRepere, type LocalRepere } from './harness/local-repere';

/** What reached the local server, and how it answered. */
interface Seen {
  method: string;
  path: string;
  host: string;
  status: number;
}

describe('a hostile web page against the local mode', () => {
  let registry: LocalRepere;
  let browser: LaunchedChromium;
  let site: Server;
  let sitePort: number;
  let attacker: Page;
  const seen: Seen[] = [];
  const journalBefore: string[][] = [];

  beforeAll(async () => {
    registry = await startLocalRepere();
    journalBefore.push(...(await registry.readTab('journal')));
    registry.server.server.on('request', (req, res) => {
      res.on('finish', () => seen.push({ method: req.method ?? '', path: req.url ?? '', host: req.headers.host ?? '', status: res.statusCode }));
    });
    site = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="fr"><title>Un site quelconque</title><p>Recettes de saison</p><iframe name="sink"></iframe></html>');
    });
    await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
    sitePort = (site.address() as AddressInfo).port;
    // Two names of its own that resolve to this machine: the attacker's site, and the rebinding one.
    let page: Page;
    ({ browser, page } = await openLocalPage(registry, { args: ['--host-resolver-rules=MAP site-hostile.test 127.0.0.1, MAP rebind.test 127.0.0.1'] }));
    await page.close();
    attacker = await browser.context.newPage();
    await attacker.goto(`http://site-hostile.test:${sitePort}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await registry?.stop();
    await new Promise((done) => site?.close(done));
  });

  const local = () => registry.pageUrl.replace(/\/$/, '');
  const renew = JSON.stringify({ fn: 'renewConnectionCode', args: [] });
  const currentCode = async () => ((await registry.call('getConnectionCode')) as { code: string }).code;

  it('cannot call the sidebar functions with a no-cors fetch', async () => {
    const count = seen.length;
    await attacker.evaluate(
      ([url, body]) => fetch(`${url}/rpc`, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body }).then(() => 'sent'),
      [local(), renew],
    );
    await expect.poll(() => seen.slice(count).filter((s) => s.path === '/rpc').map((s) => s.status)).toEqual([403]);
    expect(await currentCode()).toBe(registry.connectionCode);
  });

  it('cannot call them with a plain HTML form (text/plain, as no header can be added)', async () => {
    const count = seen.length;
    await attacker.evaluate(
      ([url]) => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = `${url}/rpc`;
        form.enctype = 'text/plain';
        form.target = 'sink';
        const field = document.createElement('input');
        field.name = '{"fn":"renewConnectionCode","args":[],"x":"';
        field.value = '"}';
        form.append(field);
        document.body.append(form);
        form.submit();
      },
      [local()],
    );
    await expect.poll(() => seen.slice(count).filter((s) => s.path === '/rpc').map((s) => s.status)).toEqual([403]);
    expect(await currentCode()).toBe(registry.connectionCode);
  });

  it('cannot make a CORS call with a guessed token, nor read the workbook', async () => {
    const outcomes = await attacker.evaluate(async ([url, body]) => {
      const attempt = (p: Promise<Response>) => p.then((r) => `lu ${r.status}`, (e: Error) => `bloqué ${e.name}`);
      return [
        await attempt(fetch(`${url}/rpc`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Repere-Token': '0'.repeat(64) }, body })),
        await attempt(fetch(`${url}/api/workbook`)),
        await attempt(fetch(`${url}/`)),
      ];
    }, [local(), renew]);
    expect(outcomes).toEqual(['bloqué TypeError', 'bloqué TypeError', 'bloqué TypeError']);
    expect(await currentCode()).toBe(registry.connectionCode);
  });

  it('cannot show the local page inside its own frame', async () => {
    await attacker.evaluate((url) => {
      const frame = document.createElement('iframe');
      frame.name = 'framed';
      frame.src = url;
      document.body.append(frame);
    }, registry.pageUrl);
    await expect.poll(() => attacker.frames().find((f) => f.name() === 'framed')?.url()).toMatch(/^chrome-error:/);
  });

  it('cannot rebind a domain of its own to the local server', async () => {
    const rebound = await browser.context.newPage();
    const port = new URL(registry.pageUrl).port;
    const answer = await rebound.goto(`http://rebind.test:${port}/`);
    expect(answer?.status()).toBe(403);
    expect(await rebound.content()).not.toContain(registry.server.pageToken);
    // Same origin now, so the page could read what the server answers: a refusal.
    const read = await rebound.evaluate(() => Promise.all(['/api/workbook', '/sidebar', '/rpc'].map((p) => fetch(p, { method: p === '/rpc' ? 'POST' : 'GET' }).then((r) => r.status))));
    expect(read).toEqual([403, 403, 403]);
    await rebound.close();
    expect(seen.filter((s) => s.host.startsWith('rebind.test')).every((s) => s.status === 403)).toBe(true);
  });

  it('changed nothing in the workbook, and the local page still works', async () => {
    expect(await registry.readTab('journal')).toEqual(journalBefore);
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(registry.pageUrl);
    await expect.poll(() => page.getByRole('tab').allTextContents()).toContain('Journal');
    const sidebar = page.frameLocator('#sidebar');
    await expect.poll(() => sidebar.getByLabel('Code de connexion').inputValue()).toBe(registry.connectionCode);
    await sidebar.getByRole('button', { name: 'Renouveler le code' }).click();
    await expect.poll(() => sidebar.getByLabel('Code de connexion').inputValue()).not.toBe(registry.connectionCode);
    expect(await currentCode()).not.toBe(registry.connectionCode);
    expect(errors).toEqual([]);
  });
});
