/**
 * Extension figures for `npm run bench`: how long the capture command takes to store its draft in real Chromium (the
 * built e2e extension, through its test hook), and the size of the background and of the side panel's JavaScript.
 * Expects `.output/chrome-mv3` and `.output/chrome-mv3-e2e` (builds them if missing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_EXTENSION_DIR, extensionWorker, launchChromium, type ExtensionWorkerScope } from '../e2e/harness/chromium';

export interface BenchResult {
  metric: string;
  value: number;
  unit: string;
  target: string;
}

const PROD_DIR = resolve('.output/chrome-mv3');
const RUNS = 10;

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function ensureBuilt(): void {
  if (!existsSync(join(PROD_DIR, 'background.js'))) execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  if (!existsSync(join(DEFAULT_EXTENSION_DIR, 'background.js'))) execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'ignore' });
}

/** The bytes of a page's module script and of every chunk it imports, each counted once. */
function pageScriptBytes(dir: string, page: string): number {
  const html = readFileSync(join(dir, page), 'utf8');
  const entry = /<script[^>]*type="module"[^>]*src="\/?([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`no module script in ${page}`);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)) visit(resolve(dirname(file), m[1]!));
  };
  visit(join(dir, entry));
  return [...seen].reduce((sum, f) => sum + statSync(f).size, 0);
}

async function captureMedianMs(): Promise<number> {
  const page = '<!doctype html><title>Bench</title><p id="q">Elle ressort le jeudi.<br>Ça lui fait du bien.</p>';
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser = await launchChromium({ extensionDir: DEFAULT_EXTENSION_DIR });
  try {
    const tab = await browser.context.newPage();
    const url = `http://127.0.0.1:${port}/`;
    await tab.goto(url);
    await tab.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('q')!);
      getSelection()!.addRange(range);
    });
    const worker = await extensionWorker(browser.context, browser.extensionId!);
    const times = await worker.evaluate(
      async ([target, runs]) => {
        const out: number[] = [];
        const api = globalThis as unknown as ExtensionWorkerScope;
        for (let i = 0; i < runs + 1; i++) {
          const start = performance.now();
          const draft = (await api.__repereTest.capture!(target)) as { id?: string } | null;
          const stored = await api.chrome.storage.local.get('draft');
          if (stored.draft?.id !== draft?.id) throw new Error('draft not stored');
          if (i > 0) out.push(performance.now() - start); // the first run warms up the injection path
        }
        return out;
      },
      [url, RUNS] as const,
    );
    times.sort((a, b) => a - b);
    return Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
  } finally {
    await browser.close();
    server.close();
  }
}

export async function benchExtension(): Promise<BenchResult[]> {
  ensureBuilt();
  return [
    { metric: 'extension.capture_ms', value: await captureMedianMs(), unit: 'ms', target: 'median of 10, capture command → draft stored' },
    { metric: 'extension.background_kb', value: kb(statSync(join(PROD_DIR, 'background.js')).size), unit: 'KB', target: '≤ 60' },
    { metric: 'extension.ui_kb', value: kb(pageScriptBytes(PROD_DIR, 'sidepanel.html')), unit: 'KB', target: '≤ 120' },
  ];
}
