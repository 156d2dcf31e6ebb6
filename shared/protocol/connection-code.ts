/**
 * The connection code the registry's sidebar shows and the extension's options page takes: the collector's URL and
 * the registry's secret in one line a person can copy and paste.
 */

const PREFIX = 'repere1:';
const SECRET = /^[0-9a-f]{32,128}$/;
const ENDPOINT = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

export interface Connection {
  endpoint: string;
  secret: string;
}

export function formatConnectionCode(c: Connection): string {
  return `${PREFIX}${c.secret}@${c.endpoint}`;
}

export type ConnectionParse = { ok: true; value: Connection } | { ok: false; message: string };

export function parseConnectionCode(input: string): ConnectionParse {
  const code = input.trim();
  const invalid = {
    ok: false as const,
    message:
      'Ce code de connexion n’est pas reconnu. Copiez-le à nouveau depuis le panneau Repère du tableur (il commence par « repere1: »).',
  };
  if (!code.startsWith(PREFIX)) return invalid;
  const rest = code.slice(PREFIX.length);
  const at = rest.indexOf('@');
  if (at < 0) return invalid;
  const secret = rest.slice(0, at);
  const endpoint = rest.slice(at + 1);
  if (!SECRET.test(secret) || !ENDPOINT.test(endpoint)) return invalid;
  return { ok: true, value: { endpoint, secret } };
}

/** Compares two strings without an early exit, so timing tells nothing about where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}
