/**
 * Whether a spreadsheet program has the workbook open: LibreOffice puts `.~lock.<name>#` beside the file it opens,
 * Excel an owner file `~$<name>` (Word-style `~$` over the first two characters on some versions). Neither honours
 * Repère's own lock, and both write their whole copy back when the person saves, so while one is there Repère writes
 * nothing: a save of its own would be overwritten, or would overwrite what the person is typing.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from './user-error';

export interface OfficeLock {
  program: 'LibreOffice' | 'Excel';
  /** The lock file's name, beside the workbook. */
  file: string;
  /** Who opened it, as the program recorded it (empty when it did not say). */
  user: string;
  /** When, as LibreOffice writes it (« 01.12.2026 14:05 »); empty for Excel. */
  since: string;
}

/** LibreOffice: « user,system user,host,dd.mm.yyyy hh:mm,profile url; » with `\` escaping `,` and `;`. */
function libreOfficeFields(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) field += text[++i];
    else if (c === ',' || c === ';') {
      fields.push(field);
      field = '';
      if (c === ';') break;
    } else field += c;
  }
  return fields;
}

/** Excel's owner file: one byte giving the length of the user's name, then the name (the system's 8-bit code page). */
function excelUser(bytes: Buffer): string {
  const length = bytes[0] ?? 0;
  if (length === 0 || length + 1 > bytes.length) return '';
  return bytes.subarray(1, 1 + length).toString('latin1').trim();
}

const readIfThere = (path: string) => readFile(path).catch(() => null);

/** The spreadsheet program holding `path` open, or null. */
export async function findOfficeLock(path: string): Promise<OfficeLock | null> {
  const dir = dirname(path);
  const name = basename(path);
  const libre = `.~lock.${name}#`;
  const libreBytes = await readIfThere(join(dir, libre));
  if (libreBytes) {
    const [user = '', systemUser = '', , since = ''] = libreOfficeFields(libreBytes.toString('utf8'));
    return { program: 'LibreOffice', file: libre, user: user.trim() || systemUser.trim(), since: since.trim() };
  }
  for (const owner of new Set([`~$${name}`, `~$${name.slice(2)}`])) {
    const bytes = await readIfThere(join(dir, owner));
    if (bytes) return { program: 'Excel', file: owner, user: excelUser(bytes), since: '' };
  }
  return null;
}

/** What the page and every refusal say about the program holding the workbook. */
export function officeLockText(path: string, lock: OfficeLock): string {
  const by = [lock.user && `par ${lock.user}`, lock.since && `depuis le ${lock.since.replace(' ', ' à ')}`].filter(Boolean).join(' ');
  return `Le classeur « ${basename(path)} » est ouvert dans ${lock.program}${by ? ` (${by})` : ''}.`;
}

/** An action would have written the workbook while a spreadsheet program has it open: nothing was written. */
export class WorkbookOpenElsewhereError extends UserError {
  constructor(
    readonly path: string,
    readonly lock: OfficeLock,
  ) {
    super(
      `${officeLockText(path, lock)} Repère n’y a rien écrit, pour ne pas effacer ce qui s’y tape ni être effacé à son enregistrement. ` +
        `Enregistrez et fermez le classeur dans ${lock.program}, puis recommencez. ` +
        `S’il n’y est plus ouvert, supprimez le fichier « ${lock.file} » à côté du classeur.`,
    );
  }
}
