import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAppsScriptServices, createEmptyWorkbook } from '../../../apps-script/local/emulator';
import { setup } from './helpers';

describe('PropertiesService', () => {
  it('stores strings, sets in bulk and deletes', () => {
    const { g } = setup();
    const p = g.PropertiesService.getScriptProperties();
    p.setProperty('a', '1');
    p.setProperties({ b: 2, c: 'x' });
    expect(p.getProperties()).toEqual({ a: '1', b: '2', c: 'x' });
    p.setProperties({ d: 'y' }, true);
    expect(p.getKeys()).toEqual(['d']);
    p.deleteProperty('d');
    expect(p.getProperty('d')).toBeNull();
    expect(g.PropertiesService.getDocumentProperties().getProperties()).toEqual({});
  });
  it('refuses a value over 9 KB like Google', () => {
    const { g } = setup();
    expect(() => g.PropertiesService.getUserProperties().setProperty('k', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
  });
});

describe('LockService', () => {
  it('fails tryLock and waitLock while a simulated other execution holds the lock', () => {
    const { g, services } = setup();
    services.locks.holdByOther('document');
    const lock = g.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(() => lock.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    services.locks.releaseOther('document');
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    g.LockService.getScriptLock().waitLock(10);
    services.locks.endExecution();
    expect(services.locks.state().script).toBeNull();
  });
});

describe('CacheService', () => {
  it('expires entries against the injected clock', () => {
    const { g, advance } = setup();
    const c = g.CacheService.getScriptCache();
    c.put('k', 'v', 60);
    c.putAll({ a: '1', b: '2' });
    expect(c.getAll(['a', 'b', 'z'])).toEqual({ a: '1', b: '2' });
    advance(59_000);
    expect(c.get('k')).toBe('v');
    advance(2_000);
    expect(c.get('k')).toBeNull();
    expect(() => c.put('k', 'v', 21_601)).toThrow();
    c.remove('a');
    expect(c.get('a')).toBeNull();
  });
});

describe('ContentService and HtmlService', () => {
  it('builds a JSON text output the host can serve', () => {
    const { g, services } = setup();
    const out = g.ContentService.createTextOutput('{"ok":true}').setMimeType(g.ContentService.MimeType.JSON);
    expect(out.getMimeType()).toBe(g.ContentService.MimeType.JSON);
    expect(services.describeOutput(out)).toEqual({ kind: 'text', content: '{"ok":true}', contentType: 'application/json' });
  });
  it('reads <name>.html from the html directory and records the sidebar and menus', () => {
    const dir = mkdtempSync(join(tmpdir(), 'repere-html-'));
    writeFileSync(join(dir, 'Sidebar.html'), '<p>Bonjour</p>');
    const services = createAppsScriptServices({ model: createEmptyWorkbook(), htmlDir: dir });
    const { HtmlService, SpreadsheetApp } = services.globals;
    const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Repère').setSandboxMode(HtmlService.SandboxMode.IFRAME);
    const ui = SpreadsheetApp.getUi();
    ui.showSidebar(html);
    ui.createMenu('Repère').addItem('Ouvrir', 'openSidebar').addSeparator().addToUi();
    expect(services.ui.sidebars).toEqual([{ title: 'Repère', html: '<p>Bonjour</p>' }]);
    expect(services.ui.menus[0]!.items).toEqual([{ caption: 'Ouvrir', functionName: 'openSidebar' }, { separator: true }]);
    expect(String(ui.alert('Titre', 'Sûr ?', ui.ButtonSet.YES_NO))).toBe('YES');
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow(/No HTML file named Missing/);
  });
});

describe('Utilities, Session, ScriptApp', () => {
  it('returns digests as signed bytes, like Java', () => {
    const { g } = setup();
    const bytes = g.Utilities.computeDigest(g.Utilities.DigestAlgorithm.SHA_256, 'abc');
    const expected = Array.from(createHash('sha256').update('abc').digest(), (b) => (b > 127 ? b - 256 : b));
    expect(bytes).toEqual(expected);
    expect(Math.min(...bytes)).toBeLessThan(0);
    const mac = g.Utilities.computeHmacSha256Signature('msg', 'key');
    expect(mac).toHaveLength(32);
  });
  it('base64-encodes strings and signed bytes and decodes to signed bytes', () => {
    const { g } = setup();
    expect(g.Utilities.base64Encode('é')).toBe('w6k=');
    expect(g.Utilities.base64Encode([-61, -87])).toBe('w6k=');
    expect(g.Utilities.base64Decode('w6k=')).toEqual([-61, -87]);
    expect(g.Utilities.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(g.Utilities.newBlob(g.Utilities.base64Decode('w6k=')).getDataAsString()).toBe('é');
  });
  it('decodes blobs in the usual charsets', () => {
    const { g } = setup();
    const U = g.Utilities;
    expect(U.newBlob([0xe9 - 256]).getDataAsString('ISO-8859-1')).toBe('é');
    expect(U.newBlob([0x80 - 256]).getDataAsString('windows-1252')).toBe('€');
    expect(U.newBlob([0x80 - 256]).getDataAsString('Cp1252')).toBe('€');
    expect(U.newBlob([0xe9 - 256, 0]).getDataAsString('UTF-16LE')).toBe('é');
    expect(U.newBlob([0, 0xe9 - 256]).getDataAsString('UTF-16BE')).toBe('é');
    expect(U.newBlob([-1, -2, 0xe9 - 256, 0]).getDataAsString('UTF-16')).toBe('é');
    expect(U.newBlob('ok', 'text/plain', 'a.txt').getBytes()).toEqual([111, 107]);
  });
  it('formats dates with Java patterns in a time zone', () => {
    const { g } = setup();
    const d = new Date('2024-07-01T22:05:09Z');
    expect(g.Utilities.formatDate(d, 'Europe/Paris', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2024-07-02T00:05:09');
    expect(g.Utilities.formatDate(d, 'UTC', 'dd/MM/yy HH:mm')).toBe('01/07/24 22:05');
  });
  it('uses the injected uuid, user, URL and time zone', () => {
    const { g, services } = setup();
    expect(g.Utilities.getUuid()).toBe('uuid-1');
    expect(g.Session.getActiveUser().getEmail()).toBe('lea@example.org');
    expect(g.Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(g.Session.getActiveUserLocale()).toBe('fr');
    expect(g.ScriptApp.getService().getUrl()).toBe('http://127.0.0.1:8080/exec');
    expect(String(g.ScriptApp.AuthMode.NONE)).toBe('NONE');
    g.Utilities.sleep(500);
    expect(services.sleptMs()).toBe(500);
    g.Logger.log('n=%s', 3);
    expect(services.logs).toEqual(['n=3']);
  });
});
