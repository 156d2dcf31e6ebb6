// One sync run: recovers interrupted sends, then sends due records in batches and records what the collector said.
import { MAX_BATCH } from '../../shared/protocol/endpoint';
import type { Observation } from '../../shared/observation/schema';
import type { KeyValueStore } from '../platform/local-storage';
import { observationsFrom } from '../store/observations';
import { pairingFrom, type Pairing } from '../pairing/pairing';
import { entriesFor, orphanEntryKeys, writeEntries } from './entries';
import {
  applyResult,
  earliestDue,
  markInflight,
  recoverInflight,
  resetForNewPairing,
  selectBatch,
  waitingCount,
  type OutboxEntry,
  type SendResult,
} from './state';
import { syncStatusFrom, syncStatusItem, type SyncStatus } from './sync-status';
import { t } from '../i18n';

const outboxText = t.outbox;

export interface SyncDeps {
  store: KeyValueStore;
  send: (pairing: Pairing, records: Observation[]) => Promise<SendResult>;
  now: () => number;
  random: () => number;
  /** Whether the browser still grants the host permission for the pairing's endpoint (absent: assumed granted). */
  hasPermission?: (pairing: Pairing) => Promise<boolean>;
  /** A person asked to send now: records waiting for their backoff are tried at once too. */
  force?: boolean;
  /** Batches per run, so that one run stays well under the worker's time limits; the rest waits for the alarm. */
  maxBatches?: number;
  batchSize?: number;
}

export interface SyncReport {
  status: SyncStatus;
  sent: number;
  synced: number;
  failed: number;
  waiting: number;
  /** When the single alarm should fire next, or null. */
  nextDue: number | null;
}

/** Must run under a lock (one run at a time): any inflight entry it finds is from a run that died mid-send. */
export async function runSync(deps: SyncDeps): Promise<SyncReport> {
  const { store, now, random } = deps;
  const batchSize = Math.min(deps.batchSize ?? MAX_BATCH, MAX_BATCH);
  const maxBatches = deps.maxBatches ?? 10;
  const items = await store.getAll();
  const observations = observationsFrom(items);
  const byId = new Map(observations.map((o) => [o.id, o]));
  const entries = new Map(entriesFor(observations, items).map((e) => [e.id, e]));
  const put = async (changed: OutboxEntry[]) => {
    for (const e of changed) entries.set(e.id, e);
    await writeEntries(store, changed);
  };
  await put(recoverInflight([...entries.values()], now()));
  await store.remove(orphanEntryKeys(observations, items));

  const pairing = pairingFrom(items);
  const previous = syncStatusFrom(items);
  const lastSuccessAt = previous?.lastSuccessAt ?? null;
  const report = (status: SyncStatus, counts = { sent: 0, synced: 0, failed: 0 }): SyncReport => {
    const all = [...entries.values()];
    const stopped = status.code === 'unpaired' || status.code === 'unauthorized' || status.code === 'no_permission';
    return { status, ...counts, waiting: waitingCount(all), nextDue: stopped ? null : earliestDue(all) };
  };
  const finish = async (status: SyncStatus, counts?: { sent: number; synced: number; failed: number }) => {
    await store.set(syncStatusItem(status));
    return report(status, counts);
  };

  if (!pairing) {
    return finish({ code: 'unpaired', pairingId: null, message: outboxText.notPaired, at: now(), lastSuccessAt });
  }
  if (previous?.code === 'unauthorized' && previous.pairingId === pairing.id) return report(previous);
  if (deps.hasPermission && !(await deps.hasPermission(pairing))) {
    return finish({ code: 'no_permission', pairingId: pairing.id, message: outboxText.noPermission, at: now(), lastSuccessAt });
  }
  // A new pairing (or the first one): every record not yet in the registry is due at once, old errors forgotten.
  if (previous?.pairingId !== pairing.id) await put(resetForNewPairing([...entries.values()], now()));

  const counts = { sent: 0, synced: 0, failed: 0 };
  // Nothing sent this run: the last word on this pairing (e.g. a retry message) still stands.
  let status: SyncStatus =
    previous && previous.pairingId === pairing.id && previous.code !== 'no_permission'
      ? previous
      : { code: 'ok', pairingId: pairing.id, message: null, at: now(), lastSuccessAt };
  for (let i = 0; i < maxBatches; i++) {
    const batch = selectBatch([...entries.values()], deps.force ? Number.POSITIVE_INFINITY : now(), batchSize);
    if (batch.length === 0) break;
    const inflight = markInflight(batch, now(), (id) => byId.get(id)?.updatedAt);
    await put(inflight);
    const records = batch.map((e) => byId.get(e.id)).filter((o): o is Observation => o !== undefined);
    const result = await deps.send(pairing, records);
    const applied = applyResult(inflight, result, now(), random);
    await put(applied.updates);
    counts.sent += batch.length;
    counts.synced += applied.updates.filter((e) => e.state === 'synced').length;
    counts.failed += applied.updates.filter((e) => e.state === 'failed').length;
    if (applied.outcome === 'unauthorized') {
      return finish({ code: 'unauthorized', pairingId: pairing.id, message: outboxText.unauthorized, at: now(), lastSuccessAt }, counts);
    }
    if (applied.outcome === 'retry') {
      status = { code: 'retrying', pairingId: pairing.id, message: applied.error?.message ?? null, reason: applied.error?.code, at: now(), lastSuccessAt };
      break;
    }
    status = { code: 'ok', pairingId: pairing.id, message: null, at: now(), lastSuccessAt: now() };
  }
  return finish(status, counts);
}

/** The badge count and next due time without sending anything (for wake-ups and storage changes). */
export async function outboxSummary(store: KeyValueStore): Promise<{ waiting: number; nextDue: number | null; stopped: boolean }> {
  const items = await store.getAll();
  const entries = entriesFor(observationsFrom(items), items);
  const pairing = pairingFrom(items);
  const status = syncStatusFrom(items);
  const stopped =
    !pairing || ((status?.code === 'unauthorized' || status?.code === 'no_permission') && status.pairingId === pairing.id);
  return { waiting: waitingCount(entries), nextDue: stopped ? null : earliestDue(entries), stopped };
}
