// UrlFetchApp as the script sees it in Google: a POST answered by a redirect is followed with a GET, an HTTP error
// throws Google's message unless muteHttpExceptions, an unreachable address throws, and without a transport the
// emulation reaches nothing. The local mode's transport makes a real request to a real server.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createAppsScriptServices, createEmptyWorkbook, type FetchRequest, type FetchResponse } from '../../../apps-script/local/emulator';
import { httpTransport } from '../../../apps-script/local/http-fetch';

const run = promisify(execFile);

function urlFetch(transport?: (r: FetchRequest) => FetchResponse) {
  return createAppsScriptServices({ model: createEmptyWorkbook({ id: 't' }), ...(transport && { fetch: transport }) }).globals.UrlFetchApp;
}

describe('UrlFetchApp', () => {
  it('follows a web app’s redirect with a GET, as Google answers a POST to /exec', () => {
    const seen: FetchRequest[] = [];
    const app = urlFetch((r): FetchResponse => {
      seen.push(r);
      return r.method === 'POST' ? { status: 302, headers: { Location: '/echo?k=1' }, body: '' } : { status: 200, headers: {}, body: '{"ok":true}' };
    });
    const response = app.fetch('https://script.google.com/macros/s/X/exec', { method: 'post', contentType: 'text/plain', payload: '{"a":1}' });
    expect(response.getResponseCode()).toBe(200);
    expect(response.getContentText()).toBe('{"ok":true}');
    expect(seen.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', 'https://script.google.com/macros/s/X/exec', '{"a":1}'],
      ['GET', 'https://script.google.com/echo?k=1', null],
    ]);
    expect(seen[0]!.headers).toEqual({ 'Content-Type': 'text/plain' });
  });

  it('throws Google’s message on an HTTP error unless muteHttpExceptions is set', () => {
    const app = urlFetch(() => ({ status: 404, headers: {}, body: 'Not found' }));
    expect(() => app.fetch('https://example.org/x')).toThrow('Request failed for https://example.org/x returned code 404. Truncated server response: Not found (use muteHttpExceptions option to examine full response)');
    expect(app.fetch('https://example.org/x', { muteHttpExceptions: true }).getResponseCode()).toBe(404);
  });

  it('reaches nothing without a transport, and refuses what is not an http(s) URL', () => {
    expect(() => urlFetch().fetch('https://example.org/')).toThrow('Address unavailable: https://example.org/');
    expect(() => urlFetch(() => ({ status: 200, headers: {}, body: '' })).fetch('file:///etc/passwd')).toThrow('Invalid argument: file:///etc/passwd');
  });

  it('makes a real request in the local mode, and fails on an address nobody answers', async () => {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(302, { Location: `/echo?got=${encodeURIComponent(body)}` });
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    // The transport blocks its process until the answer comes: it runs in another one, so this one's server answers.
    const { stdout } = await run('node', ['--import', 'tsx', '-e', `
      import('./apps-script/local/http-fetch.ts').then(({ httpTransport }) => {
        process.stdout.write(JSON.stringify(httpTransport({ url: 'http://127.0.0.1:${port}/exec', method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'é=1' })));
      });`], { encoding: 'utf8' });
    await new Promise((resolve) => server.close(resolve));
    expect(JSON.parse(stdout)).toMatchObject({ status: 302, headers: { location: `/echo?got=${encodeURIComponent('é=1')}` } });
    expect(() => httpTransport({ url: `http://127.0.0.1:${port}/exec`, method: 'GET', headers: {}, body: null })).toThrow(/^unreachable/);
  });
});
