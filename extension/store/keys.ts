// Storage key names: one key per observation and per outbox entry, so no writer ever rewrites a shared array.
export const OBSERVATION_PREFIX = 'obs:';
export const OUTBOX_PREFIX = 'out:';
export const PAIRING_KEY = 'pairing';
export const SYNC_STATUS_KEY = 'sync:status';
/** The version of the storage layout, moved forward by the migrations in store/migrations.ts. */
export const SCHEMA_VERSION_KEY = 'meta:schemaVersion';
/** Local settings: author, names to pseudonymise, URL handling. Never synced. */
export const SETTINGS_KEY = 'settings';
/** The draft the side panel edits, written by a capture. */
export const DRAFT_KEY = 'draft';
export const TAGS_CACHE_KEY = 'tags:cache';
export const RECENT_TAGS_KEY = 'tags:recent';

export const observationKey = (id: string): string => `${OBSERVATION_PREFIX}${id}`;
export const outboxKey = (id: string): string => `${OUTBOX_PREFIX}${id}`;
