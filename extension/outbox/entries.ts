// Reads and writes outbox entries (`out:<uuid>`): an observation with no readable entry counts as fresh and pending.
import * as z from 'zod/mini';
import type { Observation } from '../../shared/observation/schema';
import { OUTBOX_PREFIX, outboxKey } from '../store/keys';
import type { KeyValueStore } from '../platform/local-storage';
import { entryForVersion, freshEntry, type OutboxEntry } from './state';

const StoredEntry = z.object({
  id: z.string(),
  state: z.enum(['pending', 'inflight', 'synced', 'failed']),
  attempts: z.int().check(z.minimum(0)),
  nextAttemptAt: z.number(),
  lastError: z.nullable(z.object({ code: z.string(), message: z.string() })),
  updatedAt: z.number(),
  syncedAt: z.optional(z.number()),
  /** The record's updatedAt that was sent (inflight) or confirmed (synced): an edit makes it differ. */
  version: z.optional(z.string()),
});

/** One entry per observation, in the observations' order (oldest first). */
export function entriesFor(observations: readonly Observation[], items: Record<string, unknown>): OutboxEntry[] {
  return observations.map((o) => {
    const parsed = StoredEntry.safeParse(items[outboxKey(o.id)]);
    return parsed.success && parsed.data.id === o.id ? entryForVersion(parsed.data, o.updatedAt) : freshEntry(o.id);
  });
}

/** Outbox keys left by deleted observations (deletion is local: the page removes the record, the background its entry). */
export function orphanEntryKeys(observations: readonly Observation[], items: Record<string, unknown>): string[] {
  const live = new Set(observations.map((o) => outboxKey(o.id)));
  return Object.keys(items).filter((k) => k.startsWith(OUTBOX_PREFIX) && !live.has(k));
}

export async function writeEntries(store: KeyValueStore, entries: readonly OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await store.set(Object.fromEntries(entries.map((e) => [outboxKey(e.id), e])));
}
