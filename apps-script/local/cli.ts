/**
 * The `repere` command over a local workbook: start the local mode, set up and check the registry, inspect and import
 * survey files, compute the indicators, make the questionnaires and the reports, print the connection code, exchange
 * files with other tools.
 * Exit codes: 0 done, 1 the user's input is wrong (French message), 2 internal error.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import { inspectSurvey, problemGroups, type SurveyInspection } from '../../shared/survey/import';
import { readMapping, type RegistryQuestion } from '../../shared/survey/mapping';
import { importServer, importSummary, prepareAsSuggested, runImport, tableHash } from '../../shared/survey/mapping-run';
import { APPS_SCRIPT_BUILD, ensureFresh } from './builds.mjs';
import { COHORT_HELP, cohortCommand, publishCommand } from './cohort-command';
import { EXCHANGE_HELP, exchangeCommand, isExchangeCommand } from './exchange-command';
import { QUESTIONNAIRE_HELP, questionnaireCommand } from './questionnaire-command';
import { REPORT_HELP, reportCommand } from './report-command';
import { LocalRegistry } from './registry-host';
import { runningServer } from './server-file';
import { startLocalMode } from './start';
import { UserError } from './user-error';
import { agree, count } from '../../shared/text/plural';

export const DEFAULT_WORKBOOK = 'repere-local.xlsx';
export const DEFAULT_PORT = 8787;

const HELP = `Repère — registre d’impact en mode local (sans compte Google, sans réseau)

Utilisation : repere <commande> [options]

Commandes :
  start          Sert la page locale (classeur + panneau Repère) et le collecteur /exec
  setup          Crée ou complète les onglets du registre dans le classeur (--cohort : registre de coordination
                 d’une cohorte, avec Membres, Indicateurs partagés, Agrégats reçus, Tableau et Graphiques de cohorte)
  check          Vérifie le registre, cellule par cellule (code de sortie 1 s’il y a une erreur)
  pairing-code   Affiche le code de connexion à coller dans l’extension, pour le serveur qui tourne sur ce
                 classeur (son port est noté à côté du classeur tant qu’il tourne), ou pour --port N
  inspect FICHIER            Lit un export d’enquête (.csv, .xlsx, .ods) et dit ce qui y a été reconnu (--json : tout le
                             détail ; code de sortie 1 s’il y a une erreur bloquante)
  import FICHIER --survey ID Importe les réponses dans le classeur (--wave W : vague) et affiche les comptes
  compute        Calcule les indicateurs : Valeurs, tableau de bord, graphiques, contrôles (--json : les valeurs
                 avec leur détail, les contrôles de chaque vague et les questionnaires à revoir)
${QUESTIONNAIRE_HELP}${REPORT_HELP}${COHORT_HELP}${EXCHANGE_HELP}
Options :
  --workbook PATH   Classeur .xlsx (défaut : ${DEFAULT_WORKBOOK} dans le dossier courant)
  --port N          Port local (défaut : ${DEFAULT_PORT} ; pairing-code : celui du serveur qui tourne sur le classeur)
  --lang fr|en      Langue des onglets à la configuration (défaut : fr)
  --template ID     Modèle de départ à la configuration : bien-vieillir, aidants, generique
  --cohort          À la configuration : le registre de la coordination d’une cohorte
  --survey ID       Enquête où importer (onglet Enquêtes ; créée si elle n’existe pas)
  --wave W          Vague de l’import (ex. 2026-T1)
  --sheet NOM       Feuille d’un classeur .xlsx ou .ods (nom ou numéro ; défaut : la première)
  --personal COL    Importe aussi cette colonne de données personnelles (adresse e-mail, adresse IP…) ; répétable
  --json            Sortie JSON (inspect, compute)
  --help            Cette aide
`;


interface Options {
  workbook: string;
  port: number;
  lang: 'fr' | 'en';
  template: string | undefined;
  survey: string | undefined;
  wave: string | undefined;
  sheet: string | undefined;
  personal: string[];
  json: boolean;
  cohort: boolean;
  file: string | undefined;
  /** --port was given (pairing-code then does not look for a running server). */
  portGiven: boolean;
}

