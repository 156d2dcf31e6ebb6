/**
 * The storage layout's versions and the migrations between them. Each migration is a pure function from all stored
 * items to the keys to write; it must be idempotent, since the worker can die between its writes and the version bump.
 *   v1: `obs:<uuid>`, `out:<uuid>`, `pairing`, `sync:status` (no version key: a store without one is v1).
 *   v2: the consent rule holds for every record: without consent obtained or not required, the usage is internal.
 *       Records brought back to « interne » get a new updatedAt, so the registry's row is corrected too.
 */
import { allowedScope, Observation } from '../../shared/observation/schema';
import { OBSERVATION_PREFIX, SCHEMA_VERSION_KEY } from './keys';
import type { KeyValueStore } from '../platform/local-storage';

export const CURRENT_SCHEMA_VERSION = 2;

type Migration = (items: Record<string, unknown>, now: Date) => Record<string, unknown>;

const migrations: Record<number, Migration> = {
  /** v1 → v2 */
  1: (items, now) => {
    const writes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(items)) {
      if (!key.startsWith(OBSERVATION_PREFIX)) continue;
      const parsed = Observation.safeParse(value);
      if (!parsed.success) continue;
      const o = parsed.data;
      const scope = allowedScope(o.consent, o.scope);
      if (scope !== o.scope) writes[key] = { ...o, scope, updatedAt: now.toISOString() };
    }
    return writes;
  },
};

export function storedVersion(items: Record<string, unknown>): number {
  const v = items[SCHEMA_VERSION_KEY];
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

export interface MigrationReport {
  from: number;
  to: number;
  changed: number;
}

/** Brings the store to the current version; a store from a newer extension is left untouched. */
export async function migrateStore(store: KeyValueStore, now: () => Date = () => new Date()): Promise<MigrationReport> {
  const items = await store.getAll();
  const from = storedVersion(items);
  let version = from;
  let changed = 0;
  while (version < CURRENT_SCHEMA_VERSION) {
    const migrate = migrations[version];
    if (!migrate) throw new Error(`Repère: no storage migration from version ${version}`);
    const writes = migrate(await store.getAll(), now());
    changed += Object.keys(writes).length;
    version += 1;
    await store.set({ ...writes, [SCHEMA_VERSION_KEY]: version });
  }
  return { from, to: version, changed };
}
