/** The local page's assets: its HTML, its script (built by `npm run build:local`) and the sidebar with its bridge. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_LOCAL, ROOT } from '../builds.mjs';

/** Read from the sources, from the CLI built in dist/local/ as from the TypeScript the tests run. */
const here = (file: string) => join(ROOT, 'apps-script/local/page', file);

/** Where the page and the sidebar read the server's per-run token, which they send with every call. */
const tokenMeta = (token: string) => `<meta name="repere-page-token" content="${token}" />`;

export function localPageHtml(pageToken: string): string {
  return readFileSync(here('index.html'), 'utf8').replace('<head>', () => `<head>\n    ${tokenMeta(pageToken)}`);
}

let script: string | undefined;
export function localPageScript(): string {
  script ??= readFileSync(join(DIST_LOCAL, 'local-page.js'), 'utf8');
  return script;
}

/** The built Sidebar.html, with google.script.run provided before its own script runs. */
export function sidebarWithBridge(sidebarHtml: string, pageToken: string): string {
  const bridge = readFileSync(here('bridge.js'), 'utf8');
  return sidebarHtml.replace('<head>', () => `<head>\n${tokenMeta(pageToken)}\n<script>${bridge}</script>`);
}
