/**
 * The local mode's web server on 127.0.0.1: the page showing the workbook next to the real sidebar, the sidebar's
 * google.script.run bridge, and the collector at /exec answering like a Google web app (a 302 to a one-time echo URL).
 *
 * Any web page the person visits can send requests to 127.0.0.1, so the page and its API accept only themselves:
 * a Host naming this server (a rebound domain reaches the socket with its own name), a per-run token the server puts
 * in the page and the sidebar and that they send as a header (a form or a no-cors request cannot carry a header),
 * a matching Origin and a JSON body for every call that changes something, and no CORS header anywhere. The
 * collector stays open to the extension with its token in the body, as Google's /exec is, and runs doPost only.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalRegistry } from './registry-host';
import { localPageHtml, localPageScript, sidebarWithBridge } from './page/assets';

const MAX_BODY_BYTES = 20 * 1024 * 1024;
/** A body is read to its end before the answer (a client still sending gets a reset instead); past this, cut. */
const MAX_DRAIN_BYTES = 256 * 1024 * 1024;
/** Google keeps a doPost answer for its one echo fetch a short while; so does this server, and not too many. */
export const ECHO_TTL_MS = 60_000;
export const MAX_ECHOES = 1_000;
export const PAGE_TOKEN_HEADER = 'x-repere-token';

class TooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new TooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
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

/** The page and the sidebar: never inside another site's frame, where a click could be stolen. */
const PAGE_HEADERS = { 'X-Frame-Options': 'SAMEORIGIN', 'Content-Security-Policy': "frame-ancestors 'self'" };

/** doPost answers waiting for their one echo fetch: forgotten after a minute, the oldest dropped past the cap. */
class EchoReplies {
  private readonly replies = new Map<string, { answer: string; until: number }>();
  constructor(private readonly clock: () => number) {}

  keep(answer: string): string {
    const now = this.clock();
    for (const [key, reply] of this.replies) {
      if (reply.until > now && this.replies.size < MAX_ECHOES) break;
      this.replies.delete(key);
    }
    const key = randomUUID();
    this.replies.set(key, { answer, until: now + ECHO_TTL_MS });
    return key;
  }

  take(key: string): string | undefined {
    const reply = this.replies.get(key);
    this.replies.delete(key);
    return reply && reply.until > this.clock() ? reply.answer : undefined;
  }

  get size(): number {
    return this.replies.size;
  }
}

