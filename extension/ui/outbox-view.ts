// Reads what the pages show about the outbox (recent records with their state, overall sync sentence) from storage.
import type { Observation } from '../../shared/observation/schema';
import { observationsFrom } from '../store/observations';
import { entriesFor } from '../outbox/entries';
import { waitingCount, type OutboxEntry } from '../outbox/state';
import { syncStatusFrom, type SyncStatus } from '../outbox/sync-status';
import { pairingFrom } from '../pairing/pairing';
import { outboxMessage } from '../outbox/wording';

export interface RecentRecord {
  observation: Observation;
  entry: OutboxEntry;
}

export interface OutboxView {
  recent: RecentRecord[];
  waiting: number;
  paired: boolean;
  status: SyncStatus | null;
}

/** The status sentence in the page's language (a retry is worded from its error code). */
export function statusText(status: SyncStatus | null): string {
  if (!status) return '';
  return outboxMessage(status.code === 'retrying' ? status.reason : status.code) ?? status.message ?? '';
}

export function outboxView(items: Record<string, unknown>, limit = 5): OutboxView {
  const observations = observationsFrom(items);
  const entries = entriesFor(observations, items);
  const recent = observations
    .map((observation, i) => ({ observation, entry: entries[i]! }))
    .reverse()
    .slice(0, limit);
  const pairing = pairingFrom(items);
  const status = syncStatusFrom(items);
  return {
    recent,
    waiting: waitingCount(entries),
    paired: pairing !== null,
    // A status about an older pairing says nothing about the current one.
    status: status && pairing && status.pairingId !== pairing.id ? null : status,
  };
}
