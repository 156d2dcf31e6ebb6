/**
 * The lock file beside a workbook (`.<name>.repere-lock`) that a Repère process holds while it writes the workbook:
 * created exclusively, holding who took it (process, computer, command, time); another process waits for it, then
 * says who holds it. A lock whose process is gone is taken over.
 *
 * Only one process may hold it, so a lock file is removed only by its holder, or by a process that has made sure its
 * holder is gone. Three rules keep that true between processes that each look at the file at different moments:
 * - a lock file that is not there when looked at was released: the next try creates it, nothing is removed;
 * - a lock file still empty (its process is writing who it is) belongs to a live process until it is old;
 * - a takeover happens under a second, short-lived lock file (`….repere-lock.takeover`) and removes the lock only if
 *   it is still the very file found stale (same file, time and text): two processes taking over one dead lock, or a
 *   process taking over while a new holder arrives, never remove a live process's lock.
 * And a holder releases only its own lock (a person may have removed it, as the busy message suggests, and another
 * process taken it since).
 */
import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { UserError } from './user-error';

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
/** A takeover takes milliseconds: a takeover file older than this was left by a process that died taking over. */
const TAKEOVER_STALE_MS = 10_000;

export function lockFileOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.repere-lock`);
}

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

/** A lock file as seen at one moment: its text and which file it was (read through one handle, so they agree). */
interface SeenLock {
  text: string;
  holder: LockHolder | null;
  ino: number;
  mtimeMs: number;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, command: String(parsed.command ?? 'repere'), since: String(parsed.since ?? '') };
  } catch {
    return null;
  }
}

/** The lock file now, or null when there is none. */
async function look(file: string): Promise<SeenLock | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { ino, mtimeMs } = await handle.stat();
    const text = await handle.readFile('utf8');
    return { text, holder: parseHolder(text), ino, mtimeMs };
  } finally {
    await handle.close();
  }
}

const sameFile = (a: SeenLock, b: SeenLock) => a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.text === b.text;

/** Creates `file` holding `text` unless it exists; false when it does. */
async function create(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return true;
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

/** A dead process's lock, or one nobody finished writing for long (its process died between creating and writing). */
const isStale = (seen: SeenLock) => (seen.holder ? isGone(seen.holder) : Date.now() - seen.mtimeMs > UNWRITTEN_LOCK_MS);

/** Who holds the workbook's lock now (null: nobody, or a lock file not written yet). */
export async function readLockHolder(path: string): Promise<LockHolder | null> {
  return (await look(lockFileOf(path)))?.holder ?? null;
}

/** Whether a live Repère process holds the workbook's lock now. */
export async function lockedByLiveProcess(path: string): Promise<boolean> {
  const seen = await look(lockFileOf(path));
  return seen !== null && !isStale(seen);
}

/**
 * Removes the stale lock `seen`, under the takeover file, if it is still that very file: between this process's look
 * and now, another may have taken it over and a new holder created its own.
 */
async function takeOver(file: string, seen: SeenLock): Promise<void> {
  const guard = `${file}.takeover`;
  if (!(await create(guard, JSON.stringify({ pid: process.pid, host: hostname() })))) {
    // Another process is taking it over (or died doing so, long ago).
    const other = await look(guard);
    if (other && Date.now() - other.mtimeMs > TAKEOVER_STALE_MS) await rm(guard, { force: true });
    else await sleep(POLL_MS / 10);
    return;
  }
  try {
    const now = await look(file);
    if (now && sameFile(now, seen) && isStale(now)) await rm(file, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
}

/** One process's hold on a workbook's lock file. */
export class WorkbookLock {
  /** The text of the lock file this process wrote, while it holds it. */
  private mine: string | null = null;

  constructor(
    readonly path: string,
    /** What this process is, as its lock shows it to others: « repere import », « repere start »… */
    private readonly command: string,
    private readonly waitMs = DEFAULT_LOCK_WAIT_MS,
  ) {}

  /** Takes the lock, waiting for another live holder up to `waitMs`, taking over one whose process is gone. */
  async acquire(): Promise<void> {
    const file = lockFileOf(this.path);
    const me = { pid: process.pid, host: hostname(), command: this.command, since: new Date().toISOString(), id: randomBytes(8).toString('hex') };
    const text = JSON.stringify(me);
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      if (await create(file, text)) {
        this.mine = text;
        return;
      }
      const seen = await look(file);
      if (seen === null) continue; // released meanwhile: try again at once
      if (isStale(seen)) {
        await takeOver(file, seen);
        continue;
      }
      if (Date.now() >= deadline) throw new WorkbookBusyError(this.path, seen.holder);
      await sleep(POLL_MS);
    }
  }

  /** Removes the lock file if it is still this process's. */
  async release(): Promise<void> {
    const file = lockFileOf(this.path);
    const seen = await look(file);
    if (seen && seen.text === this.mine) await rm(file, { force: true });
    this.mine = null;
  }
}
