/**
 * One computation run: read each source tab once, compute every valid indicator, write « Valeurs » and the dashboard;
 * in a coordinator's registry, the cohort's pooled figures too.
 */
import type { Lang } from '../../shared/contract/words';
import { computeIndicators } from '../../shared/indicators/compute';
import type { PersonFlag, SurveyCheck, ValueRow } from '../../shared/indicators/model';
import { refreshCharts } from './charts';
import { runCohortComputation, type CohortSummary } from './cohort/compute';
import { coordination } from './cohort/state';
import { readAnswers, readObservations } from './compute-read';
import { writeChecks, writeDashboard, writeValues } from './compute-write';
import { logToJournal } from './journal';
import { TabLayouts, type TabFinder } from './registry';
import { readRegistry } from './registry-read';
import { ColumnWidths } from './sheet-layout';
import type { Spreadsheet } from './spreadsheet';
import { count } from '../../shared/text/plural';

/** What crosses google.script.run: values with their detail (k, sd, p, test…), and the checks per survey wave. */
export interface ComputeSummary {
  ok: true;
  values: ValueRow[];
  surveyChecks: SurveyCheck[];
  /** Registry problems that left some rows out of the computation. */
  registryErrors: number;
  /** Answer sheets to review (straight-lining, acquiescence): inside the structure only (« Contrôles »), never exported. */
  personFlags: PersonFlag[];
  /** A coordinator's registry: the cohort's pooled figures too (« Tableau de cohorte »). */
  cohort?: CohortSummary;
  summary: string;
}

/** `tabs`: each tab found once for the whole run, from the layouts earlier runs remembered while its headers are unchanged. */
export function runComputation(ss: Spreadsheet, lang: Lang, who: string, tabs: TabFinder = new TabLayouts(ss)): ComputeSummary {
  const { registry, problems, snapshot } = readRegistry(ss, lang, tabs);
  const answers = readAnswers(tabs, registry.surveys, registry.questions);
  const observations = readObservations(tabs);
  const result = computeIndicators({ ...registry, answers, observations });
  const now = new Date();
  const widths = new ColumnWidths(tabs);
  const written = writeValues(tabs, snapshot.values, result.values, lang, now, widths);
  writeDashboard(tabs, registry.indicators, registry.outcomes, result.values, widths);
  writeChecks(tabs, result.surveyChecks, result.personFlags, widths);
  refreshCharts(ss, tabs, registry.indicators, result.values, lang, registry.questions, widths);
  const cohort = coordination(tabs) ? runCohortComputation(ss, lang, who, tabs, widths) : null;
  widths.save();
  const registryErrors = problems.filter((p) => p.severity === 'error').length;
  const respondents = answers.reduce((n, a) => n + a.rows.length, 0);
  const summary =
    `${count(registry.indicators.length, 'indicateur calculé', 'indicateurs calculés')} sur ${count(respondents, 'réponse', 'réponses')} et ${count(observations.length, 'observation', 'observations')} : ` +
    `${count(written, 'ligne écrite', 'lignes écrites')} dans Valeurs.` +
    (registryErrors > 0 ? ` ${count(registryErrors, 'erreur du registre a', 'erreurs du registre ont')} écarté des lignes : lancez « Vérifier le registre ».` : '');
  logToJournal(ss, who, 'compute', summary, tabs);
  return {
    ok: true,
    values: result.values,
    surveyChecks: result.surveyChecks,
    registryErrors,
    personFlags: result.personFlags,
    ...(cohort && { cohort }),
    summary: cohort ? `${summary}\n${cohort.summary}` : summary,
  };
}
