/**
 * `repere questionnaire --survey E1 [--wave T0] [--format xlsform|html|pdf|guide] [--large] [--out FICHIER]`: the
 * survey's questionnaire, made by the same bundle function as the sidebar's, written as an XLSForm, a printable paper
 * questionnaire (HTML or PDF) or an interview guide (HTML, or PDF when the file ends in .pdf).
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Instrument } from '../../shared/questionnaire/instrument';
import { interviewGuide } from '../../shared/questionnaire/guide';
import { paperQuestionnaire } from '../../shared/questionnaire/paper';
import { xlsFormBytes } from '../../shared/questionnaire/xlsform';
import { APPS_SCRIPT_BUILD, ensureFresh } from './builds.mjs';
import { printPdf } from './print-pdf';
import { LocalRegistry } from './registry-host';
import { UserError } from './user-error';
import { count } from '../../shared/text/plural';

export const QUESTIONNAIRE_HELP = `  questionnaire --survey ID  Écrit le questionnaire d’une enquête : --format xlsform (KoboToolbox, ODK), html ou pdf
                             (questionnaire papier), guide (guide d’entretien) ; --wave W, --large (gros caractères),
                             --out FICHIER (un guide en .pdf est imprimé en PDF)
`;

const FORMATS = ['xlsform', 'html', 'pdf', 'guide'] as const;
type Format = (typeof FORMATS)[number];

interface QuestionnaireOptions {
  workbook: string;
  survey: string;
  wave: string | undefined;
  format: Format;
  large: boolean;
  out: string | undefined;
}

function parse(argv: string[], defaultWorkbook: string): QuestionnaireOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { workbook: { type: 'string' }, survey: { type: 'string' }, wave: { type: 'string' }, format: { type: 'string' }, large: { type: 'boolean' }, out: { type: 'string' } },
    }));
  } catch (error) {
    throw new UserError(`${(error as Error).message.replace(/^Unknown option/, 'Option inconnue')}. Voir repere --help.`);
  }
  if (!values.survey) throw new UserError('Indiquez l’enquête : repere questionnaire --survey E1 (identifiant de l’onglet Enquêtes).');
  const format = (values.format ?? 'html') as Format;
  if (!FORMATS.includes(format)) throw new UserError(`--format ${values.format} : formats possibles : ${FORMATS.join(', ')}.`);
  return { workbook: values.workbook ?? defaultWorkbook, survey: values.survey, wave: values.wave, format, large: values.large === true, out: values.out };
}

const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');

function defaultName(instrument: Instrument, format: Format): string {
  const base = [format === 'guide' ? 'guide-entretien' : 'questionnaire', safe(instrument.survey.id), safe(instrument.wave)].filter(Boolean).join('-');
  return `${base}.${format === 'xlsform' ? 'xlsx' : format === 'pdf' ? 'pdf' : 'html'}`;
}

const WHAT: Record<Format, string> = { xlsform: 'XLSForm (KoboToolbox, ODK, Enketo)', html: 'questionnaire papier', pdf: 'questionnaire papier', guide: 'guide d’entretien' };

export async function questionnaireCommand(argv: string[], defaultWorkbook: string): Promise<number> {
  const options = parse(argv, defaultWorkbook);
  ensureFresh(APPS_SCRIPT_BUILD);
  const registry = await LocalRegistry.open({ workbookPath: options.workbook, webAppUrl: 'http://127.0.0.1/exec' });
  const setup = (await registry.callOrThrow('getQuestionnaireSetup', [])) as { configured: boolean; surveys: Array<{ id: string; wave: string }> };
  if (!setup.configured) throw new UserError(`${options.workbook} n’est pas encore un registre : lancez d’abord repere setup --workbook ${options.workbook}.`);
  const wave = options.wave ?? setup.surveys.find((s) => s.id.toLowerCase() === options.survey.toLowerCase())?.wave ?? '';
  const reply = (await registry.callOrThrow('getInstrument', [{ survey: options.survey, wave }])) as { ok: true; instrument: Instrument } | { ok: false; message: string };
  if (!reply.ok) throw new UserError(reply.message);
  const instrument = reply.instrument;
  const out = options.out ?? defaultName(instrument, options.format);
  const asPdf = options.format === 'pdf' || (options.format === 'guide' && extname(out).toLowerCase() === '.pdf');
  let bytes: Uint8Array | string;
  let pages = 0;
  if (options.format === 'xlsform') bytes = xlsFormBytes(instrument);
  else {
    const html = options.format === 'guide' ? interviewGuide(instrument, { largePrint: options.large }) : paperQuestionnaire(instrument, { largePrint: options.large });
    if (asPdf) ({ pdf: bytes, pages } = await printPdf(html));
    else bytes = html;
  }
  try {
    writeFileSync(out, bytes);
  } catch {
    throw new UserError(`Impossible d’écrire « ${out} » : vérifiez que le dossier existe et que le fichier n’est pas ouvert ailleurs.`);
  }
  const large = options.large && options.format !== 'xlsform' ? ', gros caractères' : '';
  console.log(`${out} : ${WHAT[options.format]} de l’enquête ${instrument.survey.id}${instrument.wave ? ` (vague ${instrument.wave})` : ''}${large}${pages ? `, ${count(pages, 'page', 'pages')}` : ''}.`);
  for (const missing of instrument.missing) console.log(`Attention — ${missing}`);
  return 0;
}
