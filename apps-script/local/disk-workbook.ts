/**
 * The local workbook on disk is the truth. Several Repère processes may work on one workbook (the local server, a
 * `repere import` in a terminal…): each write happens under a lock file beside the workbook (workbook-lock.ts: a
 * second process waits briefly, then says which process holds it; a dead process's lock is taken over), on the model
 * as the file holds it now — reloaded first when the file changed since this process read or wrote it (size, time and
 * inode, then the content's hash; what was read and what is recorded come from one open handle) — and is saved before
 * the lock is released.
 *
 * A spreadsheet program that has the workbook open (its own lock file beside it, office-lock.ts) knows nothing of
 * Repère's lock and writes its whole copy back when the person saves: while it is there, an action that changed the
 * workbook is undone in memory (the file read again) and refused with a French message, so nothing is written.
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { createEmptyWorkbook, type WorkbookModel } from './emulator';
import { findOfficeLock, WorkbookOpenElsewhereError, type OfficeLock } from './office-lock';
import { removeLeftoverTempFiles, saveWorkbook, workbookFromBytes } from './workbook-file';
import { lockedByLiveProcess, WorkbookLock } from './workbook-lock';

export { DEFAULT_LOCK_WAIT_MS, lockFileOf, readLockHolder, WorkbookBusyError, type LockHolder } from './workbook-lock';

/** What the file was when this process last read or wrote it. */
export interface FileState {
  size: number;
  mtimeMs: number;
  /** A save replaces the file (a new one renamed over it): a new inode even when size and time look the same. */
  ino: number;
  sha256: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The file's bytes and what the file was, both from one open handle: another process's save renames a new file over
 * this one, so what is read and what is recorded are the same file's (recorded newer than read, a change would be
 * taken for what this process already has, and overwritten at its next save). Null when there is no file.
 */
async function readWithState(path: string): Promise<{ bytes: Buffer; state: FileState } | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { mtimeMs, ino } = await handle.stat();
    const bytes = await handle.readFile();
    return { bytes, state: { size: bytes.length, mtimeMs, ino, sha256: sha256(bytes) } };
  } finally {
    await handle.close();
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
  /** Set while `hold` keeps the lock: when the last save ended, and how long it took. */
  private held: { savedAt: number; saveMs: number } | null = null;
  private tempFilesChecked = false;
  private readonly lockFile: WorkbookLock;

  private constructor(
    readonly path: string,
    private current: WorkbookModel,
    private state: FileState | null,
    options: DiskWorkbookOptions,
  ) {
    this.lockFile = new WorkbookLock(path, options.command, options.waitMs);
  }

  /** Reads the workbook (a missing file is a new, empty workbook, written at its first save). */
  static async open(path: string, options: DiskWorkbookOptions): Promise<DiskWorkbook> {
    const read = await readWithState(path);
    if (!read) return new DiskWorkbook(path, createEmptyWorkbook(), null, options);
    return new DiskWorkbook(path, await workbookFromBytes(read.bytes, path), read.state, options);
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

  /** Whether the model was replaced (the file read again, or an action undone) since `version` was given out. */
  replacedSince(version: string): boolean {
    return version.split('.')[0] !== String(this.replacements);
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
   * keeps the lock, only now and then). Writes of this process run one at a time.
   */
  write<T>(work: (model: WorkbookModel) => T | Promise<T>): Promise<T> {
    return this.queued(async () => {
      const own = this.held === null;
      if (own) await this.lock();
      try {
        if (own) await this.reloadIfChanged();
        const result = await work(this.current);
        if (this.current.dirty && (own || this.checkpointDue())) {
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
   * Keeps the lock while `work` runs (a long import): other processes wait, and the writes `work` makes save now and
   * then (see checkpointDue), so an interrupted run leaves a recent and consistent file; whatever is left is saved at
   * the end. Nothing else reloads the file meanwhile: no other Repère process can write it.
   */
  async hold<T>(work: () => Promise<T>): Promise<T> {
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
      this.held = { savedAt: Date.now(), saveMs: 0 };
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

  /**
   * During a `hold`, a write saves when the time since the last save is at least four times what that save took:
   * saving costs at most a fifth of the run however large the workbook grows, and an interruption loses little (the
   * first write saves at once, which measures the cost).
   */
  private checkpointDue(): boolean {
    return this.held !== null && Date.now() - this.held.savedAt >= 4 * this.held.saveMs;
  }

  /** Whether everything this process changed is on disk. */
  get saved(): boolean {
    return !this.current.dirty;
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
      if (this.held || (await lockedByLiveProcess(this.path))) return false;
      return this.reloadIfChanged();
    });
  }

  private queued<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The file as it is now when it is no longer what this process read or wrote; null when unchanged (or only touched:
   * same bytes, new time) or missing.
   */
  private async changedFile(): Promise<{ bytes: Buffer; state: FileState } | null> {
    let now;
    try {
      now = await stat(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null; // deleted: the next save writes it again
      throw error;
    }
    const known = this.state;
    if (known && now.size === known.size && now.mtimeMs === known.mtimeMs && now.ino === known.ino) return null;
    const read = await readWithState(this.path);
    if (!read) return null;
    if (known && read.state.sha256 === known.sha256) {
      // Touched (a copy, a sync tool), not changed.
      this.state = read.state;
      return null;
    }
    return read;
  }

  private async reloadIfChanged(): Promise<boolean> {
    const changed = await this.changedFile();
    if (!changed) return false;
    // Recorded only once read: a file that fails to load is tried again (and refused again) at the next write.
    const model = await workbookFromBytes(changed.bytes, this.path);
    this.state = changed.state;
    this.replace(model, 'changed');
    this.changes = { count: this.changes.count + 1, at: new Date().toISOString() };
    return true;
  }

  /** Drops what an action changed in memory: the workbook as the file holds it (new and empty if never saved). */
  private async undo(): Promise<void> {
    const read = await readWithState(this.path);
    const model = read ? await workbookFromBytes(read.bytes, this.path) : createEmptyWorkbook({ id: this.current.id, name: this.current.name });
    if (read) this.state = read.state;
    this.replace(model, 'undone');
  }

  private replace(model: WorkbookModel, cause: ReloadCause): void {
    this.current = model;
    this.replacements++;
    for (const listener of this.listeners) listener(model, cause);
  }

  private async save(): Promise<void> {
    const started = Date.now();
    const data = await saveWorkbook(this.current, this.path);
    if (this.held) this.held = { savedAt: Date.now(), saveMs: Date.now() - started };
    // Under the lock no other Repère process writes: the file is the one just renamed into place.
    const { mtimeMs, ino } = await stat(this.path);
    this.state = { size: data.length, mtimeMs, ino, sha256: sha256(data) };
  }

  /** Takes the lock file (see workbook-lock.ts); the first time, removes what a killed save left. */
  private async lock(): Promise<void> {
    await this.lockFile.acquire();
    if (!this.tempFilesChecked) {
      // Under the lock no other save is under way: a temporary file left beside the workbook is a killed save's.
      await removeLeftoverTempFiles(this.path);
      this.tempFilesChecked = true;
    }
  }

  private unlock(): Promise<void> {
    return this.lockFile.release();
  }
}
