/** A template set up as a registry would read it back: its rows through the sheet contract and the registry's checks. */
import { tabSpec } from '../../../shared/contract/tabs';
import type { Lang } from '../../../shared/contract/words';
import { validateRegistry, type RegistrySnapshot, type TabRows } from '../../../shared/registry/validate';
import { buildInstrument, type Instrument, type InstrumentInput } from '../../../shared/questionnaire/instrument';
import { templateById } from '../../../shared/templates/index';
import { templateRows } from '../../../shared/templates/rows';

function tabRows(key: 'outcomes' | 'indicators' | 'surveys' | 'questions', rows: Array<Record<string, string | number>>): TabRows {
  const columns: Record<string, string> = {};
  tabSpec(key).columns.forEach((c, i) => (columns[c.key] = String.fromCharCode(65 + i)));
  return { tab: tabSpec(key).label.fr, sheetId: 1, columns, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

export function templateInput(id: string, lang: Lang = 'fr'): InstrumentInput {
  const template = templateById(id)!;
  const rows = templateRows(template, lang);
  const snapshot: RegistrySnapshot = {
    lang,
    outcomes: tabRows('outcomes', rows.outcomes),
    indicators: tabRows('indicators', rows.indicators),
    surveys: tabRows('surveys', rows.surveys),
    questions: tabRows('questions', rows.questions),
  };
  const { registry, problems } = validateRegistry(snapshot);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('\n'));
  return { lang, structure: 'Association Relais Aidants', registry, approach: rows.approach.map((r) => ({ item: String(r.item), content: String(r.content) })), today: '2026-03-02' };
}

export function templateInstrument(id: string, survey = 'E1', wave = 'T0', lang: Lang = 'fr'): Instrument {
  const built = buildInstrument(templateInput(id, lang), survey, wave);
  if (!built.ok) throw new Error(built.message);
  return built.instrument;
}
