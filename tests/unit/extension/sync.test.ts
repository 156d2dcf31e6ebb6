import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runSync, type SyncDeps } from '../../../extension/outbox/sync';
import { createSyncService } from '../../../extension/outbox/service';
import { localStore } from '../../../extension/platform/local-storage';
import { savePairing } from '../../../extension/pairing/pairing';
import { outboxKey } from '../../../extension/store/keys';
import type { Observation } from '../../../shared/observation/schema';
import type { SendResult } from '../../../extension/outbox/state';
import { fakeClock, storeObservations } from './helpers';
import { t } from '../../../extension/i18n';

const SECRET = 'a'.repeat(32);

/** A collector that remembers every id it ever received (as the real one does) and can be told to misbehave. */
function fakeCollector() {
  const rows = new Map<string, Observation>();
  const calls: Observation[][] = [];
  let next: SendResult[] = [];
  const send = vi.fn(async (_pairing: unknown, records: Observation[]): Promise<SendResult> => {
    calls.push(records);
    const forced = next.shift();
    if (forced) return forced;
    const accepted: string[] = [];
    const duplicates: string[] = [];
    for (const r of records) {
      (rows.has(r.id) ? duplicates : accepted).push(r.id);
      rows.set(r.id, r);
    }
    return { ok: true, code: 'ok', accepted, duplicates };
  });
  return { rows, calls, send, answerNext: (...r: SendResult[]) => (next = r) };
}

async function entry(id: string) {
  return (await fakeBrowser.storage.local.get(outboxKey(id)))[outboxKey(id)] as Record<string, unknown> | undefined;
}

