/**
 * The user properties of the local mode, kept where Google keeps them: with the person, not in the document. A
 * workbook travels (sent to a colleague, a funder, a backup); what is personal — the collector secret the sidebar shows
 * again — stays in the person's configuration folder, one file per workbook id, readable by that person only.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function configDir(): string {
  if (process.env.XDG_CONFIG_HOME) return process.env.XDG_CONFIG_HOME;
  if (process.platform === 'win32' && process.env.APPDATA) return process.env.APPDATA;
  return join(homedir(), '.config');
}

export function userPropertiesFile(workbookId: string): string {
  return join(configDir(), 'repere', 'utilisateur', `${workbookId.replace(/[^\w-]/g, '_')}.json`);
}

/** This person's properties for the workbook; none yet (or unreadable) is an empty store. */
export function readUserProperties(workbookId: string): Record<string, string> {
  try {
    const parsed = JSON.parse(readFileSync(userPropertiesFile(workbookId), 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

export function writeUserProperties(workbookId: string, properties: Record<string, string>): void {
  const file = userPropertiesFile(workbookId);
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(properties), { mode: 0o600 });
  renameSync(tmp, file);
}
