/**
 * Runs the built Code.js in node:vm over the emulated Apps Script services and a local .xlsx workbook: one call at a
 * time (like the script lock), each under the workbook's lock file, on the workbook as the file holds it then (read
 * again when another process changed it), each call that changed the workbook followed by an atomic save.
 */
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import { loadBundle, type BundleRuntime } from './bundle-runtime';
import { httpTransport } from './http-fetch';
import { DiskWorkbook, WorkbookBusyError, type ReloadCount } from './disk-workbook';
import { officeLockText, WorkbookOpenElsewhereError } from './office-lock';
import type { WorkbookModel } from './emulator';
import { touch } from './emulator/model';
import { DIST_APPS_SCRIPT } from './builds.mjs';
import { chartsView, type ChartsView } from './chart-tables';
import { toWire } from './script-run-wire';
import { UserError } from './user-error';
import type { SpreadsheetAppService } from './emulator/spreadsheet';
import { PageEdits, type CellEdit, type EditReply, type RowChange, type RowSeen } from './page-edits';
import { tabsView, type TabsView } from './page-view';
import { readUserProperties, writeUserProperties } from './user-properties';

/** A dialog the script showed (HtmlService), for the page to show over the workbook as Google would. */
export interface ShownDialog {
  title: string;
  html: string;
  modal: boolean;
  width: number;
  height: number;
}

export type RpcReply = { ok: true; value: unknown; dialogs?: ShownDialog[] } | { ok: false; error: string };

export interface WorkbookView extends TabsView {
  version: string;
  path: string;
  /** The selection the script made (a problem's « go to cell »), for the page to show. */
  active: { sheet: string; cell: string } | null;
  /** The times the file, changed outside this process, was read again: the page says so when it moves. */
  externalChanges: ReloadCount;
  /** The spreadsheet program that has the file open (Repère writes nothing meanwhile), in words; null if none. */
  openElsewhere: string | null;
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

/**
 * What the collector answers when the workbook stays locked by another process or is open in a spreadsheet program:
 * the extension keeps the observations and tries again later.
 */
const busyAnswer = (why: string) => JSON.stringify({ ok: false, code: 'busy', message: `Le registre est occupé : nouvel essai bientôt. ${why}` });

export class LocalRegistry {
  private runtime!: BundleRuntime;
  /** The model the running bundle was booted on (until the file, changed by another process, is read again). */
  private runtimeModel!: WorkbookModel;
  /** The user properties as last written to the person's store (the store object is replaced on every change). */
  private storedUserProperties: Record<string, string> | null = null;
  private readonly edits = new PageEdits();

