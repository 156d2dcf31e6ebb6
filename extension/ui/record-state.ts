// What a page shows for one record: its outbox state as a short French label plus the reason of the last error.
import type { OutboxEntry } from '../outbox/state';

export const recordStateText = {
  pending: 'en attente',
  inflight: 'envoi en cours',
  synced: 'envoyée',
  failed: 'erreur',
} as const;

export function describeEntry(entry: OutboxEntry): string {
  const label = recordStateText[entry.state];
  if (entry.state === 'synced' || !entry.lastError) return label;
  return `${label} — ${entry.lastError.message}`;
}
