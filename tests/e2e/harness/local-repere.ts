/**
 * The local registry for end-to-end tests: the real built Code.js over the emulation, served on 127.0.0.1 with a
 * random port, on a fresh workbook in a temporary folder, already set up. Tabs are read back from the saved .xlsx.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TAB_METADATA_KEY } from '../../../shared/contract/tabs';
import { sheetAsText } from '../../../apps-script/local/sheet-text';
import type { LocalServer } from '../../../apps-script/local/http-server';
import { openLocalMode } from '../../../apps-script/local/start';
import { loadWorkbook } from '../../../apps-script/local/workbook-file';

export interface LocalRepere {
  server: LocalServer;
  pageUrl: string;
  execUrl: string;
  connectionCode: string;
  workbookPath: string;
  /** The tab carrying `tabKey` metadata, as displayed text, header row first, read from the saved file. */
  readTab(tabKey: string): Promise<string[][]>;
  /** A tab by its name (several responses tabs share their tab key), as text. */
  readTabNamed(name: string): Promise<string[][]>;
  /** Types a value into a cell, as a person editing the spreadsheet would (no Repère code involved). */
  typeInto(tabName: string, row: number, column: number, value: string): void;
  /** Calls a function of the built bundle, as the sidebar's google.script.run does (failures throw). */
  call(fn: string, ...args: unknown[]): Promise<unknown>;
  stop(): Promise<void>;
}

/** `port` reopens a registry where a client already points (e.g. after stopping one to simulate an outage). */
export async function startLocalRepere(options: { workbook?: string; setup?: boolean; port?: number } = {}): Promise<LocalRepere> {
  const dir = mkdtempSync(join(tmpdir(), 'repere-e2e-'));
  const workbookPath = options.workbook ?? join(dir, 'registre.xlsx');
  const mode = await openLocalMode({ workbook: workbookPath, port: options.port ?? 0 });
  if (options.setup !== false) await mode.registry.callOrThrow('configureRegistry', [{ lang: 'fr' }]);
  return {
    server: mode.server,
    pageUrl: mode.server.url,
    execUrl: mode.server.execUrl,
    connectionCode: mode.connectionCode,
    workbookPath,
    async readTab(tabKey) {
      const model = await loadWorkbook(workbookPath);
      const meta = model.metadata.find((m) => m.key === TAB_METADATA_KEY && m.value === tabKey && m.location.type === 'SHEET');
      const sheetId = meta && meta.location.type === 'SHEET' ? meta.location.sheetId : -1;
      const sheet = model.sheets.find((s) => s.sheetId === sheetId);
      if (!sheet) return [];
      return sheetAsText(model, sheet);
    },
    async readTabNamed(name) {
      const model = await loadWorkbook(workbookPath);
      const sheet = model.sheets.find((s) => s.name === name);
      return sheet ? sheetAsText(model, sheet) : [];
    },
    typeInto(tabName, row, column, value) {
      const sheet = mode.registry.model.sheets.find((s) => s.name === tabName);
      if (!sheet) throw new Error(`no tab ${tabName}`);
      ((sheet.cells[row - 1] ??= [])[column - 1] ??= { v: null }).v = value;
    },
    call: (fn, ...args) => mode.registry.callOrThrow(fn, args),
    async stop() {
      await mode.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