  private constructor(
    private readonly disk: DiskWorkbook,
    private readonly distDir: string,
    private readonly code: string,
    private webAppUrl: string,
  ) {
    this.boot();
    disk.onReload((model, cause) => {
      // The person's properties are not in the file: they carry over to the workbook read again — as the running
      // script had them, or, when an action was undone, as they were before it.
      const user = cause === 'undone' ? this.storedUserProperties ?? {} : this.runtimeModel.properties.user;
      model.properties.user = { ...model.properties.user, ...user };
      if (cause === 'undone') this.storedUserProperties = model.properties.user;
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
    this.runtime = loadBundle({ model: this.disk.model, code: this.code, htmlDir: this.distDir, webAppUrl: this.webAppUrl, userEmail: `${userInfo().username} (mode local)`, fetch: httpTransport });
  }

  /** The collector's URL is known once the server listens (port 0 in tests). */
  setWebAppUrl(url: string): void {
    this.webAppUrl = url;
    this.boot();
  }

  get calls() {
    return this.runtime.services.calls;
  }

  /**
   * Runs `work` under the workbook's lock, after every earlier call of this process, then saves what it changed; the
   * person's properties are stored once the workbook is (an action refused and undone leaves them as they were).
   */
  private async serialised<T>(work: () => T): Promise<T> {
    const result = await this.disk.write(work);
    const user = this.model.properties.user;
    if (user !== this.storedUserProperties) {
      writeUserProperties(this.model.id, user);
      this.storedUserProperties = user;
    }
    return result;
  }

  /**
   * Keeps the workbook locked while `work` makes its calls (the CLI's import): other processes wait, and what the
   * calls change is saved now and then (saving costs at most a fifth of the time) and at the end.
   */
  hold<T>(work: () => Promise<T>): Promise<T> {
    return this.disk.hold(work);
  }

  /** Whether everything the calls changed is saved. */
  get saved(): boolean {
    return this.disk.saved;
  }

  /** Saves now what a `hold` has not saved yet. */
  checkpoint(): Promise<void> {
    return this.disk.checkpoint();
  }

  /** Reads the workbook again if another process changed it (before showing it). */
  refresh(): Promise<boolean> {
    return this.disk.refresh();
  }

  /**
   * A google.script.run call: arguments and result cross as plain data, failures come back as messages (the workbook
   * busy in another Repère process, or open in a spreadsheet program, among them).
   */
  call(fn: string, args: unknown[]): Promise<RpcReply> {
    return this.run(fn, args).catch((error: unknown) => {
      if (error instanceof UserError) return { ok: false, error: error.message };
      throw error;
    });
  }

  private run(fn: string, args: unknown[]): Promise<RpcReply> {
    return this.serialised((): RpcReply => {
      try {
        if (fn.endsWith('_')) throw new Error(`Script function not found: ${fn}`);
        const input = toWire(args) as unknown[];
        const dialogs = this.runtime.services.ui.dialogs;
        const before = dialogs.length;
        const value = toWire(this.runtime.entry(fn)(...input));
        return dialogs.length > before ? { ok: true, value, dialogs: dialogs.slice(before) } : { ok: true, value };
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
        if (error instanceof WorkbookBusyError) return busyAnswer('Un autre programme Repère l’écrit.');
        if (error instanceof WorkbookOpenElsewhereError) return busyAnswer(officeLockText(this.workbookPath, error.lock));
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
    return chartsView(this.model);
  }

  /** Moves whenever the workbook does: the page asks for the whole view only then. */
  get viewVersion(): string {
    return this.disk.version;
  }

  /**
   * A cell typed into from the local page (the same typing rules as Sheets), under the lock, then saved. Refused if
   * the workbook was read again from its file since the page showed the row (`seen`) and the row reads otherwise now.
   */
  editCell(edit: CellEdit, seen?: RowSeen): Promise<EditReply> {
    return this.pageEdit((app) => this.edits.editCell(this.model, app, { ...edit, ...this.rowToCheck(seen) }));
  }

  /** A row added or deleted from the local page (a deletion checked as an edit is). */
  changeRows(change: RowChange, seen?: RowSeen): Promise<EditReply> {
    return this.pageEdit((app) => this.edits.changeRows(this.model, app, { ...change, ...this.rowToCheck(seen) }));
  }

  /**
   * The shown row to check, when the file changed by another program was read again since the page showed it: its
   * records may have moved. This process's own writes move none under the page (its row edits excepted, which the
   * page shows at once), and a row the person just edited in another cell must not refuse the next cell.
   */
  private rowToCheck(seen: RowSeen | undefined): { shown?: string[] } {
    return seen && this.disk.replacedSince(seen.version) ? { shown: seen.shown } : {};
  }

  /** The last edit of the local page undone. */
  undoEdit(): Promise<EditReply> {
    return this.pageEdit((app) => this.edits.undo(this.model, app));
  }

  private pageEdit(work: (app: SpreadsheetAppService) => EditReply): Promise<EditReply> {
    const mark = this.edits.mark();
    return this.serialised(() => work(this.runtime.services.globals.SpreadsheetApp)).catch((error: unknown) => {
      // Not saved (the file open in a spreadsheet program, another Repère process too long): nothing to undo either.
      this.edits.forgetSince(mark);
      if (error instanceof UserError) return { ok: false as const, error: error.message };
      throw error;
    });
  }

  /** What happened to the file outside this process: read again after a change, open in a spreadsheet program. */
  async fileNotices(): Promise<Pick<WorkbookView, 'externalChanges' | 'openElsewhere'>> {
    const office = await this.disk.openElsewhere();
    return {
      externalChanges: this.disk.externalChanges,
      openElsewhere: office && `${officeLockText(this.workbookPath, office)} Repère le lit, mais n’y écrira rien tant qu’il y est ouvert.`,
    };
  }

  /** Every tab as the local page shows it, with what happened to the file meanwhile. */
  async workbookView(): Promise<WorkbookView> {
    const activeSheet = this.model.sheets.find((s) => s.sheetId === this.model.activeSheetId);
    return {
      version: this.viewVersion,
      path: this.workbookPath,
      active: activeSheet && this.model.activeA1 ? { sheet: activeSheet.name, cell: this.model.activeA1 } : null,
      ...(await this.fileNotices()),
      ...tabsView(this.model),
    };
  }
}
