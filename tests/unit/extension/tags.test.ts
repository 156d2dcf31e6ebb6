import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localStore } from '../../../extension/platform/local-storage';
import { refreshTags, tagSuggestions, tagsAreStale, tagsCacheFrom, withRecent, TAGS_MAX_AGE_MS } from '../../../extension/tags/tags';
import { RECENT_TAGS_KEY } from '../../../extension/store/keys';
import type { Pairing } from '../../../extension/pairing/pairing';

const pairing: Pairing = { id: 'p1', endpoint: 'http://127.0.0.1:9/exec', secret: 'a'.repeat(32), pairedAt: '2025-01-01T00:00:00.000Z' };
const tags = [
  { id: 'o1', label: 'Rompre l’isolement', kind: 'outcome' as const },
  { id: 'i1', label: 'Sorties par mois', kind: 'indicator' as const },
];

describe('tags for the « Thèmes » field', () => {
  beforeEach(() => fakeBrowser.reset());

  it('caches the registry’s outcomes and indicators for offline use and keeps the cache when the registry is down', async () => {
    const post = vi.fn().mockResolvedValueOnce({ ok: true, code: 'ok', tags }).mockResolvedValueOnce({ ok: false, code: 'network', message: 'x' });
    await refreshTags(localStore, pairing, post, 1000);
    expect(post).toHaveBeenCalledWith(pairing.endpoint, { v: 1, op: 'getTags', token: pairing.secret });
    expect(await refreshTags(localStore, pairing, post, 2000)).toBeNull();
    expect(tagsCacheFrom(await localStore.getAll())).toEqual({ pairingId: 'p1', fetchedAt: 1000, tags });
  });

  it('suggests recent tags first, then the registry’s, each once', async () => {
    await refreshTags(localStore, pairing, async () => ({ ok: true, code: 'ok', tags }), 0);
    await localStore.set({ [RECENT_TAGS_KEY]: withRecent(['Sorties par mois'], ['Confiance']) });
    expect(tagSuggestions(await localStore.getAll())).toEqual(['Confiance', 'Sorties par mois', 'Rompre l’isolement']);
  });

  it('refreshes after six hours or for another pairing', () => {
    const cache = { pairingId: 'p1', fetchedAt: 0, tags };
    expect(tagsAreStale(cache, pairing, TAGS_MAX_AGE_MS - 1)).toBe(false);
    expect(tagsAreStale(cache, pairing, TAGS_MAX_AGE_MS + 1)).toBe(true);
    expect(tagsAreStale(cache, { ...pairing, id: 'p2' }, 0)).toBe(true);
    expect(tagsAreStale(null, pairing, 0)).toBe(true);
  });
});
