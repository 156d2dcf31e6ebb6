/**
 * The cohort's commands over local workbooks, through the same bundle functions as the sidebar's « Cohorte » panel:
 * - `repere cohort invite --name "Structure" [--contact C]` (coordinator): prints the member's invitation code;
 * - `repere cohort join CODE` (member): adopts the shared indicator set;
 * - `repere cohort import paquet.json` (coordinator): takes a publication sent as a file;
 * - `repere cohort report [--out synthese.html] [--pdf synthese.pdf]` (coordinator): the cohort summary for the
 *   programme's funders, as HTML and/or printed to PDF by Chromium like `repere report`'s documents;
 * - `repere publish [--yes] [--out paquet.json]` (member): shows what leaves, then sends it to the coordinator's
 *   collector once confirmed, or writes it as a file.
 * `repere setup --cohort` is the set-up command's (cli.ts). Exit codes as for every `repere` command.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { APPS_SCRIPT_BUILD, ensureFresh } from './builds.mjs';
import { LocalRegistry } from './registry-host';
import { checkDocumentPaths, writeDocument } from './report-command';
import { runningServer } from './server-file';
import { UserError } from './user-error';

export const COHORT_HELP = `  cohort invite --name NOM    (coordination) Invite une structure et affiche son code d’invitation (--contact C ;
                             le collecteur est celui du serveur qui tourne sur le classeur, ou --port N)
  cohort join CODE           (membre) Rejoint la cohorte : adopte les indicateurs partagés
  cohort import FICHIER      (coordination) Importe une publication reçue en fichier
  cohort report              (coordination) Écrit la synthèse de la cohorte pour les financeurs, faite des seuls
                             chiffres mis en commun (--out FICHIER.html ; par défaut synthese-cohorte-DATE.html ;
                             --pdf FICHIER.pdf : imprimée par Chromium)
  publish                    (membre) Montre ce qui part vers la coordination, puis l’envoie après confirmation
                             (--yes : sans question) ; --out FICHIER : l’écrit dans un fichier au lieu de l’envoyer
`;

interface CohortOptions {
  workbook: string;
  port: number | undefined;
  name: string | undefined;
  contact: string | undefined;
  yes: boolean;
  out: string | undefined;
  pdf: string | undefined;
  positionals: string[];
}

function parse(argv: string[], defaultWorkbook: string): CohortOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { workbook: { type: 'string' }, port: { type: 'string' }, name: { type: 'string' }, contact: { type: 'string' }, yes: { type: 'boolean', short: 'y' }, out: { type: 'string' }, pdf: { type: 'string' } },
    });
  } catch (error) {
    throw new UserError(`${(error as Error).message.replace(/^Unknown option/, 'Option inconnue')}. Voir repere --help.`);
  }
  const { values, positionals } = parsed;
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) throw new UserError(`--port ${values.port} : indiquez un numéro de port entre 1 et 65535.`);
  return { workbook: values.workbook ?? defaultWorkbook, port, name: values.name, contact: values.contact, yes: values.yes === true, out: values.out, pdf: values.pdf, positionals };
}

async function open(options: CohortOptions, command: string, port = options.port ?? 8787): Promise<LocalRegistry> {
  ensureFresh(APPS_SCRIPT_BUILD);
  return LocalRegistry.open({ workbookPath: options.workbook, webAppUrl: `http://127.0.0.1:${port}/exec`, command: `repere ${command}` });
}

type Reply = { ok: true; [key: string]: unknown } | { ok: false; message: string };

function succeeded<T extends Reply>(reply: T): Extract<T, { ok: true }> {
  if (!reply.ok) throw new UserError((reply as { message: string }).message);
  return reply as Extract<T, { ok: true }>;
}

/** `repere cohort …` */
export async function cohortCommand(argv: string[], defaultWorkbook: string): Promise<number> {
  const options = parse(argv, defaultWorkbook);
  const [action, argument] = options.positionals;
  switch (action) {
    case 'invite': {
      if (!options.name) throw new UserError('Indiquez la structure : repere cohort invite --name "Nom de la structure".');
      // The code names the collector running on this workbook (its port is noted beside it), unless a port is given.
      const running = options.port === undefined ? runningServer(resolve(options.workbook)) : null;
      if (options.port === undefined && !running) console.error(`Aucun serveur Repère ne tourne sur ${options.workbook} : le code vise le port 8787 (repere start --workbook ${options.workbook} ; --port N pour un autre).`);
      const registry = await open(options, 'cohort invite', running?.port ?? options.port);
      const reply = succeeded((await registry.callOrThrow('inviteCohortMember', [{ name: options.name, contact: options.contact ?? '' }])) as Reply & { code?: string; member?: string; renewed?: boolean });
      console.error(`${reply.renewed ? 'Nouveau code' : 'Code'} d’invitation de « ${options.name} » (${reply.member}) — à lui transmettre, il ne sera plus affiché :`);
      console.log(reply.code);
      return 0;
    }
    case 'join': {
      if (!argument) throw new UserError('Indiquez le code d’invitation : repere cohort join CODE (il commence par « repere-cohorte1: »).');
      const registry = await open(options, 'cohort join');
      const reply = succeeded((await registry.callOrThrow('joinCohort', [argument])) as Reply & { summary?: string; warnings?: string[] });
      console.log(reply.summary);
      for (const warning of reply.warnings ?? []) console.log(`Attention — ${warning}`);
      return 0;
    }
    case 'import': {
      if (!argument) throw new UserError('Indiquez le fichier : repere cohort import paquet.json.');
      let content: string;
      try {
        content = readFileSync(argument, 'utf8');
      } catch {
        throw new UserError(`Fichier « ${argument} » introuvable ou illisible.`);
      }
      const registry = await open(options, 'cohort import');
      const reply = (await registry.callOrThrow('importPublication', [content])) as Reply & { message?: string };
      if (!reply.ok) throw new UserError(`${argument} : ${reply.message}`);
      console.log(`${argument} : ${reply.message}`);
      return 0;
    }
    case 'report': {
      checkDocumentPaths(options.out, options.pdf);
      const registry = await open(options, 'cohort report');
      const reply = succeeded((await registry.callOrThrow('cohortReport', [])) as Reply & { fileName?: string; content?: string; message?: string });
      const instead = 'écrivez la synthèse en HTML (--out FICHIER.html) et imprimez-la depuis votre navigateur (« Enregistrer au format PDF »).';
      const written = await writeDocument(reply.content as string, reply.fileName as string, options.out, options.pdf, instead);
      console.log(`${written} : ${String(reply.message).replace(/^\S+ prêt : /, '')}`);
      return 0;
    }
    default:
      throw new UserError(`Action inconnue : repere cohort ${action ?? ''}. Actions : invite, join, import, report (voir repere --help).`);
  }
}

