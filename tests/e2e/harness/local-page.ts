/** The local page of a local registry, open in Chromium, with the sidebar's frame and the page errors collected. */
import type { FrameLocator, Page } from 'playwright-core';
import { launchChromium, type LaunchedChromium } from './chromium';
import type { LocalRepere } from './local-repere';

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
