// Storage key names: one key per observation and per outbox entry, so no writer ever rewrites a shared array.
export const OBSERVATION_PREFIX = 'obs:';
export const OUTBOX_PREFIX = 'out:';
export const PAIRING_KEY = 'pairing';
export const SYNC_STATUS_KEY = 'sync:status';

export const observationKey = (id: string): string => `${OBSERVATION_PREFIX}${id}`;
export const outboxKey = (id: string): string => `${OUTBOX_PREFIX}${id}`;
