// The pairing with a collector ({endpoint, secret}), kept in storage.local only (never sync storage, never logged).
import * as z from 'zod/mini';
import type { Connection } from '../../shared/protocol/connection-code';
import { PAIRING_KEY } from '../store/keys';
import { localStore, type KeyValueStore } from '../platform/local-storage';

export const Pairing = z.object({
  /** Changes at every (re)connection, so a refusal recorded for an old pairing never blocks a new one. */
  id: z.string().check(z.minLength(1)),
  endpoint: z.string().check(z.minLength(1)),
  secret: z.string().check(z.minLength(1)),
  pairedAt: z.string(),
});
export type Pairing = z.infer<typeof Pairing>;

export function pairingFrom(items: Record<string, unknown>): Pairing | null {
  const parsed = Pairing.safeParse(items[PAIRING_KEY]);
  return parsed.success ? parsed.data : null;
}

export async function readPairing(store: KeyValueStore = localStore): Promise<Pairing | null> {
  return pairingFrom(await store.get([PAIRING_KEY]));
}

export async function savePairing(
  connection: Connection,
  store: KeyValueStore = localStore,
  deps: { now?: () => Date; uuid?: () => string } = {},
): Promise<Pairing> {
  const pairing: Pairing = {
    id: (deps.uuid ?? (() => crypto.randomUUID()))(),
    endpoint: connection.endpoint,
    secret: connection.secret,
    pairedAt: (deps.now ?? (() => new Date()))().toISOString(),
  };
  await store.set({ [PAIRING_KEY]: pairing });
  return pairing;
}

export async function clearPairing(store: KeyValueStore = localStore): Promise<void> {
  await store.remove([PAIRING_KEY]);
}

/**
 * The host permissions to ask for: the endpoint's host on any port (Firefox match patterns carry no port), plus
 * Google's redirect host for an Apps Script /exec URL, which answers 302 to script.googleusercontent.com.
 */
export function originsFor(endpoint: string): string[] {
  const url = new URL(endpoint);
  const origins = [`${url.protocol}//${url.hostname}/*`];
  if (url.hostname === 'script.google.com') origins.push('https://script.googleusercontent.com/*');
  return origins;
}
