/**
 * Runs the built Code.js in node:vm over the emulated Apps Script services and a local .xlsx workbook: one call at a
 * time (like the script lock), each under the workbook's lock file, on the workbook as the file holds it then (read
 * again when another process changed it), each call that changed the workbook followed by an atomic save.
 */
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import { loadBundle, type BundleRuntime } from './bundle-runtime';
import { DiskWorkbook, WorkbookBusyError } from './disk-workbook';
import type { WorkbookModel } from './emulator';
import { parseA1 } from './emulator/a1';
import { getCell, lastColumn, lastRow, touch } from './emulator/model';
import { DIST_APPS_SCRIPT } from './builds.mjs';
import { toWire } from './script-run-wire';
import { UserError } from './user-error';
import { sheetAsText } from './sheet-text';
import { readUserProperties, writeUserProperties } from './user-properties';

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
  /** What this process is, shown to another one that finds the workbook locked (« repere import »…). */
  command?: string;
  /** How long a call waits for another process to finish writing the workbook. */
  lockWaitMs?: number;
}

/** What the collector answers when the workbook stays locked by another process: the extension retries later. */
const BUSY_ANSWER = JSON.stringify({ ok: false, code: 'busy', message: 'Le registre est occupé : nouvel essai bientôt.' });

export class LocalRegistry {
  private runtime!: BundleRuntime;
  /** The model the running bundle was booted on (until the file, changed by another process, is read again). */
  private runtimeModel!: WorkbookModel;
  /** The user properties as last written to the person's store (the store object is replaced on every change). */
  private storedUserProperties: Record<string, string> | null = null;

  private constructor(
    private readonly disk: DiskWorkbook,
    private readonly distDir: string,
    private readonly code: string,
    private webAppUrl: string,
  ) {
    this.boot();
    disk.onReload((model) => {
      // The person's properties are not in the file: they carry over to the workbook read again.
      model.properties.user = { ...model.properties.user, ...this.runtimeModel.properties.user };
      this.boot();
    });
  }

  static async open(options: OpenOptions): Promise<LocalRegistry> {
    const distDir = options.distDir ?? DIST_APPS_SCRIPT;
    const path = resolve(options.workbookPath);
    const code = readFileSync(`${distDir}/Code.js`, 'utf8');
    const isNew = !existsSync(path);
    let disk: DiskWorkbook;
    try {
      disk = await DiskWorkbook.open(path, { command: options.command ?? 'repere', ...(options.lockWaitMs !== undefined && { waitMs: options.lockWaitMs }) });
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(
        `« ${path} » n’est pas un classeur .xlsx lisible (${(error as Error).message.split(' : ')[0]}). ` +
          'Indiquez un autre fichier avec --workbook, ou ouvrez celui-ci dans LibreOffice ou Excel et enregistrez-le au format .xlsx.',
      );
    }
    const model = disk.model;
    // A new local registry is named after its file, as a Google spreadsheet is named by its title.
    if (isNew) model.name = basename(path).replace(/\.xlsx$/i, '');
    // User properties found in the file (saved by an older Repère) move to the person's store and out of the file.
    const inFile = model.properties.user;
    model.properties.user = { ...inFile, ...readUserProperties(model.id) };
    const registry = new LocalRegistry(disk, distDir, code, options.webAppUrl);
    if (Object.keys(inFile).length > 0) touch(model);
    else registry.storedUserProperties = model.properties.user;
    return registry;
  }

  get workbookPath(): string {
    return this.disk.path;
  }

  /** The workbook as this process holds it now. */
  get model(): WorkbookModel {
    return this.disk.model;
  }

  /** A fresh context, as each Apps Script execution gets: no state survives between boots but the workbook's. */
  private boot(): void {
    this.runtimeModel = this.disk.model;
    // The Journal says who did what: in local mode, the person logged in on this computer.
    this.runtime = loadBundle({ model: this.disk.model, code: this.code, htmlDir: this.distDir, webAppUrl: this.webAppUrl, userEmail: `${userInfo().username} (mode local)` });
  }

  /** The collector's URL is known once the server listens (port 0 in tests). */
  setWebAppUrl(url: string): void {
    this.webAppUrl = url;
    this.boot();
  }

  get calls() {
    return this.runtime.services.calls;
  }

  /** Runs `work` under the workbook's lock, after every earlier call of this process, then saves what it changed. */
  private serialised<T>(work: () => T): Promise<T> {
    return this.disk.write(() => {
      const result = work();
      const user = this.model.properties.user;
      if (user !== this.storedUserProperties) {
        writeUserProperties(this.model.id, user);
        this.storedUserProperties = user;
      }
      return result;
    });
  }

  /**
   * Keeps the workbook locked while `work` makes its calls (the CLI's import): other processes wait, and what the
   * calls change is saved at most every `saveEveryMs` and at the end.
   */
  hold<T>(work: () => Promise<T>, options: { saveEveryMs: number }): Promise<T> {
    return this.disk.hold(work, options);
  }

  /** Saves now what a `hold` has not saved yet. */
  checkpoint(): Promise<void> {
    return this.disk.checkpoint();
  }

  /** Reads the workbook again if another process changed it (before showing it). */
  refresh(): Promise<boolean> {
    return this.disk.refresh();
  }

  /** A google.script.run call: arguments and result cross as plain data, failures come back as messages. */
  call(fn: string, args: unknown[]): Promise<RpcReply> {
    return this.run(fn, args).catch((error: unknown) => {
      if (error instanceof WorkbookBusyError) return { ok: false, error: error.message };
      throw error;
    });
  }

  private run(fn: string, args: unknown[]): Promise<RpcReply> {
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

  /** Like call, but for the CLI: a failure is an internal error, a workbook locked too long the person's to wait for. */
  async callOrThrow(fn: string, args: unknown[]): Promise<unknown> {
    const reply = await this.run(fn, args);
    if (!reply.ok) throw new Error(`${fn} : ${reply.error}`);
    return reply.value;
  }

  /** The web app's doPost: what Google would serve, or its HTML error page when the script throws. */
  doPost(body: string, contentType: string): Promise<string> {
    return this.serialised(() => this.serve('doPost', { postData: { contents: body, type: contentType, length: body.length, name: 'postData' }, parameter: {}, parameters: {}, contextPath: '', contentLength: body.length, queryString: '' })).catch(
      (error: unknown) => {
        if (error instanceof WorkbookBusyError) return BUSY_ANSWER;
        throw error;
      },
    );
  }

  /** The web app's doGet (a health check): reads only, so it needs no lock. */
  async doGet(): Promise<string> {
    await this.refresh();
    return this.serve('doGet', { parameter: {}, parameters: {}, contextPath: '', contentLength: -1, queryString: '' });
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
