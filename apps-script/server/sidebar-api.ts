/**
 * The functions the sidebar calls through google.script.run (and the CLI through the same bundle). Each returns plain
 * JSON (no Date: it cannot cross google.script.run) and reports failures as values with a French message.
 */
import type { ApproachFields } from '../../shared/registry/approach';
import { PERIOD } from '../../shared/registry/targets';
import type { Problem } from '../../shared/registry/validate';
import { termLabel, type Lang } from '../../shared/contract/words';
import { COHORT_TABS } from '../../shared/contract/tabs';
import { coordination } from './cohort/state';
import { TEMPLATES, templateById } from '../../shared/templates';
import { readApproach, writeApproach } from './approach';
import { runComputation, type ComputeSummary } from './compute';
import { logToJournal } from './journal';
import { connectionCode, type ConnectionCodeResult } from './pairing';
import { placedAdvice, type PlacedAdvice } from './questionnaire';
import { appendRecords, bindTab, findTab, TabLayouts } from './registry';
import { readRegistry } from './registry-read';
import { nextSteps, type NextSteps } from './next-steps';
import { rememberTemplate, setupRegistry, setUpTemplate, type SetupReport } from './setup';
import { currentUser, registryLang, registrySpreadsheet, setRegistryLang, underLock, type Failure } from './spreadsheet';
import { count } from '../../shared/text/plural';


const NOT_SET_UP: Failure = { ok: false, message: 'Le registre n’est pas encore configuré : commencez par « Configurer ».' };

export interface SidebarState {
  registryName: string;
  configured: boolean;
  lang: Lang;
  templates: Array<{ id: string; name: string; summary: string }>;
  /** Indicators whose values are entered by hand, for the manual-value form. */
  manualIndicators: Array<{ code: string; name: string }>;
  /** The starting framework the registry was set up with (its id), or '' if none. */
  template: string;
  /** Where the evaluation stands: the checklist of steps and what to do next. */
  nextSteps: NextSteps;
}

export function getSidebarState(): SidebarState {
  const ss = registrySpreadsheet();
  const lang = registryLang();
  const configured = findTab(ss, 'indicators') !== null;
  const read = configured ? readRegistry(ss, lang) : null;
  const indicators = read?.registry.indicators ?? [];
  return {
    registryName: ss.getName(),
    configured,
    lang,
    templates: TEMPLATES.map((t) => ({ id: t.id, name: t.name[lang], summary: t.summary[lang] })),
    manualIndicators: indicators.filter((i) => i.method === 'manual').map((i) => ({ code: i.code, name: i.name })),
    template: configured ? setUpTemplate(ss) : '',
    nextSteps: nextSteps(ss, lang, read?.snapshot),
  };
}

/** The checklist of the evaluation's steps, after any step (the sidebar asks again once a call changed something). */
export function getNextSteps(): NextSteps {
  return nextSteps(registrySpreadsheet(), registryLang());
}

export function configureRegistry(options?: { lang?: Lang; template?: string }): (SetupReport & { ok: true }) | Failure {
  const lang: Lang = options?.lang === 'en' ? 'en' : options?.lang === 'fr' ? 'fr' : registryLang();
  const template = options?.template ? templateById(options.template) : undefined;
  if (options?.template && !template) {
    return { ok: false, message: `Modèle « ${options.template} » inconnu. Modèles : ${TEMPLATES.map((t) => t.id).join(', ')}.` };
  }
  return underLock(() => {
    setRegistryLang(lang);
    if (template) rememberTemplate(template.id);
    // A coordinator's registry keeps its coordination tabs complete too.
    return { ok: true as const, ...setupRegistry(registrySpreadsheet(), lang, currentUser('sidebar'), template, coordination() ? COHORT_TABS : []) };
  });
}

export interface CheckResult {
  ok: true;
  errors: number;
  warnings: number;
  problems: Problem[];
  /** Advice on the questionnaires' wording and design: never blocking. */
  advice: PlacedAdvice[];
  summary: string;
}

