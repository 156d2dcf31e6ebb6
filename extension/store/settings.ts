// Settings of this device (author, names to pseudonymise, URL handling): kept in storage.local, never synced.
import * as z from 'zod/mini';
import { SETTINGS_KEY } from './keys';
import { localStore, type KeyValueStore } from '../platform/local-storage';

export const Settings = z.object({
  author: z.string().check(z.maxLength(100)),
  /** People supported and their relatives: always replaced by a placeholder before anything is sent. */
  names: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(2000)),
  /** Keep the query string and fragment of captured pages (off by default: they often carry identifiers). */
  keepFullUrl: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { author: '', names: [], keepFullUrl: false };

export function settingsFrom(items: Record<string, unknown>): Settings {
  const parsed = Settings.safeParse(items[SETTINGS_KEY]);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function readSettings(store: KeyValueStore = localStore): Promise<Settings> {
  return settingsFrom(await store.get([SETTINGS_KEY]));
}

export async function saveSettings(settings: Settings, store: KeyValueStore = localStore): Promise<void> {
  await store.set({ [SETTINGS_KEY]: Settings.parse(settings) });
}

/** One name per line, trimmed, without blanks or duplicates. */
export function parseNameList(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((n) => n.trim()).filter((n) => n.length > 1))];
}
