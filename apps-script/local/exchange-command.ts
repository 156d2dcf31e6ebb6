/**
 * `repere export --format qdc|csv|qdpx|cids`, `repere import-codebook FICHIER`, `repere import-codings FICHIER.qdpx`:
 * the « Échanges » panel from a terminal, through the same bundle functions, the files made and read by the same
 * shared modules.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Audience } from '../../shared/contract/words';
import { cidsFile, codebookFile, projectFile, readCodebookFile, readCodingsFile, type ExchangeFile } from '../../shared/exchange/files';
import { APPS_SCRIPT_BUILD, ensureFresh } from './builds.mjs';
import { LocalRegistry } from './registry-host';
import { UserError } from './user-error';

export const EXCHANGE_HELP = `  export --format F          Exporte : qdc (livre de codes REFI-QDA : QualCoder, NVivo, MAXQDA, ATLAS.ti), csv (livre de
                             codes pour Taguette), qdpx (observations codées, pour un évaluateur : --audience
                             financeurs|public|interne), cids (données d’impact CIDS en JSON-LD : --audience
                             financeurs|public, --org « Nom légal ») ; --out FICHIER
  import-codebook FICHIER    Importe un livre de codes (.qdc, ou CSV de Taguette) comme thèmes (--outcome C1 : changement
                             auquel rattacher les codes qui ne sont pas des changements visés)
  import-codings FICHIER     Rapporte les codages d’un projet .qdpx codé dans un autre logiciel sur les observations
                             (--outcome C1 pour les codes nouveaux de premier niveau)
`;

const COMMANDS = ['export', 'import-codebook', 'import-codings'] as const;
export const isExchangeCommand = (command: string | undefined): boolean => (COMMANDS as readonly string[]).includes(command ?? '');

const FORMATS = ['qdc', 'csv', 'qdpx', 'cids'] as const;
type Format = (typeof FORMATS)[number];
const AUDIENCES: Record<string, Audience> = { financeurs: 'funders', public: 'public', interne: 'team', funders: 'funders', internal: 'team' };

function parse(argv: string[], defaultWorkbook: string) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { workbook: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, audience: { type: 'string' }, org: { type: 'string' }, outcome: { type: 'string' } },
    });
    return { command: positionals[0] as (typeof COMMANDS)[number], file: positionals[1], workbook: values.workbook ?? defaultWorkbook, ...values };
  } catch (error) {
    throw new UserError(`${(error as Error).message.replace(/^Unknown option/, 'Option inconnue')}. Voir repere --help.`);
  }
}

type Reply<T> = (T & { ok: true }) | { ok: false; message: string };

async function call<T>(registry: LocalRegistry, fn: string, arg?: unknown): Promise<T & { ok: true }> {
  const reply = (await registry.callOrThrow(fn, arg === undefined ? [] : [arg])) as Reply<T>;
  if (!reply.ok) throw new UserError(reply.message);
  return reply;
}

function readInput(file: string | undefined, usage: string): Uint8Array {
  if (!file) throw new UserError(`Indiquez le fichier : ${usage}.`);
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    throw new UserError(`Fichier « ${file} » introuvable ou illisible.`);
  }
}

export async function exchangeCommand(argv: string[], defaultWorkbook: string): Promise<number> {
  const options = parse(argv, defaultWorkbook);
  ensureFresh(APPS_SCRIPT_BUILD);
  const registry = await LocalRegistry.open({ workbookPath: options.workbook, webAppUrl: 'http://127.0.0.1/exec', command: `repere ${options.command}` });
  const now = new Date();
  if (options.command === 'export') {
    const format = options.format as Format;
    if (!FORMATS.includes(format)) throw new UserError(`--format ${options.format ?? '(absent)'} : formats possibles : ${FORMATS.join(', ')}.`);
    let file: ExchangeFile;
    if (format === 'qdc' || format === 'csv') file = codebookFile(await call(registry, 'prepareCodebookExport'), format, now);
    else {
      const audience = AUDIENCES[(options.audience ?? '').toLowerCase()];
      if (!audience) throw new UserError(`--audience ${options.audience ?? '(absent)'} : dites pour qui est le fichier : financeurs, public${format === 'qdpx' ? ' ou interne (le fichier dira qu’il ne doit pas sortir de la structure)' : ''}.`);
      file = format === 'qdpx'
        ? projectFile(await call(registry, 'prepareProjectExport', { audience }), now)
        : cidsFile({ ...(await call(registry, 'prepareCidsExport', { audience })), organisation: options.org }, now);
    }
    const out = options.out ?? file.name;
    writeFileSync(out, file.content);
    console.log(`${out} : ${file.summary}`);
    return 0;
  }
  if (options.command === 'import-codebook') {
    const bytes = readInput(options.file, 'repere import-codebook FICHIER.qdc (ou le CSV de Taguette)');
    const read = readCodebookFile(basename(options.file!), bytes);
    if (!read.ok) throw new UserError(read.message);
    const done = await call<{ summary: string }>(registry, 'importCodebook', { codes: read.codes, file: basename(options.file!), ...(options.outcome && { looseOutcome: options.outcome }) }).catch(withOutcomeHint);
    console.log(done.summary);
    return 0;
  }
  const bytes = readInput(options.file, 'repere import-codings FICHIER.qdpx');
  const read = readCodingsFile(basename(options.file!), bytes);
  if (!read.ok) throw new UserError(read.message);
  const done = await call<{ summary: string }>(registry, 'importCodings', { codes: read.codes, sources: read.sources, origin: read.origin, file: basename(options.file!), ...(options.outcome && { looseOutcome: options.outcome }) }).catch(withOutcomeHint);
  console.log(done.summary);
  return 0;
}

/** Codes waiting for an outcome: the CLI's way of choosing one. */
function withOutcomeHint(error: unknown): never {
  if (error instanceof UserError && /choisissez le changement/.test(error.message)) throw new UserError(`${error.message} Avec la commande : --outcome C1.`);
  throw error;
}
