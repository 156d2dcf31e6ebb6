/**
 * The registry as the questionnaire generators need it: the instrument of a survey, the « Vérifier » advice on
 * wording placed on its cells, and the columns the import knows for a survey's generated questionnaires.
 */
import type { Lang } from '../../shared/contract/words';
import { questionnaireAdvice } from '../../shared/questionnaire/checks';
import { buildInstrument, type BuiltInstrument, type InstrumentInput } from '../../shared/questionnaire/instrument';
import { knownInstrument } from '../../shared/questionnaire/known';
import type { RegistrySnapshot, Validation } from '../../shared/registry/validate';
import type { KnownInstrument } from '../../shared/survey/mapping';
import { approachRows } from './approach';
import { formRecords, liveTitles } from './google-form';
import { readRegistry } from './registry-read';
import type { Spreadsheet } from './spreadsheet';

export interface PlacedAdvice {
  rule: string;
  tab: string;
  sheetId: number;
  cell: string;
  message: string;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function instrumentInput(ss: Spreadsheet, lang: Lang, read: Validation = readRegistry(ss, lang)): InstrumentInput {
  return { lang, structure: ss.getName(), registry: read.registry, approach: approachRows(ss), today: today() };
}

export function surveyInstrument(ss: Spreadsheet, lang: Lang, survey: string, wave: string): BuiltInstrument {
  return buildInstrument(instrumentInput(ss, lang), survey, wave);
}

/** The advice on questionnaires, each on the cell it is about (« Questions!C7 : … »). */
export function placedAdvice(ss: Spreadsheet, lang: Lang, read: Validation & { snapshot: RegistrySnapshot }): PlacedAdvice[] {
  return questionnaireAdvice({ lang, registry: read.registry, approach: approachRows(ss) }).flatMap((advice) => {
    const rows = read.snapshot[advice.tab];
    if (!rows) return [];
    const cell = `${rows.columns[advice.column] ?? 'A'}${advice.row}`;
    return [{ rule: advice.rule, tab: rows.tab, sheetId: rows.sheetId, cell, message: `${rows.tab}!${cell} : ${advice.message}` }];
  });
}

/**
 * What the import knows about a survey's generated questionnaires: the instrument as the registry describes it now
 * (XLSForm names and labels), and each Google Form made for it, with the titles its items have today.
 */
export function knownInstruments(ss: Spreadsheet, lang: Lang, survey: string): KnownInstrument[] {
  const input = instrumentInput(ss, lang);
  const out: KnownInstrument[] = [];
  const base = buildInstrument(input, survey, '');
  if (base.ok) out.push(knownInstrument(base.instrument));
  for (const record of formRecords().filter((r) => r.survey.toLowerCase() === survey.toLowerCase())) {
    const built = buildInstrument(input, record.survey, record.wave);
    if (built.ok) out.push(knownInstrument(built.instrument, liveTitles(record) ?? undefined));
  }
  return out;
}
