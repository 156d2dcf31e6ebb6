/** The built Code.js over the emulated services on an in-memory workbook, called the way Google calls it. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { loadBundle, type BundleRuntime } from '../../apps-script/local/bundle-runtime';
import { createEmptyWorkbook, type FetchTransport, type WorkbookModel } from '../../apps-script/local/emulator';
import { toWire } from '../../apps-script/local/script-run-wire';
import type { EndpointAnswer } from '../../shared/protocol/endpoint';
import type * as CohortApi from '../../apps-script/server/cohort/api';
import type * as ExchangeApi from '../../apps-script/server/exchange-api';
import type * as ImportApi from '../../apps-script/server/import-api';
import type * as QuestionnaireApi from '../../apps-script/server/questionnaire-api';
import type * as ReportApi from '../../apps-script/server/report-api';
import type * as SidebarApi from '../../apps-script/server/sidebar-api';

/** The functions the sidebar calls, typed from the server modules as the sidebar's rpc.ts does. */
type Api = typeof SidebarApi & typeof ImportApi & typeof QuestionnaireApi & typeof ReportApi & typeof CohortApi & typeof ExchangeApi;
type ApiName = keyof Api & string;

export const CODE = readFileSync('dist/apps-script/Code.js', 'utf8');
export const WEB_APP_URL = 'https://script.google.com/macros/s/AKfycbTEST/exec';

export interface TestRegistry extends BundleRuntime {
  model: WorkbookModel;
  /** A google.script.run call: plain data in and out. */
  run<K extends ApiName>(fn: K, ...args: Parameters<Api[K]>): ReturnType<Api[K]>;
  /** The import transaction's calls, as shared/survey/mapping-run's importServer makes them. */
  importCall(fn: ApiName, arg: unknown): Promise<unknown>;
  /** A web-app POST, answered as JSON. */
  post(body: unknown): EndpointAnswer;
  /** The values of a tab found by its metadata, header row first. */
  tab(key: string): unknown[][];
}

/** `fetch`: where UrlFetchApp's requests go (another test registry's doPost, for a cohort); by default nowhere. */
export function testRegistry(model: WorkbookModel = createEmptyWorkbook({ name: 'Registre test' }), webAppUrl = WEB_APP_URL, fetch?: FetchTransport): TestRegistry {
  const runtime = loadBundle({ model, code: CODE, htmlDir: 'dist/apps-script', webAppUrl, ...(fetch && { fetch }) });
  const registry: TestRegistry = {
    ...runtime,
    model,
    run: <K extends ApiName>(fn: K, ...args: Parameters<Api[K]>) => toWire(runtime.entry(fn)(...(toWire(args) as unknown[]))) as ReturnType<Api[K]>,
    importCall: async (fn, arg) => toWire(runtime.entry(fn)(toWire(arg))),
    post(body) {
      const contents = typeof body === 'string' ? body : JSON.stringify(body);
      const output = runtime.services.describeOutput(runtime.entry('doPost')({ postData: { contents, type: 'text/plain', length: contents.length, name: 'postData' }, parameter: {} }));
      expect(output?.kind).toBe('text');
      return JSON.parse(output!.content) as EndpointAnswer;
    },
    tab(key) {
      const meta = model.metadata.find((m) => m.key === 'repere:tab' && m.value === key && m.location.type === 'SHEET');
      const sheet = model.sheets.find((s) => meta?.location.type === 'SHEET' && s.sheetId === meta.location.sheetId);
      if (!sheet) return [];
      const ss = runtime.services.globals.SpreadsheetApp.getActiveSpreadsheet();
      const live = ss.getSheetByName(sheet.name)!;
      const rows = live.getLastRow();
      const cols = live.getLastColumn();
      return rows === 0 ? [] : (live.getRange(1, 1, rows, cols).getValues() as unknown[][]);
    },
  };
  return registry;
}

/** The reply of a call that must succeed, narrowed to its success type (the test fails otherwise). */
export function succeeded<T extends { ok: boolean }>(reply: T): Extract<T, { ok: true }> {
  expect(reply).toMatchObject({ ok: true });
  return reply as Extract<T, { ok: true }>;
}

/** The reply of a call that must fail, narrowed to its failure type (the test fails otherwise). */
export function failed<T extends { ok: boolean }>(reply: T): Extract<T, { ok: false }> {
  expect(reply).toMatchObject({ ok: false });
  return reply as Extract<T, { ok: false }>;
}
