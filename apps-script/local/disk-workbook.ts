/**
 * The local workbook on disk is the truth. Several Repère processes may work on one workbook (the local server, a
 * `repere import` in a terminal…): each write happens under a lock file beside the workbook, on the model as the file
 * holds it now — reloaded first when the file changed since this process read or wrote it (size and modification
 * time, then the content's hash) — and is saved before the lock is released. A second process waits briefly for the
 * lock, then says which process holds it. A lock left by a process that died is taken over.
 *
 * A spreadsheet program that has the workbook open (its own lock file beside it, office-lock.ts) knows nothing of
 * Repère's lock and writes its whole copy back when the person saves: while it is there, an action that changed the
 * workbook is undone in memory (the file read again) and refused with a French message, so nothing is written.
 */
import { createHash } from 'node:crypto';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createEmptyWorkbook, type WorkbookModel } from './emulator';
import { findOfficeLock, WorkbookOpenElsewhereError, type OfficeLock } from './office-lock';
import { UserError } from './user-error';
import { removeLeftoverTempFiles, saveWorkbook, workbookFromBytes } from './workbook-file';

/** What the file was when this process last read or wrote it. */
export interface FileState {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** Who holds a workbook's lock, as written in the lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  /** What the process is doing: « repere import », « repere start »… */
  command: string;
  /** ISO time the lock was taken. */
  since: string;
}

export const DEFAULT_LOCK_WAIT_MS = 10_000;
const POLL_MS = 100;
/** A lock file nobody finished writing (its process died between creating and writing it) is stale after this. */
const UNWRITTEN_LOCK_MS = 10_000;

