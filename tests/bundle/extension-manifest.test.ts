// The built extensions ask for the least: the permissions issue 6 lists, no host permission at install, no content
// script on every page, the collector's hosts only as optional; no test hook and no remote code in production.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The manifest fields these tests read. */
interface Manifest {
  manifest_version: number;
  permissions: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
  default_locale?: string;
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: unknown } };
}

const manifest = (target: string) => JSON.parse(readFileSync(`.output/${target}/manifest.json`, 'utf8')) as Manifest;
const scripts = (target: string) =>
  (readdirSync(`.output/${target}`, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.js')).map((f) => readFileSync(`.output/${target}/${f}`, 'utf8'));

describe('the production extension', () => {
  it('asks only for the permissions capture and sync need (Chrome)', () => {
    const m = manifest('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.content_scripts).toBeUndefined();
    expect(m.optional_host_permissions).toEqual(['https://script.google.com/*', 'https://script.googleusercontent.com/*', 'http://127.0.0.1/*']);
    expect(m.default_locale).toBe('fr');
  });

  it('declares its Gecko id and data collection for Firefox, with the same least permissions', () => {
    const m = manifest('firefox-mv3');
    expect(m.browser_specific_settings?.gecko?.id).toMatch(/@/);
    expect(m.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.content_scripts).toBeUndefined();
  });

  it('ships no test hook, no eval and no remote script', () => {
    for (const target of ['chrome-mv3', 'firefox-mv3']) {
      const code = scripts(target).join('\n');
      expect(code.includes('__repereTest')).toBe(false);
      expect(code.match(/\beval\(|new Function\(/g)).toBeNull();
      expect(code.match(/importScripts\(\s*['"]https?:/g)).toBeNull();
    }
  });
});
