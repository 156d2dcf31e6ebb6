/** The local page's assets: its HTML, its script (bundled on first request) and the sidebar with its bridge. */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Where the page and the sidebar read the server's per-run token, which they send with every call. */
const tokenMeta = (token: string) => `<meta name="repere-page-token" content="${token}" />`;

export function localPageHtml(pageToken: string): string {
  return readFileSync(here('./index.html'), 'utf8').replace('<head>', () => `<head>\n    ${tokenMeta(pageToken)}`);
}

let script: Promise<string> | undefined;
export function localPageScript(): Promise<string> {
  script ??= build({ entryPoints: [here('./local-page.ts')], bundle: true, write: false, format: 'iife', target: 'es2020', minify: true })
    .then((r) => r.outputFiles[0]!.text);
  return script;
}

/** The built Sidebar.html, with google.script.run provided before its own script runs. */
export function sidebarWithBridge(sidebarHtml: string, pageToken: string): string {
  const bridge = readFileSync(here('./bridge.js'), 'utf8');
  return sidebarHtml.replace('<head>', () => `<head>\n${tokenMeta(pageToken)}\n<script>${bridge}</script>`);
}
