// Launches Debian's Chromium through playwright-core, optionally with the built extension loaded (fresh profile).
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { findChromium } from '../../../apps-script/local/chromium';

export interface LaunchedChromium {
  context: BrowserContext;
  /** Set when an extension was loaded. */
  extensionId?: string;
  /** The extension's service worker (re-read it after stopping workers: the old handle may hang). */
  worker?: Worker;
  close(): Promise<void>;
}

export const DEFAULT_EXTENSION_DIR = path.resolve('.output/chrome-mv3-e2e');

/** `args`: extra Chromium switches (e.g. --host-resolver-rules to give a test site a name). */
export async function launchChromium(opts: { extensionDir?: string; args?: string[] } = {}): Promise<LaunchedChromium> {
  const ext = opts.extensionDir ? path.resolve(opts.extensionDir) : undefined;
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium() ?? '/usr/lib/chromium/chromium',
    headless: true,
    // The extension's language follows the browser's: tests run the French interface users get first.
    locale: 'fr-FR',
    // On Linux, Chromium takes its own language (the service worker's navigator.language) from the environment.
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
    args: [
      '--lang=fr-FR',
      ...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []),
      '--no-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      // Without a GPU, headless Chromium 156 paces frames by a vsync that comes once a second while a text field has
      // the focus: every requestAnimationFrame, so every Playwright action's « stable » check, took 1 to 2 s.
      '--disable-frame-rate-limit',
      ...(opts.args ?? []),
    ],
  });
  let worker: Worker | undefined;
  let extensionId: string | undefined;
  if (ext) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return { context, extensionId, worker, close: () => context.close() };
}

/** The extension's live service worker (after a restart, the newest one). */
export async function extensionWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const live = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  return live.at(-1) ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
}

/** The fields tests read from stored items (observations, outbox entries, the draft). */
export interface StoredItem {
  id?: string;
  state?: string;
  text?: string;
}

/**
 * What a test reaches inside the e2e build's worker through Worker.evaluate: the test hook the background installs in
 * e2e mode, and the few chrome.* calls the tests make. Functions passed to evaluate run there, so they name this type
 * with a cast of globalThis (erased at compile time) rather than calling a helper.
 */
export interface ExtensionWorkerScope {
  __repereTest: Record<string, (arg?: unknown) => Promise<unknown>>;
  chrome: {
    storage: { local: { get(keys: string | null): Promise<Record<string, StoredItem | undefined>>; set(items: Record<string, unknown>): Promise<void> } };
    contextMenus: { update(id: string, properties: object): Promise<void> };
    commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
  };
}
