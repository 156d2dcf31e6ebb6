/**
 * Runs the built Code.js in node:vm over the emulated Apps Script services and a local .xlsx workbook: one call at a
 * time (like the script lock), each call that changed the workbook followed by an atomic save.
 */
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import { loadBundle, type BundleRuntime } from './bundle-runtime';
import type { WorkbookModel } from './emulator';
import { parseA1 } from './emulator/a1';
import { getCell, lastColumn, lastRow, touch } from './emulator/model';
import { DIST_APPS_SCRIPT } from './builds.mjs';
import { toWire } from './script-run-wire';
import { UserError } from './user-error';
import { sheetAsText } from './sheet-text';
import { readUserProperties, writeUserProperties } from './user-properties';
import { loadWorkbook, saveWorkbook } from './workbook-file';

export type RpcReply = { ok: true; value: unknown } | { ok: false; error: string };

export interface WorkbookView {
  path: string;
  /** The selection the script made (a problem's « go to cell »), for the page to show. */
  active: { sheet: string; cell: string } | null;
  sheets: Array<{ name: string; hidden: boolean; rows: string[][] }>;
}

export interface ChartsView {
  sheets: Array<{ name: string; charts: Array<{ chartId: number; type: string; options: Record<string, unknown>; table: Array<Array<string | number | null>> }> }>;
}

export interface OpenOptions {
  workbookPath: string;
  /** What ScriptApp.getService().getUrl() answers: the local collector's /exec. */
  webAppUrl: string;
  /** Folder holding Code.js and Sidebar.html (default: dist/apps-script). */
  distDir?: string;
}

export class LocalRegistry {
  private runtime!: BundleRuntime;
  private queue: Promise<unknown> = Promise.resolve();
  /** The user properties as last written to the person's store (the store object is replaced on every change). */
  private storedUserProperties: Record<string, string> | null = null;

  private constructor(
    readonly workbookPath: string,
    readonly model: WorkbookModel,
    private readonly distDir: string,
    private readonly code: string,
    webAppUrl: string,
  ) {
    this.boot(webAppUrl);
  }

  static async open(options: OpenOptions): Promise<LocalRegistry> {
    const distDir = options.distDir ?? DIST_APPS_SCRIPT;
    const path = resolve(options.workbookPath);
    const code = readFileSync(`${distDir}/Code.js`, 'utf8');
    const isNew = !existsSync(path);
    let model: WorkbookModel;
    try {
      model = await loadWorkbook(path);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(
        `« ${path} » n’est pas un classeur .xlsx lisible (${(error as Error).message.split(' : ')[0]}). ` +
          'Indiquez un autre fichier avec --workbook, ou ouvrez celui-ci dans LibreOffice ou Excel et enregistrez-le au format .xlsx.',
      );
    }
    // A new local registry is named after its file, as a Google spreadsheet is named by its title.
    if (isNew) model.name = basename(path).replace(/\.xlsx$/i, '');
    // User properties found in the file (saved by an older Repère) move to the person's store and out of the file.
    const inFile = model.properties.user;
    model.properties.user = { ...inFile, ...readUserProperties(model.id) };
    const registry = new LocalRegistry(path, model, distDir, code, options.webAppUrl);
    if (Object.keys(inFile).length > 0) touch(model);
    else registry.storedUserProperties = model.properties.user;
    return registry;
  }

  /** A fresh context, as each Apps Script execution gets: no state survives between boots but the workbook's. */
  private boot(webAppUrl: string): void {
    // The Journal says who did what: in local mode, the person logged in on this computer.
    this.runtime = loadBundle({ model: this.model, code: this.code, htmlDir: this.distDir, webAppUrl, userEmail: `${userInfo().username} (mode local)` });
  }

  /** The collector's URL is known once the server listens (port 0 in tests). */
  setWebAppUrl(url: string): void {
    this.boot(url);
  }

  get calls() {
    return this.runtime.services.calls;
  }

