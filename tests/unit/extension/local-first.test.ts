import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runSync, type SyncDeps } from '../../../extension/outbox/sync';
import { localStore } from '../../../extension/platform/local-storage';
import { savePairing } from '../../../extension/pairing/pairing';
import { observationKey, outboxKey, SCHEMA_VERSION_KEY, SYNC_STATUS_KEY } from '../../../extension/store/keys';
import {
  composeObservation,
  deleteObservation,
  listObservations,
  saveObservation,
  type ObservationInput,
} from '../../../extension/store/observations';
import { CURRENT_SCHEMA_VERSION, migrateStore } from '../../../extension/store/migrations';
import type { Observation } from '../../../shared/observation/schema';
import type { SendResult } from '../../../extension/outbox/state';
import { fakeClock, uuidFor } from './helpers';

/** A collector that updates a row when an edited record (newer updatedAt) arrives, as the real one does. */
function updatingCollector() {
  const rows = new Map<string, Observation>();
  const send = vi.fn(async (_p: unknown, records: Observation[]): Promise<SendResult> => {
    const accepted: string[] = [];
    const duplicates: string[] = [];
    for (const r of records) {
      const row = rows.get(r.id);
      if (!row || r.updatedAt > row.updatedAt) {
        rows.set(r.id, r);
        accepted.push(r.id);
      } else duplicates.push(r.id);
    }
    return { ok: true, code: 'ok', accepted, duplicates };
  });
  return { rows, send };
}

const input = (over: Partial<ObservationInput> = {}): ObservationInput => ({
  text: 'Mme [Personne 1] dit qu’elle ressort le jeudi.',
  kind: 'citation',
  tags: ['Lien social'],
  consent: 'obtenu',
  scope: 'financeurs',
  ...over,
});

describe('the side panel’s records', () => {
  beforeEach(() => fakeBrowser.reset());

  it('never lets a quote without consent leave the structure, whatever usage was asked', () => {
    for (const consent of [null, 'non obtenu'] as const) {
      const made = composeObservation(input({ consent, scope: 'public' }), null, { uuid: () => uuidFor(1) });
      expect(made.ok && made.observation.scope).toBe('interne');
    }
    const ok = composeObservation(input({ consent: 'non requis', scope: 'public' }), null, { uuid: () => uuidFor(1) });
    expect(ok.ok && ok.observation.scope).toBe('public');
  });

  it('keeps the date of the fact, drops blank optional fields and refuses an impossible date', () => {
    const made = composeObservation(input({ factDate: '2025-02-14', stakeholder: '  ', sourceTitle: '' }), null, { uuid: () => uuidFor(1) });
    expect(made.ok && made.observation).toMatchObject({ factDate: '2025-02-14' });
    expect(made.ok && 'stakeholder' in made.observation).toBe(false);
    expect(composeObservation(input({ factDate: '14/02/2025' }), null)).toMatchObject({ ok: false, field: 'factDate' });
  });

  it('an edit keeps the id and creation time, moves updatedAt forward, and the collector updates its row', async () => {
    const clock = fakeClock();
    const collector = updatingCollector();
    const deps: SyncDeps = { store: localStore, send: collector.send, now: clock.now, random: () => 0.5 };
    await savePairing({ endpoint: 'http://127.0.0.1:9/exec', secret: 'a'.repeat(32) });
    const first = composeObservation(input(), null, { now: () => new Date(clock.now()), uuid: () => uuidFor(7) });
    if (!first.ok) throw new Error('not built');
    await saveObservation(first.observation);
    expect((await runSync(deps)).synced).toBe(1);

    const edited = composeObservation(input({ text: 'Texte corrigé.' }), first.observation, { now: () => new Date(clock.now()) });
    if (!edited.ok) throw new Error('not edited');
    expect(edited.observation.id).toBe(first.observation.id);
    expect(edited.observation.createdAt).toBe(first.observation.createdAt);
    expect(edited.observation.updatedAt > first.observation.updatedAt).toBe(true);
    await saveObservation(edited.observation);

    const report = await runSync(deps);
    expect(report).toMatchObject({ sent: 1, synced: 1, waiting: 0 });
    expect(collector.rows.get(uuidFor(7))?.text).toBe('Texte corrigé.');
    expect(await runSync(deps)).toMatchObject({ sent: 0 });
  });

  it('deleting is local: the record and its outbox entry go, nothing is sent', async () => {
    const clock = fakeClock();
    const collector = updatingCollector();
    await savePairing({ endpoint: 'http://127.0.0.1:9/exec', secret: 'a'.repeat(32) });
    const made = composeObservation(input(), null, { uuid: () => uuidFor(3) });
    if (!made.ok) throw new Error('not built');
    await saveObservation(made.observation);
    await runSync({ store: localStore, send: collector.send, now: clock.now, random: () => 0.5 });
    await deleteObservation(uuidFor(3));
    await runSync({ store: localStore, send: collector.send, now: clock.now, random: () => 0.5 });
    const all = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(all).filter((k) => k.endsWith(uuidFor(3)))).toEqual([]);
    expect(collector.send).toHaveBeenCalledTimes(1);
  });

  it('stops sending when the endpoint permission is withdrawn, says so, and keeps every record', async () => {
    const clock = fakeClock();
    const collector = updatingCollector();
    await savePairing({ endpoint: 'http://127.0.0.1:9/exec', secret: 'a'.repeat(32) });
    const made = composeObservation(input(), null, { uuid: () => uuidFor(4) });
    if (!made.ok) throw new Error('not built');
    await saveObservation(made.observation);
    const report = await runSync({ store: localStore, send: collector.send, now: clock.now, random: () => 0.5, hasPermission: async () => false });
    expect(report).toMatchObject({ sent: 0, waiting: 1, nextDue: null });
    expect(report.status.code).toBe('no_permission');
    expect(report.status.message).toContain('autorisation');
    expect(collector.send).not.toHaveBeenCalled();
    const granted = await runSync({ store: localStore, send: collector.send, now: clock.now, random: () => 0.5, hasPermission: async () => true });
    expect(granted).toMatchObject({ synced: 1, waiting: 0 });
    expect(granted.status.code).toBe('ok');
  });
});

