// The local observation store: builds records valid under the shared schema and keeps each under `obs:<uuid>`.
import { allowedScope, Observation, MAX_OBSERVATION_TEXT } from '../../shared/observation/schema';
import { OBSERVATION_PREFIX, observationKey } from './keys';
import { localStore, type KeyValueStore } from '../platform/local-storage';

export type NewObservationResult =
  | { ok: true; observation: Observation }
  | { ok: false; reason: 'empty' | 'too_long' | 'invalid' };

export interface ObservationFactoryDeps {
  now?: () => Date;
  uuid?: () => string;
  /** The author setting of this device, if any. */
  author?: string;
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
    ...(deps.author?.trim() ? { author: deps.author.trim() } : {}),
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

/** What the side panel's form holds (already pseudonymised). */
export interface ObservationInput {
  text: string;
  kind: Observation['kind'];
  stakeholder?: string;
  tags: string[];
  factDate?: string;
  consent: Observation['consent'];
  scope: Observation['scope'];
  quote?: Observation['quote'];
  position?: Observation['position'];
  /** The person's pseudonymous code (« P-017 »), never a name. */
  personId?: string;
  note?: string;
  sourceTitle?: string;
  sourceUrl?: string;
  author?: string;
}

export type ComposeResult = { ok: true; observation: Observation } | { ok: false; reason: 'empty' | 'invalid'; field?: string };

const blankToUndefined = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/**
 * Builds the record to store from the form: a new one, or an edit of `existing` (same id and creation time, a newer
 * updatedAt so the collector updates its row). The usage scope obeys the consent rule whatever the form said.
 */
export function composeObservation(
  input: ObservationInput,
  existing: Observation | null,
  deps: ObservationFactoryDeps = {},
): ComposeResult {
  if (!input.text.trim()) return { ok: false, reason: 'empty' };
  const now = (deps.now ?? (() => new Date()))();
  let at = now.toISOString();
  // Two edits in the same millisecond must still order: updatedAt only moves forward.
  if (existing && at <= existing.updatedAt) at = new Date(Date.parse(existing.updatedAt) + 1).toISOString();
  const candidate: Observation = {
    id: existing?.id ?? (deps.uuid ?? (() => crypto.randomUUID()))(),
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    kind: input.kind,
    text: input.text.trim(),
    tags: [...new Set(input.tags.map((tag) => tag.trim()).filter(Boolean))],
    consent: input.consent,
    scope: allowedScope(input.consent, input.scope),
  };
  const optional = {
    quote: input.quote,
    position: input.quote ? input.position : undefined,
    personId: blankToUndefined(input.personId),
    note: blankToUndefined(input.note),
    stakeholder: blankToUndefined(input.stakeholder),
    sourceTitle: blankToUndefined(input.sourceTitle),
    sourceUrl: blankToUndefined(input.sourceUrl),
    author: blankToUndefined(input.author),
    factDate: blankToUndefined(input.factDate),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(candidate, { [key]: value });
  const parsed = Observation.safeParse(candidate);
  if (parsed.success) return { ok: true, observation: parsed.data };
  return { ok: false, reason: 'invalid', field: String(parsed.error.issues[0]?.path[0] ?? '') };
}

/** Deletes the record from this device only (the background then drops its outbox entry); the registry keeps its row. */
export async function deleteObservation(id: string, store: KeyValueStore = localStore): Promise<void> {
  await store.remove([observationKey(id)]);
}

/** Stores imported records (each under its own key); they join the outbox like any new record. */
export async function saveObservations(observations: readonly Observation[], store: KeyValueStore = localStore): Promise<void> {
  if (observations.length === 0) return;
  await store.set(Object.fromEntries(observations.map((o) => [observationKey(o.id), Observation.parse(o)])));
}
