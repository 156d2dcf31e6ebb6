/**
 * The local registry for end-to-end tests: the real built Code.js over the emulation, served on 127.0.0.1 with a
 * random port, on a fresh workbook in a temporary folder, already set up. Tabs are read back from the saved .xlsx.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TAB_METADATA_KEY } from '../../../shared/contract/tabs';
import { displayValue } from '../../../apps-script/local/emulator/coercion';
import { openLocalMode } from '../../../apps-script/local/start';
import { loadWorkbook } from '../../../apps-script/local/workbook-file';

export interface LocalRepere {
  pageUrl: string;
  execUrl: string;
  connectionCode: string;
  workbookPath: string;
  /** The tab carrying `tabKey` metadata, as displayed text, header row first, read from the saved file. */
  readTab(tabKey: string): Promise<string[][]>;
  stop(): Promise<void>;
}

export async function startLocalRepere(options: { workbook?: string; setup?: boolean } = {}): Promise<LocalRepere> {
  const dir = mkdtempSync(join(tmpdir(), 'repere-e2e-'));
  const workbookPath = options.workbook ?? join(dir, 'registre.xlsx');
  const mode = await openLocalMode({ workbook: workbookPath, port: 0 });
  if (options.setup !== false) await mode.registry.callOrThrow('configureRegistry', [{ lang: 'fr' }]);
  return {
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
      return Array.from(sheet.cells, (row) => Array.from(row ?? [], (cell) => (cell ? displayValue(cell.v, cell.fmt, model.locale, model.timeZone) : '')));
    },
    async stop() {
      await mode.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