function parseOptions(argv: string[]): { command: string | undefined; options: Options; help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        workbook: { type: 'string' },
        port: { type: 'string' },
        lang: { type: 'string' },
        template: { type: 'string' },
        survey: { type: 'string' },
        wave: { type: 'string' },
        sheet: { type: 'string' },
        personal: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        cohort: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UserError(`${(error as Error).message.replace(/^Unknown option/, 'Option inconnue')}. Voir repere --help.`);
  }
  const { values, positionals } = parsed;
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port ${values.port} : indiquez un numéro de port entre 1 et 65535.`);
  const lang = values.lang ?? 'fr';
  if (lang !== 'fr' && lang !== 'en') throw new UserError(`--lang ${lang} : langues possibles : fr, en.`);
  return {
    command: positionals[0],
    options: {
      workbook: values.workbook ?? DEFAULT_WORKBOOK,
      port,
      lang,
      template: values.template,
      survey: values.survey,
      wave: values.wave,
      sheet: values.sheet,
      personal: values.personal ?? [],
      json: values.json === true,
      cohort: values.cohort === true,
      file: positionals[1],
      portGiven: values.port !== undefined,
    },
    help: values.help === true,
  };
}

/** How each step of the evaluation is taken from a terminal (the sidebar's checklist says it with its buttons). */
const STEP_COMMANDS: Record<string, string> = {
  setup: 'repere setup --template aidants|bien-vieillir|generique',
  approach: 'remplissez l’onglet « Démarche » : dans la page locale (repere start) ou dans LibreOffice',
  data: 'repere import FICHIER --survey ID, ou une valeur saisie dans l’onglet « Valeurs »',
  compute: 'repere compute',
  report: 'repere report --pdf rapport.pdf (rapport d’évaluation), --document une-page ou equipe ; ou lisez « Tableau de bord » et « Graphiques »',
};

/** The checklist's next step, in the sidebar's words, with the command that takes it. */
async function printNextStep(registry: LocalRegistry): Promise<void> {
  const next = (await registry.callOrThrow('getNextSteps', [])) as { current: string; reminder: string; steps: Array<{ id: string; label: string }> };
  const step = next.steps.find((s) => s.id === next.current);
  if (step) console.log(`Étape suivante : ${step.label} — ${STEP_COMMANDS[step.id] ?? ''}.${next.reminder ? ` ${next.reminder}` : ''}`);
}

type ComputeReply = { ok: true; summary: string; values: Array<{ computed: boolean }>; surveyChecks: unknown[]; personFlags: unknown[]; cohort?: unknown } | { ok: false; message: string };

type CheckReply =
  | { ok: true; errors: number; summary: string; problems: Array<{ severity: string; message: string }>; advice: Array<{ message: string }> }
  | { ok: false; message: string };

/** `command` is what another process finding the workbook locked is told: « repere import »… */
async function openRegistry(options: Options, command: string): Promise<LocalRegistry> {
  ensureFresh(APPS_SCRIPT_BUILD);
  return LocalRegistry.open({ workbookPath: options.workbook, webAppUrl: `http://127.0.0.1:${options.port}/exec`, command: `repere ${command}` });
}

