// The background's sync service: one serialised run at a time over the real store, network, alarm and badge.
import { localStore } from '../platform/local-storage';
import { scheduleSyncAlarm, showWaitingCount } from '../platform/scheduler';
import { coalescing, webLock, type LockRunner } from './serialise';
import { outboxSummary, runSync, type SyncDeps, type SyncReport } from './sync';
import { postRequest, putObservationsRequest } from './transport';
import { originsFor, pairingFrom } from '../pairing/pairing';
import { hasOrigins } from '../platform/permissions';
import { PAIRING_KEY, TAGS_CACHE_KEY } from '../store/keys';
import { refreshTags, tagsAreStale, tagsCacheFrom } from '../tags/tags';

/** If the worker dies mid-send, this alarm wakes it to put the interrupted records back in the queue. */
const WATCHDOG_MS = 60_000;

/** A run's own dependencies (the service decides when a run is forced), plus what serialises and follows runs. */
export interface SyncServiceDeps extends Omit<SyncDeps, 'force'> {
  lock: LockRunner;
  schedule: (due: number | null, now: number) => Promise<void>;
  badge: (waiting: number) => Promise<void>;
  /** After a successful run: fetch the registry's tags if the cache is old or from another pairing. */
  refreshTags?: () => Promise<void>;
}

export const defaultSyncDeps: SyncServiceDeps = {
  store: localStore,
  send: (pairing, records) => postRequest(pairing.endpoint, putObservationsRequest(pairing.secret, records)),
  now: () => Date.now(),
  random: () => Math.random(),
  lock: webLock,
  schedule: scheduleSyncAlarm,
  badge: showWaitingCount,
  hasPermission: (pairing) => hasOrigins(originsFor(pairing.endpoint)),
  refreshTags: async () => {
    const items = await localStore.get([PAIRING_KEY, TAGS_CACHE_KEY]);
    const pairing = pairingFrom(items);
    if (pairing && tagsAreStale(tagsCacheFrom(items), pairing, Date.now())) {
      await refreshTags(localStore, pairing, postRequest, Date.now());
    }
  },
};

export function createSyncService(deps: SyncServiceDeps = defaultSyncDeps) {
  const run = (force: boolean): Promise<SyncReport> =>
      deps.lock('repere-sync', async () => {
        await deps.schedule(deps.now() + WATCHDOG_MS, deps.now());
        const report = await runSync({ ...deps, force });
        await deps.schedule(report.nextDue, deps.now());
        await deps.badge(report.waiting);
        if (report.status.code === 'ok') await deps.refreshTags?.().catch(() => undefined);
        return report;
      });
  const runOnce = coalescing(() => run(false));
  /** One run, then another at once while records are still due (a run sends a bounded number of batches). */
  const syncNow = async (): Promise<SyncReport> => {
    const report = await runOnce();
    if (report.nextDue !== null && report.nextDue <= deps.now() && report.sent > 0) void syncNow().catch(() => undefined);
    return report;
  };
  /** Rebuilds the alarm and the badge from storage without sending (each time the worker starts). */
  const refresh = async (): Promise<void> => {
    const summary = await outboxSummary(deps.store);
    await deps.schedule(summary.nextDue, deps.now());
    await deps.badge(summary.waiting);
  };
  /** « Envoyer maintenant »: a person asked, so records waiting out their backoff are tried at once too. */
  const retryNow = (): Promise<SyncReport> => run(true);
  return { syncNow, retryNow, refresh };
}
