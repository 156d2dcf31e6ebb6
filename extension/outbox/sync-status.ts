// The overall sync status (`sync:status`), written by the background after each run, read by the popup and options.
import * as z from 'zod/mini';
import { SYNC_STATUS_KEY } from '../store/keys';

export const SyncStatus = z.object({
  code: z.enum(['ok', 'unpaired', 'unauthorized', 'retrying', 'no_permission']),
  /** The pairing the status applies to: an `unauthorized` for an old pairing does not block a new one. */
  pairingId: z.nullable(z.string()),
  message: z.nullable(z.string()),
  /** The error code behind a `retrying` status (network, not_json…), so pages can word it in their own language. */
  reason: z.optional(z.string()),
  at: z.number(),
  lastSuccessAt: z.nullable(z.number()),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export function syncStatusFrom(items: Record<string, unknown>): SyncStatus | null {
  const parsed = SyncStatus.safeParse(items[SYNC_STATUS_KEY]);
  return parsed.success ? parsed.data : null;
}

export const syncStatusItem = (status: SyncStatus): Record<string, unknown> => ({ [SYNC_STATUS_KEY]: status });
