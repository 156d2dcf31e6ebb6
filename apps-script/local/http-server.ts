/**
 * The local mode's web server on 127.0.0.1: the page showing the workbook next to the real sidebar, the sidebar's
 * google.script.run bridge, and the collector at /exec answering like a Google web app (a 302 to a one-time echo URL).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalRegistry } from './registry-host';
import { localPageHtml, localPageScript, sidebarWithBridge } from './page/assets';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

export interface LocalServer {
  server: Server;
  port: number;
  url: string;
  execUrl: string;
  close(): Promise<void>;
}

/** The loopback only: the local registry holds personal data and must not be reachable from the network. */
export async function startHttpServer(registry: LocalRegistry, port: number): Promise<LocalServer> {
  /** doPost answers kept for their one echo fetch, as Google's script.googleusercontent.com does. */
  const echoes = new Map<string, string>();

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) json(res, 500, { ok: false, message: 'Erreur interne du serveur local.' });
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/') return send(res, 200, 'text/html; charset=utf-8', localPageHtml());
    if (req.method === 'GET' && path === '/local-page.js') return send(res, 200, 'text/javascript; charset=utf-8', await localPageScript());
    if (req.method === 'GET' && path === '/sidebar') return send(res, 200, 'text/html; charset=utf-8', sidebarWithBridge(registry.sidebarHtml()));
    if (req.method === 'GET' && path === '/api/workbook') return json(res, 200, registry.workbookView());
    if (req.method === 'GET' && path === '/api/charts') return json(res, 200, registry.chartsView());
    if (req.method === 'POST' && path === '/rpc') {
      const { fn, args } = JSON.parse(await readBody(req)) as { fn: string; args: unknown[] };
      return json(res, 200, await registry.call(fn, Array.isArray(args) ? args : []));
    }
    if (path === '/exec' && req.method === 'GET') return send(res, 200, 'application/json; charset=utf-8', await registry.doGet());
    if (path === '/exec' && req.method === 'POST') {
      const answer = await registry.doPost(await readBody(req), req.headers['content-type'] ?? '');
      const key = randomUUID();
      echoes.set(key, answer);
      return send(res, 302, 'text/html; charset=utf-8', '', { Location: `/exec/echo?user_content_key=${key}` });
    }
    if (path === '/exec/echo' && req.method === 'GET') {
      const key = url.searchParams.get('user_content_key') ?? '';
      const answer = echoes.get(key);
      echoes.delete(key);
      if (answer === undefined) return send(res, 404, 'text/html; charset=utf-8', '<html><body>Page introuvable</body></html>');
      return send(res, 200, 'application/json; charset=utf-8', answer, { 'Access-Control-Allow-Origin': '*' });
    }
    send(res, 404, 'text/plain; charset=utf-8', 'Introuvable');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${actual}/`;
  return {
    server,
    port: actual,
    url,
    execUrl: `${url}exec`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
