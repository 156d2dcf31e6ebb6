/**
 * The builds the local mode runs, and when each is stale: when one of its outputs is missing, or older than the newest
 * file among its inputs (every file under its source folders, its build script and package-lock.json), as make
 * decides. `npx repere` and `npm start` rebuild what is stale before running, so a developer never runs code older than
 * its sources; a fresh build costs only the stat of a few hundred files. Plain JavaScript: bin/repere.mjs checks the
 * local build with it before anything is built.
 */
import { execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. The built CLI (dist/local/repere.mjs) sits at the same depth as this folder, so it holds there too. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * @typedef {object} Build
 * @property {string} what - what is built, as the notice says it (« Construction du mode local… »)
 * @property {string} script - the npm script that builds it
 * @property {string[]} inputs - folders and files (from the root) whose changes make it stale
 * @property {string[]} outputs - the files it writes (from the root)
 */

/** @type {Build} The CLI, the emulation and the local server in one module for Node, and the local page's script. */
export const LOCAL_BUILD = {
  what: 'du mode local (dist/local)',
  script: 'build:local',
  inputs: ['apps-script/local', 'shared', 'scripts/build-local.mjs', 'package-lock.json'],
  outputs: ['dist/local/repere.mjs', 'dist/local/local-page.js'],
};

/** @type {Build} */
export const APPS_SCRIPT_BUILD = {
  what: 'de l’Apps Script (dist/apps-script)',
  script: 'build:apps-script',
  inputs: ['apps-script/server', 'apps-script/ui', 'apps-script/appsscript.json', 'shared', 'scripts/build-apps-script.ts', 'package-lock.json'],
  outputs: ['dist/apps-script/Code.js', 'dist/apps-script/Sidebar.html', 'dist/apps-script/appsscript.json'],
};

/** @type {Build} The unpacked Chrome extension that `repere start` tells the person to load. */
export const EXTENSION_BUILD = {
  what: 'de l’extension (.output/chrome-mv3)',
  script: 'build:extension',
  inputs: ['extension', 'shared', 'public', 'wxt.config.ts', 'package-lock.json'],
  outputs: ['.output/chrome-mv3/manifest.json'],
};

export const DIST_APPS_SCRIPT = join(ROOT, 'dist/apps-script');
export const DIST_LOCAL = join(ROOT, 'dist/local');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');

/**
 * The newest modification time of a file or of any file under a folder (0 if it does not exist).
 * @param {string} path
 * @returns {number}
 */
function newestUnder(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestUnder(join(path, name)));
  return newest;
}

/**
 * @param {Build} build
 * @param {string} [root]
 * @returns {boolean}
 */
export function isStale(build, root = ROOT) {
  let oldestOutput = Number.POSITIVE_INFINITY;
  for (const output of build.outputs) {
    try {
      oldestOutput = Math.min(oldestOutput, statSync(join(root, output)).mtimeMs);
    } catch {
      return true;
    }
  }
  return build.inputs.some((input) => newestUnder(join(root, input)) > oldestOutput);
}

/**
 * Builds `build` if it is stale. The notice goes to stderr, so that a command's output (`--json`) stays clean.
 * @param {Build} build
 */
export function ensureFresh(build) {
  if (!isStale(build)) return;
  process.stderr.write(`Construction ${build.what}…\n`);
  execSync(`npm run --silent ${build.script}`, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
