// What a page shows for one record: its outbox state as a short label plus the reason of the last error.
import type { OutboxEntry } from '../outbox/state';
import { t } from '../i18n';
import { outboxMessage } from '../outbox/wording';

export function describeEntry(entry: OutboxEntry): string {
  const label = t.states[entry.state];
  if (entry.state === 'synced' || !entry.lastError) return label;
  return `${label} — ${outboxMessage(entry.lastError.code) ?? entry.lastError.message}`;
}
