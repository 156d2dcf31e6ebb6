// Thin adapter over browser.runtime's lifecycle events, and the onboarding page the background opens at install.
import { browser } from 'wxt/browser';

/** After the extension is installed or updated (or the browser is): `firstInstall` only the very first time. */
export function onInstalled(handle: (firstInstall: boolean) => void): void {
  browser.runtime.onInstalled.addListener((details) => handle(details.reason === 'install'));
}

/** When the browser starts with the extension already installed. */
export function onBrowserStart(handle: () => void): void {
  browser.runtime.onStartup.addListener(handle);
}

export function openOnboarding(): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
}
