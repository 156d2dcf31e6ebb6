import { readdirSync, readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const code = readFileSync('dist/apps-script/Code.js', 'utf8');
const manifest = JSON.parse(readFileSync('dist/apps-script/appsscript.json', 'utf8')) as Record<string, unknown>;

/** A context like Apps Script's V8 at load time: no browser or Node globals, no eval, and no services at all. */
function bareContext(): vm.Context {
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext(code, context);
  return context;
}

/** Every function name the sidebar's code asks google.script.run for. */
function sidebarCalls(): string[] {
  const names = new Set<string>();
  const files = readdirSync('apps-script/ui', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    for (const match of readFileSync(`apps-script/ui/${file}`, 'utf8').matchAll(/\bcall\(\s*'(\w+)'/g)) names.add(match[1]!);
  }
  return [...names];
}

describe('the built Code.js', () => {
  it('has no module syntax', () => {
    expect(code.match(/^\s*(import|export)\s.*/m)).toBeNull();
  });

  it('loads in a bare V8 context without touching any service (the menu must build in AuthMode.NONE)', () => {
    expect(() => bareContext()).not.toThrow();
  });

  it('exposes as top-level functions every entry point Google, the menu and the sidebar call', () => {
    const context = bareContext();
    const calledBySidebar = sidebarCalls();
    expect(calledBySidebar.length).toBeGreaterThan(2);
    const menuTargets = [...code.matchAll(/addItem\([^,]+,\s*["'](\w+)["']\)/g)].map((m) => m[1]!);
    expect(menuTargets).toContain('showSidebar');
    for (const fn of ['onOpen', 'onInstall', 'doGet', 'doPost', ...menuTargets, ...calledBySidebar]) {
      expect(vm.runInContext(`typeof ${fn}`, context), fn).toBe('function');
    }
  });

  it('exposes to google.script.run exactly the entry points main.ts exports, nothing internal', () => {
    const main = readFileSync('apps-script/server/main.ts', 'utf8');
    const exported = [...main.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((n) => n.trim()).filter(Boolean));
    const topLevel = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]!);
    expect(topLevel.sort()).toEqual(exported.sort());
    expect(topLevel.some((name) => name.endsWith('_'))).toBe(false);
  });

  it('uses none of the services whose scope the manifest does not grant', () => {
    for (const service of ['DriveApp', 'GmailApp', 'Sheets.', 'ScriptApp.newTrigger', 'DocumentApp']) expect(code).not.toContain(service);
  });

  it('calls out only to publish to the coordinator of a cohort, from one module', () => {
    // script.external_request is granted for that alone: every UrlFetchApp call is in apps-script/server/cohort/fetch.ts.
    const calls = [...code.matchAll(/UrlFetchApp\.(\w+)/g)].map((m) => m[1]);
    expect(calls).toEqual(['fetch']);
    const sources = ['apps-script/server', 'shared']
      .flatMap((dir) => (readdirSync(dir, { recursive: true }) as string[]).map((file) => `${dir}/${file}`))
      .filter((file) => file.endsWith('.ts') && /UrlFetchApp\./.test(readFileSync(file, 'utf8')));
    expect(sources).toEqual(['apps-script/server/cohort/fetch.ts']);
  });
});

describe('the manifest', () => {
  it('runs on V8 with the minimal scopes of ARCHITECTURE.md', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      // Only to make a Google Form from the registry (FormApp.create has no narrower scope).
      'https://www.googleapis.com/auth/forms',
      // Only for a member structure to publish its suppressed aggregates to its cohort's coordinator (UrlFetchApp).
      'https://www.googleapis.com/auth/script.external_request',
    ]);
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
  });
});

describe('the sidebar file', () => {
  const html = readFileSync('dist/apps-script/Sidebar.html', 'utf8');
  it('is one HTML file with its script and style inlined, loading nothing from elsewhere', () => {
    expect(html).not.toContain('/*JS*/');
    expect(html).not.toContain('/*CSS*/');
    expect(html.match(/<script[^>]+src=|<link[^>]+href=|@import|url\(\s*['"]?https?:/gi)).toBeNull();
  });
});
