// The local observation store: builds records valid under the shared schema and keeps each under `obs:<uuid>`.
import { Observation, MAX_OBSERVATION_TEXT } from '../../shared/observation/schema';
import { OBSERVATION_PREFIX, observationKey } from './keys';
import { localStore, type KeyValueStore } from '../platform/local-storage';

export type NewObservationResult =
  | { ok: true; observation: Observation }
  | { ok: false; reason: 'empty' | 'too_long' | 'invalid' };

export interface ObservationFactoryDeps {
  now?: () => Date;
  uuid?: () => string;
}

/** Builds a plain observation from what was typed; the record is checked against the shared schema. */
export function newObservation(text: string, deps: ObservationFactoryDeps = {}): NewObservationResult {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, reason: 'empty' };
  if (trimmed.length > MAX_OBSERVATION_TEXT) return { ok: false, reason: 'too_long' };
  const at = (deps.now ?? (() => new Date()))().toISOString();
  const candidate = {
    id: (deps.uuid ?? (() => crypto.randomUUID()))(),
    createdAt: at,
    updatedAt: at,
    kind: 'observation' as const,
    text: trimmed,
    tags: [],
    consent: null,
    scope: 'interne' as const,
  };
  const parsed = Observation.safeParse(candidate);
  return parsed.success ? { ok: true, observation: parsed.data } : { ok: false, reason: 'invalid' };
}

/** Writes one observation under its own key (validated again: nothing invalid reaches the store). */
export async function saveObservation(observation: Observation, store: KeyValueStore = localStore): Promise<void> {
  const valid = Observation.parse(observation);
  await store.set({ [observationKey(valid.id)]: valid });
}

/** Every stored observation that passes the schema, oldest first; invalid entries are skipped, never deleted. */
export function observationsFrom(items: Record<string, unknown>): Observation[] {
  const out: Observation[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(OBSERVATION_PREFIX)) continue;
    const parsed = Observation.safeParse(value);
    if (parsed.success && key === observationKey(parsed.data.id)) out.push(parsed.data);
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export async function listObservations(store: KeyValueStore = localStore): Promise<Observation[]> {
  return observationsFrom(await store.getAll());
}