  /** Runs `work` after every earlier call has finished and been saved. */
  private serialised<T>(work: () => T): Promise<T> {
    const run = this.queue.then(async () => {
      const result = work();
      if (this.model.properties.user !== this.storedUserProperties) {
        writeUserProperties(this.model.id, this.model.properties.user);
        this.storedUserProperties = this.model.properties.user;
      }
      if (this.model.dirty) await saveWorkbook(this.model, this.workbookPath);
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A google.script.run call: arguments and result cross as plain data, failures come back as messages. */
  call(fn: string, args: unknown[]): Promise<RpcReply> {
    return this.serialised((): RpcReply => {
      try {
        if (fn.endsWith('_')) throw new Error(`Script function not found: ${fn}`);
        const input = toWire(args) as unknown[];
        return { ok: true, value: toWire(this.runtime.entry(fn)(...input)) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    });
  }

  /** Like call, but for the CLI: a failure is an internal error. */
  async callOrThrow(fn: string, args: unknown[]): Promise<unknown> {
    const reply = await this.call(fn, args);
    if (!reply.ok) throw new Error(`${fn} : ${reply.error}`);
    return reply.value;
  }

  /** The web app's doPost: what Google would serve, or its HTML error page when the script throws. */
  doPost(body: string, contentType: string): Promise<string> {
    return this.serialised(() => this.serve('doPost', { postData: { contents: body, type: contentType, length: body.length, name: 'postData' }, parameter: {}, parameters: {}, contextPath: '', contentLength: body.length, queryString: '' }));
  }

  doGet(): Promise<string> {
    return this.serialised(() => this.serve('doGet', { parameter: {}, parameters: {}, contextPath: '', contentLength: -1, queryString: '' }));
  }

  private serve(fn: 'doGet' | 'doPost', event: unknown): string {
    try {
      const output = this.runtime.services.describeOutput(this.runtime.entry(fn)(event));
      return output ? output.content : '<!DOCTYPE html><html><body>The script completed but did not return anything.</body></html>';
    } catch (error) {
      return `<!DOCTYPE html><html><body>Error: ${String(error instanceof Error ? error.message : error).replace(/[<&]/g, '')} (line ?, file "Code")</body></html>`;
    }
  }

  sidebarHtml(): string {
    return readFileSync(`${this.distDir}/Sidebar.html`, 'utf8');
  }

  /** Every embedded chart as stored (type, options) with the values of its data range, for the page to draw as SVG. */
  chartsView(): ChartsView {
    return {
      sheets: this.model.sheets
        .filter((sheet) => sheet.charts.length > 0)
        .map((sheet) => ({
          name: sheet.name,
          charts: sheet.charts.map((chart) => {
            const ref = chart.ranges[0] ? parseA1(chart.ranges[0]) : null;
            const rows = ref ? ref.numRows ?? Math.max(0, lastRow(sheet) - ref.row + 1) : 0;
            const cols = ref ? ref.numCols ?? Math.max(0, lastColumn(sheet) - ref.col + 1) : 0;
            const table = Array.from({ length: rows }, (_, r) =>
              Array.from({ length: cols }, (_, c) => {
                const v = getCell(sheet, ref!.row + r, ref!.col + c)?.v ?? null;
                return v instanceof Date ? v.toISOString() : typeof v === 'boolean' ? String(v) : v;
              }),
            );
            return { chartId: chart.chartId, type: chart.type, options: chart.options, table };
          }),
        })),
    };
  }

  /** Every tab as displayed text, for the local page. */
  workbookView(): WorkbookView {
    const activeSheet = this.model.sheets.find((s) => s.sheetId === this.model.activeSheetId);
    return {
      path: this.workbookPath,
      active: activeSheet && this.model.activeA1 ? { sheet: activeSheet.name, cell: this.model.activeA1 } : null,
      sheets: this.model.sheets.map((sheet) => ({ name: sheet.name, hidden: sheet.hidden, rows: sheetAsText(this.model, sheet) })),
    };
  }
}
