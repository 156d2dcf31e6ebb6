/**
 * `repere report [--document rapport|une-page|equipe] [--audience financeurs|public|equipe] [--period P]
 * [--outcomes C1,C2] [--out FICHIER.html] [--pdf FICHIER.pdf]`: the document made by the same bundle function as the
 * « Rapports » panel (logged in the Journal alike), written as HTML and/or printed to PDF by Chromium (A4, tagged,
 * outlined from the headings) through the helper the questionnaires use.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { termId } from '../../shared/contract/words';
import { DOCUMENT_KINDS } from '../../shared/report/documents/index';
import type { ReportRequest } from '../../shared/report/input';
import { APPS_SCRIPT_BUILD, ensureFresh } from './builds.mjs';
import { printPdf } from './print-pdf';
import { LocalRegistry } from './registry-host';
import { UserError } from './user-error';

export const REPORT_HELP = `  report         Fait un document à partir du registre : --document rapport (rapport d’évaluation, par défaut),
                 une-page (l’essentiel en une page) ou equipe (vue d’équipe, interne) ; --audience financeurs,
                 public ou equipe (imprimé sur le document ; moins de 11 personnes masqué hors de l’équipe) ;
                 --period P (valeurs jusqu’à cette période) ; --outcomes C1,C2 ; --out FICHIER.html ;
                 --pdf FICHIER.pdf (imprimé par Chromium). Noté dans le Journal.
`;

interface ReportOptions {
  workbook: string;
  request: ReportRequest;
  out: string | undefined;
  pdf: string | undefined;
}

function parse(argv: string[], defaultWorkbook: string): ReportOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        workbook: { type: 'string' }, document: { type: 'string' }, audience: { type: 'string' }, period: { type: 'string' },
        outcomes: { type: 'string' }, out: { type: 'string' }, pdf: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UserError(`${(error as Error).message.replace(/^Unknown option/, 'Option inconnue')}. Voir repere --help.`);
  }
  const document = (values.document ?? 'rapport') as ReportRequest['document'];
  const kind = DOCUMENT_KINDS[document];
  if (!kind) throw new UserError(`--document ${values.document} : documents possibles : ${Object.keys(DOCUMENT_KINDS).join(', ')}.`);
  // Audiences by their French name (« financeurs », « équipe » with or without its accent) or their id.
  const audience = values.audience === undefined ? kind.defaultAudience : termId('audience', values.audience);
  if (!audience || audience === 'cohort') throw new UserError(`--audience ${values.audience} : publics possibles : financeurs, public, equipe.`);
  checkDocumentPaths(values.out, values.pdf);
  const outcomes = (values.outcomes ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  return {
    workbook: values.workbook ?? defaultWorkbook,
    request: { document, audience, ...(values.period?.trim() && { period: values.period.trim() }), ...(outcomes.length > 0 && { outcomes }) },
    out: values.out,
    pdf: values.pdf,
  };
}

/** `--out` names an .html file and `--pdf` a .pdf one: said before anything is read. */
export function checkDocumentPaths(out: string | undefined, pdf: string | undefined): void {
  if (out !== undefined && !/\.html?$/i.test(out)) throw new UserError(`--out ${out} : le fichier doit finir par .html (pour un PDF : --pdf FICHIER.pdf).`);
  if (pdf !== undefined && !/\.pdf$/i.test(pdf)) throw new UserError(`--pdf ${pdf} : le fichier doit finir par .pdf.`);
}

function write(path: string, bytes: Uint8Array | string): void {
  try {
    writeFileSync(path, bytes);
  } catch {
    throw new UserError(`Impossible d’écrire « ${path} » : vérifiez que le dossier existe et que le fichier n’est pas ouvert ailleurs.`);
  }
}

/**
 * Writes a document made by the bundle: printed to PDF first (when Chromium is missing, no file is half made), then the
 * HTML, under its own name `fileName` unless `out` says where, and not at all when only a PDF is asked. Returns what was
 * written (« synthese.html et synthese.pdf (2 pages) »); `instead` says what to do without Chromium.
 */
export async function writeDocument(html: string, fileName: string, out: string | undefined, pdf: string | undefined, instead: string): Promise<string> {
  const printed = pdf ? await printPdf(html, instead) : null;
  const htmlPath = out ?? (pdf ? undefined : fileName);
  const written: string[] = [];
  if (htmlPath) {
    write(htmlPath, html);
    written.push(htmlPath);
  }
  if (pdf && printed) {
    write(pdf, printed.pdf);
    written.push(`${pdf} (${printed.pages} page${printed.pages > 1 ? 's' : ''})`);
  }
  return written.join(' et ');
}

type ReportReply = { ok: true; html: string; fileName: string; summary: string; toComplete: string[] } | { ok: false; message: string };

export async function reportCommand(argv: string[], defaultWorkbook: string): Promise<number> {
  const options = parse(argv, defaultWorkbook);
  ensureFresh(APPS_SCRIPT_BUILD);
  const registry = await LocalRegistry.open({ workbookPath: options.workbook, webAppUrl: 'http://127.0.0.1/exec', command: 'repere report' });
  const reply = (await registry.callOrThrow('generateReportFile', [options.request])) as ReportReply;
  if (!reply.ok) throw new UserError(reply.message);
  const written = await writeDocument(reply.html, reply.fileName, options.out, options.pdf, 'écrivez le document en HTML (--out FICHIER.html) et imprimez-le depuis votre navigateur (« Enregistrer au format PDF »).');
  console.log(`${written} : ${reply.summary}`);
  for (const missing of reply.toComplete) console.log(`À compléter avant de l’envoyer — ${missing}`);
  return 0;
}