describe('storage migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  const v1Record = (i: number, over: Partial<Observation>): Observation => ({
    id: uuidFor(i),
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    kind: 'citation',
    text: `Citation ${i}`,
    tags: [],
    consent: null,
    scope: 'interne',
    ...over,
  });

  it('brings a v1 store to the current version, restricting quotes without consent to internal use', async () => {
    await fakeBrowser.storage.local.set({
      [observationKey(uuidFor(1))]: v1Record(1, { consent: null, scope: 'public' }),
      [observationKey(uuidFor(2))]: v1Record(2, { consent: 'obtenu', scope: 'public' }),
      [observationKey(uuidFor(3))]: v1Record(3, { consent: 'non obtenu', scope: 'financeurs' }),
      [outboxKey(uuidFor(1))]: { id: uuidFor(1), state: 'synced', attempts: 1, nextAttemptAt: 0, lastError: null, updatedAt: 1 },
    });
    const report = await migrateStore(localStore, () => new Date('2025-01-01T00:00:00Z'));
    expect(report).toEqual({ from: 1, to: CURRENT_SCHEMA_VERSION, changed: 2 });
    const byId = new Map((await listObservations()).map((o) => [o.id, o]));
    expect(byId.get(uuidFor(1))).toMatchObject({ scope: 'interne', updatedAt: '2025-01-01T00:00:00.000Z' });
    expect(byId.get(uuidFor(2))).toMatchObject({ scope: 'public', updatedAt: '2024-05-01T10:00:00.000Z' });
    expect(byId.get(uuidFor(3))).toMatchObject({ scope: 'interne' });
    expect((await fakeBrowser.storage.local.get(SCHEMA_VERSION_KEY))[SCHEMA_VERSION_KEY]).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('is idempotent and leaves a current store alone', async () => {
    await fakeBrowser.storage.local.set({ [observationKey(uuidFor(1))]: v1Record(1, { scope: 'public' }) });
    await migrateStore(localStore);
    const once = await fakeBrowser.storage.local.get(null);
    expect(await migrateStore(localStore)).toEqual({ from: CURRENT_SCHEMA_VERSION, to: CURRENT_SCHEMA_VERSION, changed: 0 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(once);
  });

  it('leaves a store written by a newer extension untouched', async () => {
    await fakeBrowser.storage.local.set({ [SCHEMA_VERSION_KEY]: CURRENT_SCHEMA_VERSION + 5, [SYNC_STATUS_KEY]: 'x' });
    expect(await migrateStore(localStore)).toMatchObject({ changed: 0, to: CURRENT_SCHEMA_VERSION + 5 });
  });
});