export function checkRegistry(): CheckResult | Failure {
  const ss = registrySpreadsheet();
  if (!findTab(ss, 'indicators')) return NOT_SET_UP;
  const lang = registryLang();
  const read = readRegistry(ss, lang);
  const { registry, problems } = read;
  const advice = placedAdvice(ss, lang, read);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const summary =
    (problems.length === 0
      ? `Aucun problème : ${count(registry.outcomes.length, 'changement', 'changements')}, ${count(registry.indicators.length, 'indicateur', 'indicateurs')}, ${count(registry.surveys.length, 'enquête', 'enquêtes')}.`
      : `${count(errors, 'erreur', 'erreurs')} et ${count(warnings, 'avertissement', 'avertissements')}. Les lignes valides restent utilisables ; corrigez les cellules indiquées.`) +
    (advice.length > 0 ? ` ${count(advice.length, 'conseil', 'conseils')} sur les questionnaires.` : '');
  return { ok: true, errors, warnings, problems, advice, summary };
}

/** Selects a cell named by a problem, so the person lands where the fix goes. */
export function goToCell(sheetId: number, cell: string): { ok: true } | Failure {
  const ss = registrySpreadsheet();
  const sheet = ss.getSheets().find((s) => s.getSheetId() === sheetId);
  if (!sheet) return { ok: false, message: 'Cet onglet n’existe plus : relancez la vérification.' };
  sheet.activate();
  sheet.setActiveRange(sheet.getRange(cell));
  return { ok: true };
}

export function getApproach(): { ok: true; fields: ApproachFields } | Failure {
  const fields = readApproach(registrySpreadsheet());
  return fields ? { ok: true, fields } : NOT_SET_UP;
}

export function saveApproach(fields: ApproachFields): { ok: true; written: number } | Failure {
  return underLock(() => {
    const ss = registrySpreadsheet();
    const written = writeApproach(ss, fields ?? {}, registryLang());
    if (written === null) return NOT_SET_UP;
    if (written > 0) logToJournal(ss, currentUser('sidebar'), 'approach', `${count(written, 'rubrique de la démarche mise', 'rubriques de la démarche mises')} à jour.`);
    return { ok: true as const, written };
  });
}

export interface ManualValueInput {
  indicator: string;
  period: string;
  segment?: string;
  value: string | number;
  n?: string | number;
}

export function addManualValue(input: ManualValueInput): { ok: true } | Failure {
  const period = String(input?.period ?? '').trim();
  const value = Number(String(input?.value ?? '').replace(/\s/g, '').replace(',', '.'));
  const n = input?.n === undefined || String(input.n).trim() === '' ? '' : Number(String(input.n).replace(/\s/g, ''));
  if (!PERIOD.test(period)) return { ok: false, message: `Période « ${period} » illisible. Exemples : 2026, 2026-T1, 2026-S2, 2026-03.` };
  if (String(input?.value ?? '').trim() === '' || !Number.isFinite(value)) return { ok: false, message: `Valeur « ${input?.value ?? ''} » : écrivez un nombre (ex. 1 250 ou 12,5).` };
  if (n !== '' && (!Number.isInteger(n) || n < 0)) return { ok: false, message: `n « ${input.n} » : écrivez un nombre entier de personnes, ou laissez vide.` };
  return underLock(() => {
    const ss = registrySpreadsheet();
    const lang = registryLang();
    const indicator = readRegistry(ss, lang).registry.indicators.find((i) => i.code === input.indicator && i.method === 'manual');
    if (!indicator) return { ok: false as const, message: `Indicateur « ${input.indicator} » introuvable parmi les indicateurs en saisie manuelle (onglet Indicateurs).` };
    const values = bindTab(ss, 'values');
    if (!values) return NOT_SET_UP;
    appendRecords(values, [{ indicator: indicator.code, period, segment: input.segment?.trim() ?? '', value, n, origin: termLabel('valueOrigin', 'manual', lang) }]);
    logToJournal(ss, currentUser('sidebar'), 'manualValue', `${indicator.code} ${period} : ${value} saisi(e).`);
    return { ok: true as const };
  });
}

/** The sidebar's « Calculer »: every indicator computed, « Valeurs », the dashboard and the charts rewritten. */
export function computeRegistry(): ComputeSummary | Failure {
  return underLock(() => {
    const ss = registrySpreadsheet();
    const tabs = new TabLayouts(ss);
    if (!tabs.tab('indicators')) return NOT_SET_UP;
    return runComputation(ss, registryLang(), currentUser('sidebar'), tabs);
  });
}

export function getConnectionCode(): ConnectionCodeResult {
  return connectionCode(false);
}

export function renewConnectionCode(): ConnectionCodeResult {
  return connectionCode(true);
}
