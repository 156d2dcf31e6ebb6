// Messages the pages send to the background (the single writer of outbox state): typed, validated on receipt.
export const SYNC_NOW = 'repere:syncNow' as const;

export interface SyncNowMessage {
  type: typeof SYNC_NOW;
  /** Sent by « Envoyer maintenant »: retry at once what waits for its backoff. */
  force?: boolean;
}

export function isSyncNow(message: unknown): message is SyncNowMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === SYNC_NOW;
}
