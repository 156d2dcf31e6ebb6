/**
 * UrlFetchApp's transport in the local mode: a real HTTP request, made synchronously as the script expects, by a
 * short-lived Node process (the script's call cannot wait for this process's event loop). It is how a member's local
 * registry publishes to its coordinator's collector, another local server's /exec or a Google web app. The request
 * goes where the script sends it and nowhere else; redirects are left to UrlFetchApp's emulation.
 */
import { spawnSync } from 'node:child_process';
import type { FetchRequest, FetchResponse, FetchTransport } from './emulator';

/** The child's whole program: the request on stdin, the answer as JSON on stdout. */
const CHILD = `
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  try {
    const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ?? undefined, redirect: 'manual', signal: AbortSignal.timeout(${60_000}) });
    const headers = {};
    res.headers.forEach((value, key) => { headers[key] = value; });
    process.stdout.write(JSON.stringify({ status: res.status, headers, body: await res.text() }));
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: String(error && error.cause ? error.cause.code || error.cause.message : error) }));
  }
});
`;

export const httpTransport: FetchTransport = (request: FetchRequest): FetchResponse => {
  const child = spawnSync(process.execPath, ['--input-type=commonjs', '-e', CHILD], { input: JSON.stringify(request), maxBuffer: 64 * 1024 * 1024, timeout: 70_000 });
  const out = child.stdout?.toString('utf8') ?? '';
  const reply = (out ? JSON.parse(out) : { error: child.error?.message ?? 'no answer' }) as FetchResponse | { error: string };
  if ('error' in reply) throw new Error(`unreachable: ${reply.error}`);
  return reply;
};