export function lockFileOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.repere-lock`);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function clock(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'une heure inconnue' : `${String(d.getHours()).padStart(2, '0')} h ${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Another Repère process kept the workbook longer than this one could wait. */
export class WorkbookBusyError extends UserError {
  constructor(
    readonly path: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder ? `${holder.command}, processus ${holder.pid}${holder.host !== hostname() ? ` sur ${holder.host}` : ''}, depuis ${clock(holder.since)}` : 'processus inconnu';
    super(
      `Le classeur « ${basename(path)} » est en cours d’écriture par un autre programme Repère (${who}). Attendez qu’il ait fini, puis recommencez. ` +
        `S’il ne tourne plus, supprimez le fichier « ${basename(lockFileOf(path))} » à côté du classeur.`,
    );
  }
}

export async function readLockHolder(path: string): Promise<LockHolder | null> {
  try {
    const parsed = JSON.parse(await readFile(lockFileOf(path), 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, command: String(parsed.command ?? 'repere'), since: String(parsed.since ?? '') };
  } catch {
    return null;
  }
}

/** Whether the lock's process is gone: only knowable for a process on this computer. */
function isGone(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export interface DiskWorkbookOptions {
  /** What this process is, as its lock shows it to others: « repere import », « repere start »… */
  command: string;
  /** How long a write waits for another process's lock before giving up. */
  waitMs?: number;
}

/**
 * Why the model was replaced: `changed`, the file changed on disk (another program wrote it) and was read again;
 * `undone`, an action's changes were dropped because they could not be saved (the file as it is now read again).
 */
export type ReloadCause = 'changed' | 'undone';

/** How many times this process read the workbook again because someone else changed it, the last one when. */
export interface ReloadCount {
  count: number;
  at: string | null;
}

export class DiskWorkbook {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners: Array<(model: WorkbookModel, cause: ReloadCause) => void> = [];
  private changes: ReloadCount = { count: 0, at: null };
  private replacements = 0;
  /** Set while `hold` keeps the lock: writes then save at most every `saveEveryMs`. */
  private held: { saveEveryMs: number; savedAt: number } | null = null;
  private tempFilesChecked = false;

  private constructor(
    readonly path: string,
    private current: WorkbookModel,
    private state: FileState | null,
    private readonly options: DiskWorkbookOptions,
  ) {}

  /** Reads the workbook (a missing file is a new, empty workbook, written at its first save). */
  static async open(path: string, options: DiskWorkbookOptions): Promise<DiskWorkbook> {
    const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (!bytes) return new DiskWorkbook(path, createEmptyWorkbook(), null, options);
    const model = await workbookFromBytes(bytes, path);
    const { size, mtimeMs } = await stat(path);
    return new DiskWorkbook(path, model, { size, mtimeMs, sha256: sha256(bytes) }, options);
  }

  get model(): WorkbookModel {
    return this.current;
  }

  /** What the file was when last read or written by this process (null: not written yet). */
  get fileState(): FileState | null {
    return this.state ? { ...this.state } : null;
  }

  /** Called with the new model each time it is replaced: the file changed by someone else, or an action undone. */
  onReload(listener: (model: WorkbookModel, cause: ReloadCause) => void): void {
    this.listeners.push(listener);
  }

  /** Moves whenever the workbook changes in this process, by its own writes or by reading the file again. */
  get version(): string {
    return `${this.replacements}.${this.current.revision}`;
  }

  /** The times the file, changed by someone else, was read again (the page says so). */
  get externalChanges(): ReloadCount {
    return { ...this.changes };
  }

  /** The spreadsheet program that has the workbook open now, if any (the page says Repère will not write). */
  openElsewhere(): Promise<OfficeLock | null> {
    return findOfficeLock(this.path);
  }

  /**
   * Runs `work` holding the lock, on the model as the file holds it now, then saves it if it changed (while `hold`
   * keeps the lock, only every `saveEveryMs`). Writes of this process run one at a time.
   */
  write<T>(work: (model: WorkbookModel) => T | Promise<T>): Promise<T> {
    return this.queued(async () => {
      const own = this.held === null;
      if (own) {
        await this.lock();
        await this.reloadIfChanged();
      }
      try {
        const result = await work(this.current);
        if (this.current.dirty && (own || Date.now() - this.held!.savedAt >= this.held!.saveEveryMs)) {
          const office = await findOfficeLock(this.path);
          if (office) {
            if (own) await this.undo();
            throw new WorkbookOpenElsewhereError(this.path, office);
          }
          await this.save();
        }
        return result;
      } finally {
        if (own) await this.unlock();
      }
    });
  }

  /**
   * Keeps the lock while `work` runs (a long import): other processes wait, and the writes `work` makes save at most
   * every `saveEveryMs`, so an interrupted run leaves a recent and consistent file; whatever is left is saved at the
   * end. Nothing else reloads the file meanwhile: no other Repère process can write it.
   */
  async hold<T>(work: () => Promise<T>, options: { saveEveryMs: number }): Promise<T> {
    await this.queued(async () => {
      await this.lock();
      try {
        const office = await findOfficeLock(this.path);
        if (office) throw new WorkbookOpenElsewhereError(this.path, office);
        await this.reloadIfChanged();
      } catch (error) {
        await this.unlock();
        throw error;
      }
      this.held = { saveEveryMs: options.saveEveryMs, savedAt: Date.now() };
    });
    try {
      return await work();
    } finally {
      await this.queued(async () => {
        this.held = null;
        try {
          if (this.current.dirty) {
            const office = await findOfficeLock(this.path);
            if (office) throw new WorkbookOpenElsewhereError(this.path, office);
            await this.save();
          }
        } finally {
          await this.unlock();
        }
      });
    }
  }

  /** Saves now what a `hold` has not saved yet (an interrupted import stopping cleanly). */
  checkpoint(): Promise<void> {
    return this.queued(async () => {
      if (this.held && this.current.dirty && !(await findOfficeLock(this.path))) await this.save();
    });
  }

  /**
   * For reading (the local page's view): reads the file again if it changed since this process last read or wrote
   * it, unless another Repère process is writing it right now (the view is shown as it was until that one is done).
   */
  refresh(): Promise<boolean> {
    return this.queued(async () => {
      if (this.held) return false;
      const holder = await readLockHolder(this.path);
      if (holder && !isGone(holder)) return false;
      return this.reloadIfChanged();
    });
  }

  private queued<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The file's bytes when they are no longer what this process read or wrote; null when unchanged or missing. */
  private async changedBytes(): Promise<Buffer | null> {
    let now;
    try {
      now = await stat(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null; // deleted: the next save writes it again
      throw error;
    }
    const known = this.state;
    if (known && now.size === known.size && now.mtimeMs === known.mtimeMs) return null;
    const bytes = await readFile(this.path);
    const hash = sha256(bytes);
    if (known && hash === known.sha256) {
      // Touched (a copy, a sync tool), not changed.
      this.state = { ...known, mtimeMs: now.mtimeMs };
      return null;
    }
    this.state = { size: bytes.length, mtimeMs: now.mtimeMs, sha256: hash };
    return bytes;
  }

  private async reloadIfChanged(): Promise<boolean> {
    const bytes = await this.changedBytes();
    if (!bytes) return false;
    this.replace(await workbookFromBytes(bytes, this.path), 'changed');
    this.changes = { count: this.changes.count + 1, at: new Date().toISOString() };
    return true;
  }

  /** Drops what an action changed in memory: the workbook as the file holds it (new and empty if never saved). */
  private async undo(): Promise<void> {
    const bytes = await readFile(this.path).catch(() => null);
    const model = bytes ? await workbookFromBytes(bytes, this.path) : createEmptyWorkbook({ id: this.current.id, name: this.current.name });
    if (bytes) this.state = { size: bytes.length, mtimeMs: (await stat(this.path)).mtimeMs, sha256: sha256(bytes) };
    this.replace(model, 'undone');
  }

  private replace(model: WorkbookModel, cause: ReloadCause): void {
    this.current = model;
    this.replacements++;
    for (const listener of this.listeners) listener(model, cause);
  }

  private async save(): Promise<void> {
    const data = await saveWorkbook(this.current, this.path);
    if (this.held) this.held.savedAt = Date.now();
    const { mtimeMs } = await stat(this.path);
    this.state = { size: data.length, mtimeMs, sha256: sha256(data) };
  }

  /** Takes the lock file, waiting for another live holder up to `waitMs`, taking over one whose process is gone. */
  private async lock(): Promise<void> {
    const file = lockFileOf(this.path);
    const me: LockHolder = { pid: process.pid, host: hostname(), command: this.options.command, since: new Date().toISOString() };
    const deadline = Date.now() + (this.options.waitMs ?? DEFAULT_LOCK_WAIT_MS);
    for (;;) {
      try {
        const handle = await open(file, 'wx');
        try {
          await handle.writeFile(JSON.stringify(me));
        } finally {
          await handle.close();
        }
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await readLockHolder(this.path);
      if (holder ? isGone(holder) : await unwrittenFor(file, UNWRITTEN_LOCK_MS)) {
        // Gone: take it over (read again just before, so as not to remove one that was taken meanwhile).
        const again = await readLockHolder(this.path);
        if (JSON.stringify(again) === JSON.stringify(holder)) await rm(file, { force: true });
        continue;
      }
      if (Date.now() >= deadline) throw new WorkbookBusyError(this.path, holder);
      await sleep(POLL_MS);
    }
    if (!this.tempFilesChecked) {
      // Under the lock no other save is under way: a temporary file left beside the workbook is a killed save's.
      await removeLeftoverTempFiles(this.path);
      this.tempFilesChecked = true;
    }
  }

  private async unlock(): Promise<void> {
    await rm(lockFileOf(this.path), { force: true });
  }
}

/** A lock file still empty or unreadable after `ms`: its process died before writing who it was. */
async function unwrittenFor(file: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(file)).mtimeMs > ms;
  } catch {
    return true;
  }
}
