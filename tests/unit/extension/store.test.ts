import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listObservations, newObservation, saveObservation } from '../../../extension/store/observations';
import { Observation } from '../../../shared/observation/schema';
import { uuidFor } from './helpers';

describe('observation store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('builds a plain observation valid under the shared schema', () => {
    const made = newObservation('  Mme R. dit se sentir moins seule.  ', { now: () => new Date('2025-03-01T09:00:00Z') });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(Observation.parse(made.observation)).toEqual(made.observation);
    expect(made.observation).toMatchObject({
      kind: 'observation',
      text: 'Mme R. dit se sentir moins seule.',
      consent: null,
      scope: 'interne',
      tags: [],
      createdAt: '2025-03-01T09:00:00.000Z',
      updatedAt: '2025-03-01T09:00:00.000Z',
    });
  });

  it('refuses empty or blank text and text over the limit', () => {
    expect(newObservation('   \n ')).toEqual({ ok: false, reason: 'empty' });
    expect(newObservation('x'.repeat(10_001))).toEqual({ ok: false, reason: 'too_long' });
  });

  it('stores one key per record in storage.local, nothing in sync storage', async () => {
    const a = newObservation('un', { uuid: () => uuidFor(1) });
    const b = newObservation('deux', { uuid: () => uuidFor(2) });
    if (!a.ok || !b.ok) throw new Error('setup');
    await saveObservation(a.observation);
    await saveObservation(b.observation);
    const all = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(all).sort()).toEqual([`obs:${uuidFor(1)}`, `obs:${uuidFor(2)}`]);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect((await listObservations()).map((o) => o.text)).toEqual(['un', 'deux']);
  });

  it('never writes an invalid record and skips (without deleting) invalid stored entries', async () => {
    const made = newObservation('ok', { uuid: () => uuidFor(3) });
    if (!made.ok) throw new Error('setup');
    await expect(saveObservation({ ...made.observation, text: '' })).rejects.toThrow();
    await fakeBrowser.storage.local.set({ [`obs:${uuidFor(4)}`]: { id: uuidFor(4), text: 'broken' } });
    expect(await listObservations()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(`obs:${uuidFor(4)}`)).not.toEqual({});
  });
});
