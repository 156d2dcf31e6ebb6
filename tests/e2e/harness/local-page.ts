/** The local page of a local registry, open in Chromium, with the sidebar's frame and the page errors collected. */
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type LaunchedChromium } from './chromium';
import { startLocalRepere, type LocalRepere } from './local-repere';

export interface OpenPage {
  browser: LaunchedChromium;
  page: Page;
  sidebar: FrameLocator;
  /** Uncaught errors of the page: a test ends by expecting none. */
  errors: string[];
}

/**
 * `clock`: the page's timers on Playwright's clock (time still flows), so a test can bring the page's next look at the
 * file forward (`page.clock.fastForward`) instead of waiting for it.
 */
export async function openLocalPage(registry: LocalRepere, options: { args?: string[]; clock?: boolean } = {}): Promise<OpenPage> {
  const browser = await launchChromium(options);
  const page = await browser.context.newPage();
  if (options.clock) await page.clock.install();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(registry.pageUrl);
  return { browser, page, sidebar: page.frameLocator('#sidebar'), errors };
}

export interface LocalPageSession extends OpenPage {
  registry: LocalRepere;
}

/**
 * One local registry and its page for the tests of a file, started before them and closed after: `setup` as
 * startLocalRepere takes it, `prepare` fills the registry before the page opens on it, `page` as openLocalPage takes
 * it. The session's fields are there once the tests run (the sidebar's frame may be replaced after a reload).
 */
export function useLocalPage(options: { setup?: boolean; prepare?: (registry: LocalRepere) => Promise<void>; page?: Parameters<typeof openLocalPage>[1] } = {}): LocalPageSession {
  const session = {} as LocalPageSession;
  beforeAll(async () => {
    session.registry = await startLocalRepere({ setup: options.setup });
    await options.prepare?.(session.registry);
    Object.assign(session, await openLocalPage(session.registry, options.page));
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.registry?.stop();
  });
  return session;
}