async function run(argv: string[]): Promise<number> {
  // Their own modules parse their own options.
  if (argv[0] === 'questionnaire' && !argv.includes('--help')) return questionnaireCommand(argv.slice(1), DEFAULT_WORKBOOK);
  if (argv[0] === 'report' && !argv.includes('--help')) return reportCommand(argv.slice(1), DEFAULT_WORKBOOK);
  if (argv[0] === 'cohort' && !argv.includes('--help')) return cohortCommand(argv.slice(1), DEFAULT_WORKBOOK);
  if (argv[0] === 'publish' && !argv.includes('--help')) return publishCommand(argv.slice(1), DEFAULT_WORKBOOK);
  if (isExchangeCommand(argv[0]) && !argv.includes('--help')) return exchangeCommand(argv, DEFAULT_WORKBOOK);
  const { command, options, help } = parseOptions(argv);
  if (help || command === undefined || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  switch (command) {
    case 'start':
      await startLocalMode(options);
      return 0;
    case 'setup': {
      const registry = await openRegistry(options, 'setup');
      const request = { lang: options.lang, ...(options.template !== undefined && { template: options.template }) };
      const report = (await registry.callOrThrow(options.cohort ? 'configureCohort' : 'configureRegistry', [request])) as { ok: boolean; summary?: string; message?: string };
      if (!report.ok) throw new UserError(report.message ?? 'Configuration impossible.');
      console.log(`${options.workbook} : ${report.summary}`);
      await printNextStep(registry);
      return 0;
    }
    case 'check': {
      const registry = await openRegistry(options, 'check');
      const result = (await registry.callOrThrow('checkRegistry', [])) as CheckReply;
      if (!result.ok) throw new UserError(result.message);
      for (const problem of result.problems) console.log(`${problem.severity === 'error' ? 'Erreur' : 'Attention'} — ${problem.message}`);
      for (const advice of result.advice) console.log(`Conseil — ${advice.message}`);
      console.log(result.summary);
      return result.errors > 0 ? 1 : 0;
    }
    case 'pairing-code': {
      // The collector actually running on this workbook, unless a port is given.
      const running = options.portGiven ? null : runningServer(resolve(options.workbook));
      if (running) options.port = running.port;
      else if (!options.portGiven) console.error(`Aucun serveur Repère ne tourne sur ${options.workbook} : le code vise le port ${options.port} (celui de repere start par défaut ; --port N pour un autre).`);
      const registry = await openRegistry(options, 'pairing-code');
      const result = (await registry.callOrThrow('getConnectionCode', [])) as { ok: boolean; code?: string; message?: string };
      if (!result.ok) throw new UserError(result.message ?? 'Code indisponible.');
      console.log(result.code);
      return 0;
    }
    case 'compute': {
      const registry = await openRegistry(options, 'compute');
      const result = (await registry.callOrThrow('computeRegistry', [])) as ComputeReply;
      if (!result.ok) throw new UserError(result.message);
      if (options.json) {
        const { summary, surveyChecks, personFlags, cohort } = result;
        // A coordinator's registry: the cohort's pooled figures and dashboard lines too.
        console.log(JSON.stringify({ summary, values: result.values.filter((row) => row.computed), surveyChecks, personFlags, ...(cohort !== undefined && { cohort }) }, null, 2));
      } else {
        console.log(result.summary);
        await printNextStep(registry);
      }
      return 0;
    }
    case 'inspect':
      return inspectCommand(options);
    case 'import':
      return importCommand(options);
    default:
      throw new UserError(`Commande inconnue : « ${command} ». Commandes : start, setup, check, pairing-code, inspect, import, compute, questionnaire, report, cohort, publish, export, import-codebook, import-codings (voir repere --help).`);
  }
}

function readSurveyFile(options: Options): Uint8Array {
  if (!options.file) throw new UserError('Indiquez le fichier de réponses : repere inspect FICHIER (ou repere import FICHIER --survey ID).');
  try {
    return new Uint8Array(readFileSync(options.file));
  } catch {
    throw new UserError(`Fichier « ${options.file} » introuvable ou illisible.`);
  }
}

const TYPE_NAMES: Record<string, string> = {
  identifier: 'identifiant', timestamp: 'horodatage', date: 'date', number: 'nombre', single: 'choix unique',
  multiple: 'choix multiple', likert: 'échelle', text: 'texte libre',
};

const USE_NAMES = { kept: 'gardée', personal: 'donnée personnelle, importée seulement avec --personal', ignored: 'ignorée' } as const;

/** The inspection in French: what was read, one line per question, the tool's columns folded, problems grouped. */
function inspectionText(file: string, inspection: SurveyInspection): string {
  const how =
    inspection.format === 'csv'
      ? `encodage ${inspection.encoding}, séparateur ${inspection.delimiter === '\t' ? 'tabulation' : `« ${inspection.delimiter} »`}`
      : `classeur ${inspection.format}, feuille « ${inspection.sheet} »${(inspection.sheets?.length ?? 0) > 1 ? ` (sur ${inspection.sheets!.length} : ${inspection.sheets!.map((n) => `« ${n} »`).join(', ')})` : ''}`;
  const header = inspection.headerRow > 1 ? `, intitulés ligne ${inspection.headerRow}` : '';
  const lines = [
    `${file} : source ${inspection.source}, ${how}${header}, ${count(inspection.rows, 'réponse', 'réponses')}, ${count(inspection.questions.length, 'question', 'questions')}.`,
    ...inspection.questions.map((q) => {
      const levels = q.levels ? ` (${q.levels.join(' < ')})` : '';
      const examples = q.examples.length > 0 ? ` — ex. ${q.examples.map((e) => `« ${e.length > 40 ? `${e.slice(0, 40)}…` : e} »`).join(', ')}` : '';
      return `  - ${q.label} : ${TYPE_NAMES[q.type] ?? q.type}${levels}${examples}`;
    }),
  ];
  if (inspection.metadata.length > 0) {
    lines.push(`  ${count(inspection.metadata.length, 'colonne', 'colonnes')} de l’outil, pas des questions : ${inspection.metadata.map((m) => `${m.label} (${USE_NAMES[m.use]})`).join(' ; ')}.`);
  }
  lines.push(...inspection.errors.map((g) => `Erreur : ${g.message}`), ...inspection.warnings.map((g) => `Attention : ${g.message}`));
  return lines.join('\n');
}

function inspectCommand(options: Options): number {
  const inspection = inspectSurvey(readSurveyFile(options), { ...(options.sheet !== undefined && { sheet: options.sheet }) });
  if (options.json) process.stdout.write(`${JSON.stringify(inspection)}\n`);
  else console.log(inspectionText(basename(options.file!), inspection));
  // A blocking error means the import would refuse the file: a script can tell without reading the text.
  return inspection.errors.length > 0 ? 1 : 0;
}

async function importCommand(options: Options): Promise<number> {
  if (!options.survey) throw new UserError('Indiquez l’enquête : repere import FICHIER --survey ID (ex. --survey E1).');
  const bytes = readSurveyFile(options);
  const survey = options.survey;
  const registry = await openRegistry(options, 'import');
  // Ctrl+C (or a kill) stops before the next chunk: what is written is saved and the import can be resumed.
  let signal = '';
  const stop = (name: string) => () => {
    signal = name;
  };
  const onInt = stop('Ctrl+C');
  const onTerm = stop('arrêt demandé');
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  // The workbook stays locked for the whole import (other Repère processes wait), saved now and then.
  const { prepared, result } = await registry
    .hold(async () => {
      const setup = (await registry.callOrThrow('getImportSetup', [survey])) as {
        mapping: unknown;
        surveys: Array<{ id: string; wave: string }>;
        questions: RegistryQuestion[];
      };
      // Personal columns asked for on the command line are added to those remembered for the survey.
      const saved = readMapping(setup.mapping);
      const asked = { ...setup, mapping: { ...saved, personal: [...new Set([...saved.personal, ...options.personal])] } };
      const { prepared, mapping } = prepareAsSuggested(bytes, asked, { ...(options.sheet !== undefined && { sheet: options.sheet }) });
      const unknown = options.personal.filter((key) => !prepared.questions.some((q) => q.key === key && q.use === 'personal'));
      if (unknown.length > 0) throw new UserError(`--personal ${unknown.map((k) => `« ${k} »`).join(', ')} : aucune colonne de données personnelles de ce nom dans le fichier (voir repere inspect).`);
      const wave = options.wave ?? setup.surveys.find((s) => s.id === survey)?.wave ?? '';
      const result = await runImport(
        prepared,
        {
          surveyId: survey,
          wave,
          fileName: basename(options.file!),
          fileHash: tableHash(sha256BytesHex(bytes), prepared),
          mapping,
          // A turn of the event loop first, for Ctrl+C to be heard: the chunks otherwise run without one.
          stop: () => new Promise<boolean>((answer) => setImmediate(() => answer(signal !== ''))),
          onProgress: (written, planned) => {
            // What is saved survives a crash; the rest would be written again.
            if (written > 0 && written < planned) console.error(`Import en cours : ${count(written, 'nouvelle réponse écrite', 'nouvelles réponses écrites')} sur ${planned}${registry.saved ? `, ${agree(written, 'enregistrée', 'enregistrées')} dans le classeur` : ''}.`);
          },
        },
        importServer((fn, arg) => registry.callOrThrow(fn, [arg])),
      );
      return { prepared, result };
    })
    .finally(() => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    });
  if (!result.ok) {
    if (result.stopped) {
      throw new UserError(`${result.message.replace(/\.$/, '')} (${signal}). Ce qui est écrit est enregistré, et le Journal le dit : relancez la même commande pour reprendre, sans doublon.`);
    }
    const where = result.problems.map((p) => `  ${p.row ? `ligne ${p.row}` : 'fichier'}${p.column ? `, colonne « ${p.column} »` : ''}${p.value !== undefined ? `, valeur « ${p.value} »` : ''} : ${p.message}`);
    throw new UserError([result.message, ...where].join('\n'));
  }
  for (const group of problemGroups(prepared, [...prepared.problems.warnings, ...prepared.problems.excluded])) console.log(`Attention : ${group.message}`);
  console.log(`${importSummary(result)} → onglet « ${result.tab} ».`);
  await printNextStep(registry);
  return 0;
}

export async function main(argv: string[]): Promise<void> {
  try {
    process.exitCode = await run(argv);
  } catch (error) {
    if (error instanceof UserError) {
      console.error(`Erreur : ${error.message}`);
      process.exitCode = 1;
    } else {
      console.error('Erreur interne de Repère :', error);
      process.exitCode = 2;
    }
  }
}