interface Preview {
  ok: true;
  id: string;
  headers: string[];
  rows: string[][];
  leftOut: string[];
  summary: string;
  collector: string;
}

/** The rows as a plain table for a terminal: columns padded to their widest cell. */
function table(headers: readonly string[], rows: readonly string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new UserError('Confirmation impossible sans terminal : relancez avec --yes pour envoyer sans question, après avoir lu l’aperçu.');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(o|oui|y|yes)$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/** `repere publish [--yes] [--out FICHIER]` */
export async function publishCommand(argv: string[], defaultWorkbook: string): Promise<number> {
  const options = parse(argv, defaultWorkbook);
  const registry = await open(options, 'publish');
  const preview = succeeded((await registry.callOrThrow('previewPublication', [])) as Reply) as unknown as Preview;
  console.log(table(preview.headers, preview.rows));
  for (const note of preview.leftOut) console.log(`Non publié — ${note}`);
  console.log(preview.summary);
  if (preview.rows.length === 0) throw new UserError('Rien à publier : aucun chiffre des indicateurs partagés n’est encore calculable (importez des réponses, puis recommencez).');
  if (options.out) {
    const file = succeeded((await registry.callOrThrow('exportPublication', [preview.id])) as Reply & { content?: string; message?: string });
    try {
      writeFileSync(options.out, file.content as string);
    } catch {
      throw new UserError(`Impossible d’écrire « ${options.out} » : vérifiez que le dossier existe.`);
    }
    console.log(`${options.out} : ${String(file.message).replace(/^Fichier \S+ prêt/, 'fichier prêt')}`);
    return 0;
  }
  if (!options.yes && !(await confirm(`Envoyer ces lignes à la coordination (${preview.collector}) ? [o/N] `))) {
    console.log('Rien n’a été envoyé.');
    return 1;
  }
  const sent = succeeded((await registry.callOrThrow('sendPublication', [preview.id])) as Reply & { message?: string });
  console.log(sent.message);
  return 0;
}
