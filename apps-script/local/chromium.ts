/**
 * Where Chromium is on this computer, looked up as the browser tests look it up: CHROME_PATH when it is set (and
 * nothing else then: a wrong path is said, not worked around), else Debian's Chromium. Never a downloaded browser.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.CHROME_PATH ? [env.CHROME_PATH] : CHROMIUM_CANDIDATES;
  return candidates.find((path) => existsSync(path)) ?? null;
}
