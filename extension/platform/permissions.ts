// Thin adapter over browser.permissions: must be called synchronously inside the click handler (gesture rule).
import { browser } from 'wxt/browser';

/** Starts the request at once (no await before it) and resolves to whether the origins are granted. */
export function requestOrigins(origins: string[]): Promise<boolean> {
  try {
    return browser.permissions.request({ origins });
  } catch (err) {
    return Promise.reject(err);
  }
}

export async function releaseOrigins(origins: string[]): Promise<void> {
  try {
    await browser.permissions.remove({ origins });
  } catch {
    // Required (install-time) hosts cannot be removed: nothing to do.
  }
}

/** Granting the endpoint resumes sending; withdrawing it stops sending. */
export function onPermissionsChange(handle: (granted: boolean) => void): void {
  browser.permissions.onAdded.addListener(() => handle(true));
  browser.permissions.onRemoved.addListener(() => handle(false));
}

export async function hasOrigins(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    return false;
  }
}
