import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearPairing, originsFor, readPairing, savePairing } from '../../../extension/pairing/pairing';
import { checkConnection, describePing } from '../../../extension/pairing/check';
import { postRequest } from '../../../extension/outbox/transport';
import { formatConnectionCode, parseConnectionCode } from '../../../shared/protocol/connection-code';

const connection = { endpoint: 'http://127.0.0.1:4321/exec', secret: 'f'.repeat(32) };

describe('pairing', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips a connection code into a pairing kept in storage.local only', async () => {
    const parsed = parseConnectionCode(formatConnectionCode(connection));
    if (!parsed.ok) throw new Error(parsed.message);
    const saved = await savePairing(parsed.value);
    expect(await readPairing()).toEqual(saved);
    expect(saved).toMatchObject(connection);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    const first = saved.id;
    expect((await savePairing(parsed.value)).id).not.toBe(first);
    await clearPairing();
    expect(await readPairing()).toBeNull();
  });

  it('asks only for the endpoint host, plus Google’s redirect host for Apps Script', () => {
    expect(originsFor('http://127.0.0.1:4321/exec')).toEqual(['http://127.0.0.1/*']);
    expect(originsFor('https://script.google.com/macros/s/AKfy/exec')).toEqual([
      'https://script.google.com/*',
      'https://script.googleusercontent.com/*',
    ]);
  });

  it('describes every ping outcome in French', () => {
    expect(describePing({ ok: true, code: 'ok' })).toEqual({ ok: true, message: 'Connecté au registre.' });
    expect(describePing({ ok: false, code: 'unauthorized' }).message).toContain('Code de connexion refusé');
    expect(describePing({ ok: false, code: 'not_json' }).message).toContain(
      'l’adresse ne répond pas comme un registre Repère : vérifiez le déploiement de l’application web'.replace('l’a', 'L’a'),
    );
    expect(describePing({ ok: false, code: 'network', message: 'x' }).message).toContain('injoignable');
  });

  it('pings with the protocol request and reads non-JSON answers as a failure', async () => {
    const fetchImpl = vi.fn(async () => ({ text: async () => '<html>Sign in</html>' }));
    const post = (endpoint: string, request: Parameters<typeof postRequest>[1]) => postRequest(endpoint, request, fetchImpl);
    const result = await checkConnection(connection, post);
    expect(result.ok).toBe(false);
    expect(fetchImpl).toHaveBeenCalledWith(connection.endpoint, expect.objectContaining({
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=utf-8' },
      redirect: 'follow',
      body: JSON.stringify({ v: 1, op: 'ping', token: connection.secret }),
    }));
    const ok = await checkConnection(connection, (e, r) => postRequest(e, r, async () => ({ text: async () => '{"ok":true,"code":"ok"}' })));
    expect(ok).toEqual({ ok: true, message: 'Connecté au registre.' });
    const down = await postRequest(connection.endpoint, { v: 1, op: 'ping', token: connection.secret }, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(down).toMatchObject({ ok: false, code: 'network' });
  });
});
