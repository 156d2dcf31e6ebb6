// Thin adapter over browser.storage.local: the only way extension modules read and write persistent data.
import { browser } from 'wxt/browser';

export interface KeyValueStore {
  getAll(): Promise<Record<string, unknown>>;
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export const localStore: KeyValueStore = {
  getAll: () => browser.storage.local.get(null),
  get: (keys) => (keys.length === 0 ? Promise.resolve({}) : browser.storage.local.get(keys)),
  set: (items) => browser.storage.local.set(items),
  remove: (keys) => (keys.length === 0 ? Promise.resolve() : browser.storage.local.remove(keys)),
};

/** Each change to the local store, with the keys it touched (pages redraw, the background syncs). */
export function onLocalStoreChange(handle: (keys: string[]) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') handle(Object.keys(changes));
  });
}
