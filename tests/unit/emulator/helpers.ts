// Builds emulated services over a fresh workbook, with a fake clock and predictable uuids.
import { createAppsScriptServices, createEmptyWorkbook } from '../../../apps-script/local/emulator';

export function setup(options: { locale?: string } = {}) {
  const model = createEmptyWorkbook({ id: 'test-id', locale: options.locale ?? 'fr_FR' });
  let now = Date.UTC(2024, 0, 1);
  let n = 0;
  const services = createAppsScriptServices({
    model,
    now: () => new Date(now),
    uuid: () => `uuid-${++n}`,
    userEmail: 'lea@example.org',
    webAppUrl: 'http://127.0.0.1:8080/exec',
  });
  const g = services.globals;
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0]!;
  return { model, services, g, ss, sheet, advance: (ms: number) => (now += ms) };
}
