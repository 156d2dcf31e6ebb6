// The local server accepts only its own page: a foreign Host (DNS rebinding), a call without the page's per-run token,
// from another origin or not as JSON is refused, with no CORS header anywhere; the collector at /exec stays open to
// the extension (its token in the body) but never runs a sidebar function; big bodies get a JSON answer; the /exec
// replies nobody fetches are forgotten.
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ECHO_TTL_MS, MAX_ECHOES } from '../../apps-script/local/http-server';
import { openLocalMode, type LocalMode } from '../../apps-script/local/start';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: fetch cannot set Host, and a browser page is not the only client a server meets. */
function raw(port: number, method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the local server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'repere-server-'));
  let mode: LocalMode;
  let port: number;
  let now = Date.now();
  const page = () => ({ Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json', 'X-Repere-Token': mode.server.pageToken });
  const rpc = (headers: Record<string, string>, fn = 'renewConnectionCode') => raw(port, 'POST', '/rpc', headers, JSON.stringify({ fn, args: [] }));
  const currentCode = async () => ((await mode.registry.callOrThrow('getConnectionCode', [])) as { code: string }).code;

  beforeAll(async () => {
    mode = await openLocalMode({ workbook: join(dir, 'registre.xlsx'), port: 0, clock: () => now });
    port = mode.server.port;
    await mode.registry.callOrThrow('configureRegistry', [{ lang: 'fr' }]);
  });
  afterAll(async () => {
    await mode?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers only its own Host: a rebound domain reads neither the page nor the workbook', async () => {
    for (const host of [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `127.0.0.1:${port + 1}`, 'localhost']) {
      for (const path of ['/', '/sidebar', '/api/workbook', '/api/charts']) {
        const answer = await raw(port, 'GET', path, { Host: host, 'X-Repere-Token': mode.server.pageToken });
        expect(answer.status, `${host} ${path}`).toBe(403);
        expect(answer.body).not.toContain(mode.server.pageToken);
        expect(answer.body).not.toContain('Démarche');
      }
    }
    expect((await raw(port, 'GET', '/', { Host: `localhost:${port}` })).status).toBe(200);
  });

  it('puts its per-run token in the page and the sidebar, and reads the workbook only with it', async () => {
    const html = await raw(port, 'GET', '/');
    expect(html.body).toContain(mode.server.pageToken);
    expect((await raw(port, 'GET', '/sidebar')).body).toContain(mode.server.pageToken);
    expect((await raw(port, 'GET', '/api/workbook')).status).toBe(403);
    expect((await raw(port, 'GET', '/api/workbook', { 'X-Repere-Token': 'a'.repeat(64) })).status).toBe(403);
    const view = await raw(port, 'GET', '/api/workbook', { 'X-Repere-Token': mode.server.pageToken });
    expect(view.status).toBe(200);
    expect(view.body).toContain('Démarche');
  });

  it('refuses a sidebar call without the token, from another origin, or not as JSON, and changes nothing', async () => {
    const before = await currentCode();
    const attempts: Array<[string, Record<string, string>]> = [
      ['no token', { ...page(), 'X-Repere-Token': '' }],
      ['wrong token', { ...page(), 'X-Repere-Token': mode.server.pageToken.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }],
      ['another origin', { ...page(), Origin: 'http://evil.example' }],
      ['another local port', { ...page(), Origin: `http://127.0.0.1:${port + 1}` }],
      ['no origin', { 'Content-Type': 'application/json', 'X-Repere-Token': mode.server.pageToken }],
      ['a form (text/plain)', { ...page(), 'Content-Type': 'text/plain' }],
      ['a form (urlencoded)', { ...page(), 'Content-Type': 'application/x-www-form-urlencoded' }],
    ];
    for (const [what, headers] of attempts) {
      const answer = await rpc(headers);
      expect(answer.status, what).toBeGreaterThanOrEqual(400);
      expect(JSON.parse(answer.body), what).toMatchObject({ ok: false });
    }
    expect(await currentCode()).toBe(before);
    const allowed = await rpc(page());
    expect(allowed.status).toBe(200);
    expect(JSON.parse(allowed.body)).toMatchObject({ ok: true, value: { ok: true } });
    expect(await currentCode()).not.toBe(before);
  });

  it('sends no CORS header, not even to a preflight', async () => {
    const preflight = await raw(port, 'OPTIONS', '/rpc', { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-repere-token,content-type' });
    const answers = [preflight, await raw(port, 'GET', '/'), await raw(port, 'GET', '/api/workbook', { 'X-Repere-Token': mode.server.pageToken }), await rpc(page(), 'getSidebarState')];
    for (const answer of answers) expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });

  it('keeps the page and the sidebar out of other sites’ frames', async () => {
    for (const path of ['/', '/sidebar']) {
      const answer = await raw(port, 'GET', path);
      expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    }
  });

  it('serves the collector at /exec to any client with the token in the body, but never a sidebar function', async () => {
    const before = await currentCode();
    for (const body of [{ fn: 'renewConnectionCode', args: [] }, { v: 1, op: 'renewConnectionCode', token: 'x'.repeat(20) }]) {
      const posted = await raw(port, 'POST', '/exec', { 'Content-Type': 'text/plain', Origin: 'http://evil.example' }, JSON.stringify(body));
      expect(posted.status).toBe(302);
      const echo = await raw(port, 'GET', String(posted.headers.location));
      expect(JSON.parse(echo.body)).toMatchObject({ ok: false, code: 'bad_request' });
    }
    expect((await raw(port, 'POST', '/exec/rpc', { 'Content-Type': 'application/json' }, JSON.stringify({ fn: 'renewConnectionCode', args: [] }))).status).toBe(404);
    expect(await currentCode()).toBe(before);
    const secret = before.slice('repere1:'.length, before.indexOf('@'));
    const ping = await raw(port, 'POST', '/exec', { 'Content-Type': 'text/plain' }, JSON.stringify({ v: 1, op: 'ping', token: secret }));
    expect(JSON.parse((await raw(port, 'GET', String(ping.headers.location))).body)).toMatchObject({ ok: true, code: 'ok' });
  });

  it('answers a body over 20 MB with the JSON too_large, on /exec and /rpc', async () => {
    const big = 'x'.repeat(21 * 1024 * 1024);
    const exec = await raw(port, 'POST', '/exec', { 'Content-Type': 'text/plain' }, big);
    expect(JSON.parse(exec.body)).toMatchObject({ ok: false, code: 'too_large' });
    const call = await raw(port, 'POST', '/rpc', page(), big);
    expect(call.status).toBe(413);
    expect(JSON.parse(call.body)).toMatchObject({ ok: false });
  });

  it('forgets an unfetched /exec reply after a minute, and keeps a bounded number of them', async () => {
    const post = () => raw(port, 'POST', '/exec', { 'Content-Type': 'text/plain' }, '{}').then((a) => String(a.headers.location));
    const stale = await post();
    now += ECHO_TTL_MS + 1;
    expect((await raw(port, 'GET', stale)).status).toBe(404);
    const locations: string[] = [];
    for (let i = 0; i < MAX_ECHOES + 5; i++) locations.push(await post());
    expect(mode.server.pendingReplies()).toBe(MAX_ECHOES);
    expect((await raw(port, 'GET', locations[0]!)).status).toBe(404);
    expect((await raw(port, 'GET', locations.at(-1)!)).status).toBe(200);
  });
});
