// The folder boundaries of eslint.config.js still fire: small snippets, placed (by their file path) where a boundary
// forbids them, are linted through ESLint's Node API with the repository's own configuration.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The rules that fire on `code` placed at `filePath`. */
async function firing(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the boundaries between folders', () => {
  it.each([
    ['node:fs', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"],
    ['a bare Node built-in', "import { join } from 'path';\nexport const at = join;\n"],
    ['wxt/browser', "import { browser } from 'wxt/browser';\nexport const b = browser;\n"],
    ['the extension', "import { localStore } from '../../extension/platform/local-storage';\nexport const s = localStore;\n"],
    ['the Apps Script server', "import { bindTab } from '../../apps-script/server/registry';\nexport const b = bindTab;\n"],
    ['the local mode', "export type { LocalRegistry } from '../../apps-script/local/registry-host';\n"],
    ['another package than zod, papaparse and fflate', "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n"],
  ])('shared/ imports no platform: %s is refused', async (_what, code) => {
    expect(await firing('shared/indicators/example.ts', code)).toContain('no-restricted-imports');
  });

  it('shared/ may import zod, papaparse, fflate and other shared modules', async () => {
    const code = "import * as z from 'zod/mini';\nimport Papa from 'papaparse';\nimport { unzipSync } from 'fflate';\nimport { fold } from '../survey/values';\nexport const all = [z, Papa, unzipSync, fold];\n";
    expect(await firing('shared/indicators/example.ts', code)).toEqual([]);
  });

  it.each([
    ['SpreadsheetApp', 'export const ss = () => SpreadsheetApp.getActiveSpreadsheet();\n'],
    ['HtmlService', "export const page = () => HtmlService.createHtmlOutput('');\n"],
    ['document', "export const find = () => document.getElementById('x');\n"],
    ['window', 'export const width = () => window.innerWidth;\n'],
    ['browser', 'export const read = () => browser.storage.local.get(null);\n'],
    ['chrome', 'export const read = () => chrome.storage.local.get(null);\n'],
    ['process', 'export const env = () => process.env;\n'],
    ['setTimeout', 'export const later = (f: () => void) => setTimeout(f, 1);\n'],
  ])('shared/ uses no platform global: %s is refused', async (_what, code) => {
    expect(await firing('shared/stats/example.ts', code)).toContain('no-restricted-globals');
  });

  it('shared/ loads no module at run time', async () => {
    expect(await firing('shared/survey/example.ts', "export const load = () => import('./values');\n")).toContain('no-restricted-syntax');
  });

  it.each([
    ['apps-script/server/example.ts', '../local/bundle-runtime'],
    ['apps-script/ui/panels/example.ts', '../../local/bundle-runtime'],
  ])('%s never imports the local mode', async (filePath, module) => {
    const code = `import { loadBundle } from '${module}';\nexport const l = loadBundle;\n`;
    expect(await firing(filePath, code)).toContain('no-restricted-imports');
  });

  it('the extension never imports apps-script/', async () => {
    const code = "import { call } from '../../apps-script/ui/rpc';\nexport const c = call;\n";
    expect(await firing('extension/store/example.ts', code)).toContain('no-restricted-imports');
    expect(await firing('extension/platform/example.ts', code)).toContain('no-restricted-imports');
  });

  it('apps-script/ never imports the extension', async () => {
    const code = "import { localStore } from '../../extension/platform/local-storage';\nexport const s = localStore;\n";
    expect(await firing('apps-script/server/example.ts', code)).toContain('no-restricted-imports');
    expect(await firing('apps-script/local/example.ts', code)).toContain('no-restricted-imports');
  });

  it.each([
    ['the browser global', "export const read = () => browser.storage.local.get(null);\n", 'no-restricted-globals'],
    ['the chrome global', "export const read = () => chrome.storage.local.get(null);\n", 'no-restricted-globals'],
    ['wxt/browser', "import { browser } from 'wxt/browser';\nexport const b = browser;\n", 'no-restricted-imports'],
    ['WXT’s auto-import', "import { browser } from '#imports';\nexport const b = browser;\n", 'no-restricted-imports'],
  ])('browser.* is used only in extension/platform/: %s elsewhere is refused', async (_what, code, rule) => {
    expect(await firing('extension/ui/sidepanel/example.ts', code)).toContain(rule);
    expect(await firing('extension/entrypoints/background/index.ts', code)).toContain(rule);
    expect(await firing('extension/platform/example.ts', code)).toEqual([]);
  });
});

describe('the basic rules', () => {
  it('refuse an unused variable and an explicit any', async () => {
    expect(await firing('shared/indicators/example.ts', 'const unused = 1;\n')).toContain('@typescript-eslint/no-unused-vars');
    expect(await firing('apps-script/server/example.ts', 'export const x = (v: any) => v;\n')).toContain('@typescript-eslint/no-explicit-any');
  });

  it.each(['shared/survey/example.ts', 'apps-script/server/example.ts', 'apps-script/ui/panels/example.ts', 'apps-script/local/example.ts', 'extension/ui/example.ts'])(
    '%s writes no « (s) »: words agree with their count',
    async (filePath) => {
      expect(await firing(filePath, "export const said = (n: number) => `${n} réponse(s) lue(s)`;\n")).toContain('no-restricted-syntax');
      expect(await firing(filePath, "export const said = 'Aucune ligne(s)';\n")).toContain('no-restricted-syntax');
      expect(await firing(filePath, "export const said = (n: number) => `${n} ${n > 1 ? 'réponses' : 'réponse'}`;\n")).toEqual([]);
    },
  );
});
