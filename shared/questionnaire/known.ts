/**
 * The import's view of a generated questionnaire: every header its tools write for each question (the Google Form's
 * item title, a grid row « Titre [Ligne] », the XLSForm name and `groupe/nom` path of a KoboToolbox export in XML
 * values, its label in a label export) and what the column holds. This is the one place that turns an instrument
 * into known columns, so the first import of a generated questionnaire needs no mapping step.
 */
import type { KnownColumn, KnownInstrument, ParadataKey } from '../survey/mapping';
import { allQuestions, type Instrument, type InstrumentQuestion } from './instrument';
import { WAVE_FIELD, xlsFormPaths } from './xlsform';

const ROLE_PARADATA: Partial<Record<NonNullable<InstrumentQuestion['role']>, ParadataKey>> = {
  respondentType: 'respondentType',
  personId: 'personId',
  mode: 'mode',
  interviewer: 'interviewer',
};

/** What a column of this question holds, whatever its header. */
function target(q: InstrumentQuestion): Omit<KnownColumn, 'header' | 'correction'> {
  const paradata = q.role ? ROLE_PARADATA[q.role] : undefined;
  return {
    // Paradata only, even when the registry asks it as a question: one column, one meaning (a person's code must never
    // become an answer that leaves in a figure; who answered is read from the paradata column).
    ...(q.registry && !paradata && { question: q.key }),
    ...(paradata && { paradata }),
    ...(q.role === 'consent' && { participation: true as const }),
    ...(q.role === 'quoteConsent' && { quoteConsent: true as const }),
    ...(q.registry && q.type === 'text' && !q.role && { quote: true as const }),
  };
}

/** Headers that hold choice names (an export in XML values): the levels are their positions, lowest first. */
function namesCorrection(q: InstrumentQuestion): KnownColumn['correction'] {
  if (!q.registry || q.role === 'respondentType' || (q.type !== 'single' && q.type !== 'likert' && q.type !== 'multiple')) return undefined;
  return { type: q.type, ...(q.type !== 'multiple' && { levels: q.choices.map((c) => c.name) }) };
}

/**
 * `titles` gives, by question name, the headers a live Google Form writes today (its items may have been renamed
 * since Repère made it): they are known as well as the instrument's own wording.
 */
export function knownInstrument(instrument: Instrument, titles: ReadonlyMap<string, readonly string[]> = new Map()): KnownInstrument {
  const columns: KnownColumn[] = [];
  const paths = xlsFormPaths(instrument);
  const gridOf = new Map<InstrumentQuestion, string>();
  for (const section of instrument.sections) for (const block of section.blocks) if (block.kind === 'grid') for (const row of block.rows) gridOf.set(row, block.title);
  for (const q of allQuestions(instrument)) {
    const what = target(q);
    const byName = namesCorrection(q);
    const labels = new Set([q.label, ...(gridOf.has(q) ? [`${gridOf.get(q)} [${q.label}]`] : []), ...(titles.get(q.name) ?? [])]);
    for (const header of labels) columns.push({ header, ...what });
    for (const header of new Set([q.name, paths.get(q)!])) columns.push({ header, ...what, ...(byName && { correction: byName }) });
  }
  // Whatever wave the XLSForm was made for, its hidden field says it in every answer.
  columns.push({ header: WAVE_FIELD, paradata: 'wave' });
  return { survey: instrument.survey.id, wave: instrument.wave, columns, fixed: { ...(instrument.fixed.mode && { mode: instrument.fixed.mode }) } };
}