describe('sync run', () => {
  let clock: ReturnType<typeof fakeClock>;
  let collector: ReturnType<typeof fakeCollector>;
  let deps: SyncDeps;

  beforeEach(() => {
    fakeBrowser.reset();
    clock = fakeClock();
    collector = fakeCollector();
    deps = { store: localStore, send: collector.send, now: clock.now, random: () => 0.5 };
  });

  it('keeps everything pending and sends nothing while unpaired', async () => {
    await storeObservations(3);
    const report = await runSync(deps);
    expect(collector.send).not.toHaveBeenCalled();
    expect(report).toMatchObject({ waiting: 3, nextDue: null, status: { code: 'unpaired' } });
  });

  it('sends in batches of at most 50 and marks confirmed records synced', async () => {
    await storeObservations(120);
    await savePairing({ endpoint: 'http://127.0.0.1:9/exec', secret: SECRET });
    const report = await runSync(deps);
    expect(collector.calls.map((c) => c.length)).toEqual([50, 50, 20]);
    expect(collector.rows.size).toBe(120);
    expect(report).toMatchObject({ synced: 120, waiting: 0, nextDue: null, status: { code: 'ok' } });
    // A second run sends nothing more: no duplicates.
    await runSync(deps);
    expect(collector.calls).toHaveLength(3);
  });

  it('caps one run and leaves the rest due for the next one', async () => {
    await storeObservations(120);
    await savePairing({ endpoint: 'http://127.0.0.1:9/exec', secret: SECRET });
    const report = await runSync({ ...deps, maxBatches: 1 });
    expect(report).toMatchObject({ synced: 50, waiting: 70, nextDue: 0 });
  });

  it('retries a non-JSON answer with backoff and keeps the records', async () => {
    const [obs] = await storeObservations(1);
    await savePairing({ endpoint: 'http://127.0.0.1:9/exec', secret: SECRET });
    collector.answerNext({ ok: false, code: 'not_json', message: 'HTML' });
    const first = await runSync(deps);
    expect(first.status.code).toBe('retrying');
    expect(first.status.message).toContain('ne répond pas comme un registre Repère');
    expect(first.nextDue).toBe(clock.now() + 30_000);
    expect(await entry(obs!.id)).toMatchObject({ state: 'pending', attempts: 1 });
    // Not yet due: nothing is sent.
    await runSync(deps);
    expect(collector.calls).toHaveLength(1);
    // Due: sent and confirmed; the retry message gives way.
    clock.advance(30_000);
    const second = await runSync(deps);
    expect(second).toMatchObject({ synced: 1, waiting: 0, status: { code: 'ok', message: null } });
    expect(await entry(obs!.id)).toMatchObject({ state: 'synced' });
  });

  it('grows the delay after each failure, within the jitter bounds', async () => {
    const [obs] = await storeObservations(1);
    await savePairing({ endpoint: 'http://127.0.0.1:9/exec', secret: SECRET });
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      collector.answerNext({ ok: false, code: 'network', message: 'down' });
      const report = await runSync({ ...deps, random: Math.random });
      delays.push(report.nextDue! - clock.now());
      clock.set(report.nextDue!);
    }
    delays.forEach((d, n) => {
      expect(d).toBeGreaterThanOrEqual(30_000 * 2 ** n * 0.5);
      expect(d).toBeLessThan(30_000 * 2 ** n * 1.5);
    });
    expect(await entry(obs!.id)).toMatchObject({ state: 'pending', attempts: 5 });
  });

  it('stops on unauthorized, keeps the records, and starts again after a new pairing', async () => {
    await storeObservations(2);
    await savePairing({ endpoint: 'http://127.0.0.1:9/exec', secret: SECRET });
    collector.answerNext({ ok: false, code: 'unauthorized' });
    const stopped = await runSync(deps);
    expect(stopped).toMatchObject({ waiting: 2, nextDue: null, status: { code: 'unauthorized', message: t.outbox.unauthorized } });
    clock.advance(24 * 3600_000);
    await runSync(deps);
    expect(collector.calls).toHaveLength(1);
    await savePairing({ endpoint: 'http://127.0.0.1:9/exec', secret: 'b'.repeat(32) });
    expect(await runSync(deps)).toMatchObject({ synced: 2, waiting: 0, status: { code: 'ok' } });
  });

  it('puts records inflight during a send, and a run killed mid-send is resumed without loss or duplicate', async () => {
    const [obs] = await storeObservations(1);
    await savePairing({ endpoint: 'http://127.0.0.1:9/exec', secret: SECRET });
    // The collector writes the row, then the worker dies before the answer is read.
    const dying = vi.fn(async (p: unknown, records: Observation[]) => {
      await collector.send(p, records);
      expect(await entry(obs!.id)).toMatchObject({ state: 'inflight' });
      throw new Error('worker killed');
    });
    await expect(runSync({ ...deps, send: dying })).rejects.toThrow('worker killed');
    expect(await entry(obs!.id)).toMatchObject({ state: 'inflight' });
    const report = await runSync(deps);
    expect(collector.calls).toHaveLength(2);
    expect(collector.rows.size).toBe(1);
    expect(report).toMatchObject({ synced: 1, waiting: 0 });
  });

  it('marks a rejected record failed with the collector reason and retries it only after re-pairing', async () => {
    const [a, b] = await storeObservations(2);
    await savePairing({ endpoint: 'http://127.0.0.1:9/exec', secret: SECRET });
    collector.answerNext({ ok: true, code: 'ok', accepted: [a!.id], rejected: [{ id: b!.id, code: 'invalid_record', message: 'Observation refusée.' }] });
    const report = await runSync(deps);
    expect(report).toMatchObject({ synced: 1, failed: 1, waiting: 1, nextDue: null });
    expect(await entry(b!.id)).toMatchObject({ state: 'failed', lastError: { message: 'Observation refusée.' } });
    clock.advance(24 * 3600_000);
    await runSync(deps);
    expect(collector.calls).toHaveLength(1);
  });
});

describe('sync service', () => {
  beforeEach(() => fakeBrowser.reset());

  it('never runs two syncs at once and coalesces triggers into one more run', async () => {
    await storeObservations(1);
    await savePairing({ endpoint: 'http://127.0.0.1:9/exec', secret: SECRET });
    let active = 0;
    let maxActive = 0;
    const collector = fakeCollector();
    const send = async (p: unknown, r: Observation[]) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((res) => setTimeout(res, 10));
      active--;
      return collector.send(p, r);
    };
    const schedule = vi.fn(async () => {});
    const badge = vi.fn(async () => {});
    const service = createSyncService({
      store: localStore, send, now: Date.now, random: Math.random, lock: (_n, t) => t(), schedule, badge,
    });
    await Promise.all([service.syncNow(), service.syncNow(), service.syncNow(), service.syncNow()]);
    expect(maxActive).toBe(1);
    expect(collector.rows.size).toBe(1);
    expect(collector.calls).toHaveLength(1);
    expect(badge).toHaveBeenLastCalledWith(0);
    expect(schedule).toHaveBeenLastCalledWith(null, expect.any(Number));
  });
});
