// Reads and writes outbox entries (`out:<uuid>`): an observation with no readable entry counts as fresh and pending.
import { z } from 'zod';
import type { Observation } from '../../shared/observation/schema';
import { outboxKey } from '../store/keys';
import type { KeyValueStore } from '../platform/local-storage';
import { freshEntry, type OutboxEntry } from './state';

const StoredEntry = z.object({
  id: z.string(),
  state: z.enum(['pending', 'inflight', 'synced', 'failed']),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.number(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  updatedAt: z.number(),
  syncedAt: z.number().optional(),
});

/** One entry per observation, in the observations' order (oldest first). */
export function entriesFor(observations: readonly Observation[], items: Record<string, unknown>): OutboxEntry[] {
  return observations.map((o) => {
    const parsed = StoredEntry.safeParse(items[outboxKey(o.id)]);
    return parsed.success && parsed.data.id === o.id ? parsed.data : freshEntry(o.id);
  });
}

export async function writeEntries(store: KeyValueStore, entries: readonly OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await store.set(Object.fromEntries(entries.map((e) => [outboxKey(e.id), e])));
}
