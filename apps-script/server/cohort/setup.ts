/**
 * A coordinator's registry: an ordinary registry with the coordination tabs (« repere setup --cohort », the sidebar's
 * « Configurer la coordination »). The cohort gets its id once; a starting framework fills « Indicateurs partagés »
 * too, so the coordinator starts from definitions to adjust rather than from nothing. Run again, it adds only what
 * is missing.
 */
import { cohortIdFrom } from '../../../shared/cohort/invitation';
import { COHORT_TABS } from '../../../shared/contract/tabs';
import type { Lang } from '../../../shared/contract/words';
import { templateRows } from '../../../shared/templates/rows';
import type { Template } from '../../../shared/templates/schema';
import { fold } from '../../../shared/text/fold';
import { count } from '../../../shared/text/plural';
import { logToJournal } from '../journal';
import { appendRecords, columnValues, directFinder } from '../registry';
import { setupRegistry, type SetupReport } from '../setup';
import type { Spreadsheet } from '../spreadsheet';
import { readSharedSet } from './shared-set';
import { coordination, saveCoordination } from './state';

export interface CohortSetupReport extends SetupReport {
  cohort: string;
  sharedIndicators: number;
}

export function setupCohort(ss: Spreadsheet, lang: Lang, who: string, template?: Template): CohortSetupReport {
  const report = setupRegistry(ss, lang, who, template, COHORT_TABS);
  const existing = coordination();
  if (!existing) saveCoordination({ id: cohortIdFrom(Utilities.getUuid()), setVersion: 0, setPrint: '', history: {}, showNames: false });
  const tabs = directFinder(ss);
  let added = 0;
  const shared = tabs.tab('sharedIndicators');
  if (template && shared) {
    const present = new Set(columnValues(shared, 'code').map((c) => fold(String(c))));
    const rows = templateRows(template, lang).indicators.filter((r) => !present.has(fold(String(r['code'] ?? ''))));
    appendRecords(shared, rows);
    added = rows.length;
  }
  const read = readSharedSet(tabs, lang);
  const state = coordination()!;
  const indicators = read?.definitions.length ?? 0;
  const summary =
    `${existing ? 'Coordination de la cohorte complétée' : 'Coordination de cohorte configurée'} (identifiant ${state.id}) : ` +
    `${count(indicators, 'indicateur partagé', 'indicateurs partagés')}${added > 0 ? `, dont ${added} du modèle « ${template!.name[lang]} »` : ''}. ` +
    (indicators > 0 ? 'Ajustez « Indicateurs partagés », puis invitez les structures (« Inviter une structure »).' : 'Écrivez les indicateurs partagés (onglet « Indicateurs partagés », mêmes colonnes qu’« Indicateurs »), puis invitez les structures.');
  logToJournal(ss, who, 'cohort', summary, tabs);
  return { ...report, summary: `${report.summary} ${summary}`, cohort: state.id, sharedIndicators: indicators };
}
