// Tags for the « Thèmes » field: the paired registry's outcomes, themes and indicators (cached for offline use) and recent tags.
import * as z from 'zod/mini';
import type { Tag } from '../../shared/protocol/endpoint';
import type { SendResult } from '../outbox/state';
import { PROTOCOL_VERSION, TAG_KINDS } from '../../shared/protocol/endpoint';
import type { Pairing } from '../pairing/pairing';
import { TAGS_CACHE_KEY, RECENT_TAGS_KEY } from '../store/keys';
import type { KeyValueStore } from '../platform/local-storage';

/** The registry's tags change rarely: refresh at most this often (and at every new pairing). */
export const TAGS_MAX_AGE_MS = 6 * 60 * 60 * 1000;
const MAX_RECENT = 12;

const TagsCache = z.object({
  pairingId: z.string(),
  fetchedAt: z.number(),
  tags: z.array(z.object({ id: z.string(), label: z.string(), kind: z.enum(TAG_KINDS) })),
});
export type TagsCache = z.infer<typeof TagsCache>;

export function tagsCacheFrom(items: Record<string, unknown>): TagsCache | null {
  const parsed = TagsCache.safeParse(items[TAGS_CACHE_KEY]);
  return parsed.success ? parsed.data : null;
}

export function recentTagsFrom(items: Record<string, unknown>): string[] {
  const parsed = z.array(z.string()).safeParse(items[RECENT_TAGS_KEY]);
  return parsed.success ? parsed.data : [];
}

/** The tags just used go first, without duplicates, at most 12. */
export function withRecent(recent: readonly string[], used: readonly string[]): string[] {
  return [...new Set([...used, ...recent])].slice(0, MAX_RECENT);
}

/** What the « Thèmes » field suggests: recent tags first, then the registry's, each once, in the registry's order. */
export function tagSuggestions(items: Record<string, unknown>): string[] {
  const registry = tagsCacheFrom(items)?.tags.map((t) => t.label) ?? [];
  return [...new Set([...recentTagsFrom(items), ...registry])];
}

export function tagsAreStale(cache: TagsCache | null, pairing: Pairing, now: number): boolean {
  return !cache || cache.pairingId !== pairing.id || now - cache.fetchedAt > TAGS_MAX_AGE_MS;
}

/** Fetches and caches the registry's tags; keeps the old cache when the registry cannot answer. */
export async function refreshTags(
  store: KeyValueStore,
  pairing: Pairing,
  post: (endpoint: string, request: { v: 1; op: 'getTags'; token: string }) => Promise<SendResult>,
  now: number,
): Promise<Tag[] | null> {
  const result = await post(pairing.endpoint, { v: PROTOCOL_VERSION, op: 'getTags', token: pairing.secret });
  if (!result.ok || !('tags' in result) || !result.tags) return null;
  const cache: TagsCache = { pairingId: pairing.id, fetchedAt: now, tags: result.tags };
  await store.set({ [TAGS_CACHE_KEY]: cache });
  return result.tags;
}