export interface LocalServer {
  server: Server;
  port: number;
  url: string;
  execUrl: string;
  /** The per-run token of the page and its API (tests play the page with it). */
  pageToken: string;
  /** /exec answers not yet fetched. */
  pendingReplies(): number;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Milliseconds since the epoch (tests move it to expire the /exec answers). */
  clock?: () => number;
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  const a = Buffer.from(typeof given === 'string' ? given : '');
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The loopback only: the local registry holds personal data and must not be reachable from the network. */
export async function startHttpServer(registry: LocalRegistry, port: number, options: ServerOptions = {}): Promise<LocalServer> {
  const echoes = new EchoReplies(options.clock ?? Date.now);
  const pageToken = randomBytes(32).toString('hex');
  let hosts: string[] = [];

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      if (error instanceof TooLarge) {
        const message = 'Requête trop volumineuse (plus de 20 Mo).';
        if (!res.headersSent) json(res, 413, req.url?.startsWith('/exec') ? { ok: false, code: 'too_large', message } : { ok: false, error: message });
        return;
      }
      console.error(error);
      if (!res.headersSent) json(res, 500, { ok: false, message: 'Erreur interne du serveur local.' });
    });
  });

  /** A call from the page itself: its token, from its own origin, as JSON. Null when it is, else why not. */
  function refusal(req: IncomingMessage, needsOrigin: boolean): string | null {
    if (!sameToken(req.headers[PAGE_TOKEN_HEADER], pageToken)) return 'jeton de la page absent ou périmé (rechargez la page locale)';
    if (!needsOrigin) return null;
    if (req.headers.origin !== `http://${req.headers.host}`) return 'origine étrangère';
    if (!/^application\/json(;|$)/i.test(req.headers['content-type'] ?? '')) return 'le corps doit être du JSON';
    return null;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page of another site whose name resolves to 127.0.0.1 (DNS rebinding) arrives with its own name.
    if (!hosts.includes(req.headers.host ?? '')) return send(res, 403, 'text/plain; charset=utf-8', 'Hôte refusé.');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/') return send(res, 200, 'text/html; charset=utf-8', localPageHtml(pageToken), PAGE_HEADERS);
    if (req.method === 'GET' && path === '/local-page.js') return send(res, 200, 'text/javascript; charset=utf-8', localPageScript());
    if (req.method === 'GET' && path === '/sidebar') return send(res, 200, 'text/html; charset=utf-8', sidebarWithBridge(registry.sidebarHtml(), pageToken), PAGE_HEADERS);
    if (path.startsWith('/api/') || path === '/rpc') {
      const refused = refusal(req, req.method !== 'GET');
      if (refused) return json(res, 403, { ok: false, error: `Appel refusé : ${refused}.` });
      if (req.method === 'GET' && (path === '/api/workbook' || path === '/api/charts')) {
        // The workbook on disk is the truth: changed by another process (a `repere import`), it is read again first.
        await registry.refresh();
        if (path === '/api/charts') return json(res, 200, registry.chartsView());
        // The page asks every few seconds: the whole view only when the workbook moved.
        if (url.searchParams.get('since') === registry.viewVersion) return json(res, 200, { unchanged: true, ...(await registry.fileNotices()) });
        return json(res, 200, await registry.workbookView());
      }
      if (req.method === 'POST' && (path === '/api/edit' || path === '/api/rows' || path === '/api/undo')) {
        const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
        const seen = Array.isArray(body['shown']) ? { version: String(body['version'] ?? ''), shown: body['shown'].map(String) } : undefined;
        const reply =
          path === '/api/edit'
            ? await registry.editCell({ sheetId: Number(body['sheetId']), row: Number(body['row']), column: Number(body['column']), value: String(body['value'] ?? '') }, seen)
            : path === '/api/rows'
              ? await registry.changeRows({ sheetId: Number(body['sheetId']), row: Number(body['row']), action: body['action'] === 'delete' ? 'delete' : 'insert' }, seen)
              : await registry.undoEdit();
        return json(res, 200, reply);
      }
      if (req.method === 'POST' && path === '/rpc') {
        const { fn, args } = JSON.parse(await readBody(req)) as { fn: string; args: unknown[] };
        return json(res, 200, await registry.call(String(fn), Array.isArray(args) ? args : []));
      }
    }
    if (path === '/exec' && req.method === 'GET') return send(res, 200, 'application/json; charset=utf-8', await registry.doGet());
    if (path === '/exec' && req.method === 'POST') {
      const answer = await registry.doPost(await readBody(req), req.headers['content-type'] ?? '');
      return send(res, 302, 'text/html; charset=utf-8', '', { Location: `/exec/echo?user_content_key=${echoes.keep(answer)}` });
    }
    if (path === '/exec/echo' && req.method === 'GET') {
      const answer = echoes.take(url.searchParams.get('user_content_key') ?? '');
      if (answer === undefined) return send(res, 404, 'text/html; charset=utf-8', '<html><body>Page introuvable</body></html>');
      // As script.googleusercontent.com answers: the token was in the request, the answer is for whoever sent it.
      return send(res, 200, 'application/json; charset=utf-8', answer, { 'Access-Control-Allow-Origin': '*' });
    }
    send(res, 404, 'text/plain; charset=utf-8', 'Introuvable');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  hosts = [`127.0.0.1:${actual}`, `localhost:${actual}`];
  const url = `http://127.0.0.1:${actual}/`;
  return {
    server,
    port: actual,
    url,
    execUrl: `${url}exec`,
    pageToken,
    pendingReplies: () => echoes.size,
    // A browser keeps connections open: closing them is what lets the port be taken again at once.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
