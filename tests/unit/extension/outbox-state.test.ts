import { describe, expect, it } from 'vitest';
import { t } from '../../../extension/i18n';
import {
  applyResult,
  backoffDelay,
  BASE_DELAY_MS,
  earliestDue,
  freshEntry,
  MAX_DELAY_MS,
  recoverInflight,
  resetForNewPairing,
  selectBatch,
  waitingCount,
  type OutboxEntry,
} from '../../../extension/outbox/state';

const NOW = 1_000_000;
const half = () => 0.5;

describe('backoff', () => {
  it('stays within min(6 h, 30 s · 2^n) · [0.5, 1.5)', () => {
    for (let n = 0; n < 20; n++) {
      const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** n);
      expect(backoffDelay(n, () => 0)).toBe(base * 0.5);
      expect(backoffDelay(n, () => 0.999999)).toBeLessThan(base * 1.5);
      expect(backoffDelay(n, () => 0.999999)).toBeGreaterThan(base * 1.49);
      const r = Math.random();
      const d = backoffDelay(n, () => r);
      expect(d).toBeGreaterThanOrEqual(base * 0.5);
      expect(d).toBeLessThan(base * 1.5 + 1);
    }
    expect(backoffDelay(0, half)).toBe(30_000);
    expect(backoffDelay(3, half)).toBe(240_000);
    expect(backoffDelay(50, half)).toBe(MAX_DELAY_MS);
  });
});

describe('batch selection', () => {
  const entries = (n: number): OutboxEntry[] => Array.from({ length: n }, (_, i) => freshEntry(`id-${i}`));

  it('takes at most the batch size, oldest first, only due pending entries', () => {
    const all = entries(120);
    all[0] = { ...all[0]!, nextAttemptAt: NOW + 1 };
    all[1] = { ...all[1]!, state: 'synced' };
    all[2] = { ...all[2]!, state: 'failed' };
    const batch = selectBatch(all, NOW, 50);
    expect(batch).toHaveLength(50);
    expect(batch[0]!.id).toBe('id-3');
  });

  it('puts inflight entries back to pending without touching attempts', () => {
    const e = { ...freshEntry('a'), state: 'inflight' as const, attempts: 3 };
    expect(recoverInflight([e, freshEntry('b')], NOW)).toEqual([{ ...e, state: 'pending', updatedAt: NOW }]);
  });
});

describe('applying an answer', () => {
  const batch = [freshEntry('a'), freshEntry('b'), freshEntry('c'), freshEntry('d')].map((e) => ({ ...e, state: 'inflight' as const }));

  it('marks accepted and duplicates synced, rejected failed with the reason, the unconfirmed retried', () => {
    const applied = applyResult(
      batch,
      { ok: true, code: 'ok', accepted: ['a'], duplicates: ['b'], rejected: [{ id: 'c', code: 'invalid_record', message: 'Observation refusée : texte.' }] },
      NOW,
      half,
    );
    expect(applied.outcome).toBe('sent');
    const [a, b, c, d] = applied.updates;
    expect(a).toMatchObject({ state: 'synced', syncedAt: NOW, lastError: null });
    expect(b).toMatchObject({ state: 'synced' });
    expect(c).toMatchObject({ state: 'failed', lastError: { code: 'invalid_record', message: 'Observation refusée : texte.' } });
    expect(d).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: NOW + 30_000, lastError: { code: 'not_confirmed' } });
  });

  it.each(['not_json', 'busy', 'rate_limited', 'internal', 'network', 'timeout'] as const)('retries on %s with backoff', (code) => {
    const applied = applyResult(batch, { ok: false, code, message: 'x' }, NOW, half);
    expect(applied.outcome).toBe('retry');
    for (const e of applied.updates) {
      expect(e).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: NOW + 30_000 });
      expect(e.lastError?.code).toBe(code);
    }
    if (code === 'not_json') expect(applied.error?.message).toContain('ne répond pas comme un registre Repère');
  });

  it('stops on unauthorized and keeps every record pending', () => {
    const applied = applyResult(batch, { ok: false, code: 'unauthorized' }, NOW, half);
    expect(applied.outcome).toBe('unauthorized');
    expect(applied.error?.message).toBe(t.outbox.unauthorized);
    expect(applied.updates.every((e) => e.state === 'pending' && e.attempts === 0)).toBe(true);
  });
});

describe('scheduling and counts', () => {
  it('finds the earliest due pending entry and counts what is not synced', () => {
    const list: OutboxEntry[] = [
      { ...freshEntry('a'), nextAttemptAt: NOW + 500 },
      { ...freshEntry('b'), nextAttemptAt: NOW + 100 },
      { ...freshEntry('c'), state: 'synced' },
      { ...freshEntry('d'), state: 'failed' },
    ];
    expect(earliestDue(list)).toBe(NOW + 100);
    expect(waitingCount(list)).toBe(3);
    expect(earliestDue([{ ...freshEntry('c'), state: 'synced' }])).toBeNull();
  });

  it('a new pairing makes pending and failed entries due at once', () => {
    const list: OutboxEntry[] = [
      { ...freshEntry('a'), attempts: 4, nextAttemptAt: NOW + 500, lastError: { code: 'busy', message: 'x' } },
      { ...freshEntry('b'), state: 'failed', attempts: 1, lastError: { code: 'invalid_record', message: 'y' } },
      { ...freshEntry('c'), state: 'synced' },
    ];
    const reset = resetForNewPairing(list, NOW);
    expect(reset.map((e) => [e.id, e.state, e.attempts, e.nextAttemptAt, e.lastError])).toEqual([
      ['a', 'pending', 0, 0, null],
      ['b', 'pending', 0, 0, null],
    ]);
  });
});
