/** Builds what the local mode needs and is missing: the Apps Script bundle, and the unpacked Chrome extension. */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST_APPS_SCRIPT = `${ROOT}dist/apps-script`;
export const EXTENSION_DIR = `${ROOT}.output/chrome-mv3`;

function runBuild(what: string, script: string): void {
  console.log(`Construction de ${what}…`);
  execSync(`npm run --silent ${script}`, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function ensureBuilt(options: { extension: boolean }): Promise<void> {
  if (!existsSync(`${DIST_APPS_SCRIPT}/Code.js`) || !existsSync(`${DIST_APPS_SCRIPT}/Sidebar.html`)) {
    runBuild('l’Apps Script (dist/apps-script)', 'build:apps-script');
  }
  if (options.extension && !existsSync(`${EXTENSION_DIR}/manifest.json`)) runBuild('l’extension (.output/chrome-mv3)', 'build:extension');
}
