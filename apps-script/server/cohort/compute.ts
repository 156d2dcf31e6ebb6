/**
 * The cohort's computation in a coordinator's registry (run with « Calculer », and by `repere compute`): read each
 * coordination tab once (the shared set and the tabs it relies on, « Membres », « Agrégats reçus »), pool in plain
 * code (shared/cohort/pooling.ts), then write each output once: « Tableau de cohorte », « Graphiques de cohorte » and
 * the status columns of « Membres ».
 */
import { cohortCharts } from '../../../shared/cohort/charts';
import { dashboardLines, type DashboardLine } from '../../../shared/cohort/dashboard';
import { poolCohort, type CohortDefinition, type CohortPooling, type PooledFigure } from '../../../shared/cohort/pooling';
import { tabSpec } from '../../../shared/contract/tabs';
import { indicatorBounds } from '../../../shared/indicators/compute';
import type { Lang } from '../../../shared/contract/words';
import { fold } from '../../../shared/text/fold';
import { drawCharts } from '../charts';
import { logToJournal } from '../journal';
import { lastKnownColumn, rewriteRecords, type CellValue, type TabFinder } from '../registry';
import type { ColumnWidths } from '../sheet-layout';
import type { Spreadsheet } from '../spreadsheet';
import { writeStandings } from './collector';
import { readMembers } from './members';
import { readSharedSet } from './shared-set';
import { count } from '../../../shared/text/plural';

export const COHORT_CHARTS_PROPERTY = 'repere.cohortCharts';

export interface CohortSummary {
  cohort: string;
  setVersion: number;
  members: number;
  definitions: Array<{ code: string; name: string; version: number }>;
  figures: PooledFigure[];
  lines: DashboardLine[];
  /** Codes members published that are not in the shared set. */
  unknown: string[];
  summary: string;
}

/** The cohort as « Agrégats reçus » holds it now, pooled: the shared set, the members and the pooled figures. */
export interface PooledCohort {
  read: NonNullable<ReturnType<typeof readSharedSet>>;
  members: ReturnType<typeof readMembers>;
  /** Members invited and not withdrawn (a hash of their secret in « Membres »). */
  active: number;
  definitions: CohortDefinition[];
  pooling: CohortPooling;
}

/** Reads each coordination tab once and pools; null when the registry coordinates no cohort. Writes nothing. */
export function poolReceived(tabs: TabFinder, lang: Lang): PooledCohort | null {
  const read = readSharedSet(tabs, lang);
  if (!read) return null;
  const members = readMembers(tabs);
  // « Agrégats reçus » in one read, pooled straight from the values: a cohort may hold hundreds of thousands of rows.
  const received = tabs.tab('receivedAggregates');
  const last = received?.sheet.getLastRow() ?? 0;
  const width = received ? lastKnownColumn(received) : 0;
  const values = received && last >= 2 && width > 0 ? received.sheet.getRange(2, 1, last - 1, width).getValues() : [];
  const columns = new Map([...(received?.columns ?? new Map<string, number>())].map(([key, column]) => [key, column - 1]));
  const stakeholders = new Map(read.registry.outcomes.map((o) => [fold(o.id), o.stakeholder.trim().toLowerCase()]));
  const definitions: CohortDefinition[] = read.definitions.map((d) => ({
    code: d.code, name: d.indicator.name, unit: d.indicator.unit, who: stakeholders.get(fold(d.indicator.outcome)) || 'personnes', version: d.version,
    history: read.coordination.history[d.code] ?? { [String(d.version)]: d.fingerprint }, bounds: indicatorBounds(d.indicator, read.registry.questions),
  }));
  const active = members.filter((m) => m.secretHash.length === 64).length;
  return { read, members, active, definitions, pooling: poolCohort(definitions, { values, columns }) };
}

/** Null when the registry coordinates no cohort. */
export function runCohortComputation(ss: Spreadsheet, lang: Lang, who: string, tabs: TabFinder, widths?: ColumnWidths): CohortSummary | null {
  const cohort = poolReceived(tabs, lang);
  if (!cohort) return null;
  const { read, members, definitions, pooling } = cohort;
  // Codes by default; the structures' names only when the coordinator chose to show them to the members themselves.
  const names = new Map(members.map((m) => [m.code, m.name]));
  const label = read.coordination.showNames ? (code: string) => names.get(code) || code : (code: string) => code;
  const lines = dashboardLines(pooling.figures, definitions, cohort.active, label);

  const dashboard = tabs.tab('cohortDashboard');
  if (dashboard) {
    const records = lines.map((l) => ({ ...l }) as unknown as Record<string, CellValue>);
    rewriteRecords(dashboard, records);
    widths?.fitTab(dashboard, tabSpec('cohortDashboard').columns, records);
  }
  drawCharts(ss, tabs, 'cohortCharts', COHORT_CHARTS_PROPERTY, cohortCharts(definitions, pooling, label), lang, widths);
  writeStandings(tabs, members, pooling.published);

  const contributing = new Set(pooling.published.map((p) => p.member)).size;
  const summary =
    `Cohorte ${read.coordination.id} : ${count(pooling.figures.length, 'chiffre mis', 'chiffres mis')} en commun pour ${count(definitions.length, 'indicateur partagé', 'indicateurs partagés')} (jeu en version ${read.coordination.setVersion}), ` +
    `à partir des publications de ${count(contributing, 'structure', 'structures')} sur ${cohort.active}.` +
    (pooling.unknown.length ? ` Indicateurs publiés absents du jeu partagé, laissés de côté : ${pooling.unknown.join(', ')}.` : '') +
    (read.problems.length ? ` ${count(read.problems.length, 'problème', 'problèmes')} dans « Indicateurs partagés » : lancez « Vérifier ».` : '');
  logToJournal(ss, who, 'cohort', summary, tabs);
  return {
    cohort: read.coordination.id, setVersion: read.coordination.setVersion, members: cohort.active,
    definitions: definitions.map((d) => ({ code: d.code, name: d.name, version: d.version })),
    figures: pooling.figures, lines, unknown: pooling.unknown, summary,
  };
}
