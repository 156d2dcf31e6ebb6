/**
 * While `repere start` serves a workbook, a small file beside it says on which port (`.<name>.xlsx.repere-server`),
 * so that `repere pairing-code` gives the connection code of the collector actually running, whatever port it took.
 * A file left by a server that died (its process gone) is ignored.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

export interface RunningServer {
  pid: number;
  host: string;
  port: number;
  since: string;
}

export function serverFileOf(workbook: string): string {
  return join(dirname(workbook), `.${basename(workbook)}.repere-server`);
}

export function recordServer(workbook: string, port: number): void {
  const running: RunningServer = { pid: process.pid, host: hostname(), port, since: new Date().toISOString() };
  writeFileSync(serverFileOf(workbook), JSON.stringify(running));
}

/** Removes the file, if it is still this process's. */
export function forgetServer(workbook: string): void {
  if (runningServer(workbook)?.pid === process.pid) rmSync(serverFileOf(workbook), { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server running on this workbook on this computer, or null. */
export function runningServer(workbook: string): RunningServer | null {
  try {
    const found = JSON.parse(readFileSync(serverFileOf(workbook), 'utf8')) as Partial<RunningServer>;
    if (typeof found.pid !== 'number' || typeof found.port !== 'number' || found.host !== hostname() || !alive(found.pid)) return null;
    return found as RunningServer;
  } catch {
    return null;
  }
}
