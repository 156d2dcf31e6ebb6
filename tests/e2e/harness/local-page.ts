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

export async function openLocalPage(registry: LocalRepere, options: { args?: string[] } = {}): Promise<OpenPage> {
  const browser = await launchChromium(options);
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(registry.pageUrl);
  return { browser, page, sidebar: page.frameLocator('#sidebar'), errors };
}
