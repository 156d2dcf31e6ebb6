/**
 * Which groups of a figure may be published to the cohort: only those whose label comes from the shared definition
 * itself — an answer level of a breakdown question (« 75 à 84 ans »), a respondent type (« lui-même »), a collection
 * mode, a wave — never a value typed by the structure (a site's or an interviewer's name, a free answer). So the
 * label of a group, even a hidden one, can never carry a name or an answer.
 */
import { PARADATA_BREAKDOWNS, NOT_GIVEN, termId, type BreakdownParadatum } from '../contract/words';
import type { Indicator, Question } from '../registry/model';
import { fold } from '../text/fold';
import { Label, PeriodLabel } from './publication';

/** A value row's segment, « colonne = valeur », split; null for the whole group. */
export function splitSegment(segment: string): { column: string; value: string } | null {
  const at = segment.indexOf(' = ');
  return at < 0 ? null : { column: segment.slice(0, at), value: segment.slice(at + 3) };
}

function paradatumOf(column: string): BreakdownParadatum | null {
  const folded = fold(column);
  for (const key of Object.keys(PARADATA_BREAKDOWNS) as BreakdownParadatum[]) {
    const names = PARADATA_BREAKDOWNS[key];
    if ([...names.fr, ...names.en].some((n) => fold(n) === folded)) return key;
  }
  return null;
}

const notGiven = (value: string) => fold(value) === fold(NOT_GIVEN.fr) || fold(value) === fold(NOT_GIVEN.en);

/** Null when the group may be published, else why not (in French). */
export function segmentRefusal(indicator: Indicator, questions: readonly Question[], column: string, value: string): string | null {
  if (!Label.safeParse(column).success || !Label.safeParse(value).success) return `le groupe « ${column} » a un libellé trop long ou des caractères refusés`;
  const paradatum = paradatumOf(column);
  if (paradatum === 'interviewer') return `la ventilation « ${column} » nommerait des personnes (enquêteurs)`;
  if (paradatum === 'respondentType') return termId('respondentType', value) !== null || notGiven(value) ? null : `« ${value} » n’est pas un type de répondant connu`;
  if (paradatum === 'mode') return termId('surveyMode', value) !== null || notGiven(value) ? null : `le mode « ${value} » n’est pas un mot de la liste des modes`;
  if (paradatum === 'wave') return PeriodLabel.safeParse(value).success ? null : `la vague « ${value} » n’a pas la forme d’une période`;
  const source = indicator.source;
  const question = source.type === 'survey' ? questions.find((q) => fold(q.survey) === fold(source.survey) && fold(q.key) === fold(column)) : undefined;
  if (!question) return `la ventilation « ${column} » n’est pas une question de l’enquête partagée`;
  if ((question.type !== 'single' && question.type !== 'likert') || question.levels.length === 0) return `la ventilation « ${column} » n’est pas une question à réponses prévues`;
  return notGiven(value) || question.levels.some((l) => fold(l) === fold(value)) ? null : `« ${value} » n’est pas une réponse prévue de « ${column} »`;
}
