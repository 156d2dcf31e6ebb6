/** The rubrics of the « Démarche » tab that the sidebar's guided form fills: one row per rubric. */
import { termId, termLabel, type Lang } from '../contract/words';

/** Each rubric's word (its « Rubrique » cell) is the contract's `approachItem` of the same key. */
export const APPROACH_RUBRICS = [
  { key: 'question', help: 'Ce que vous voulez savoir, en une ou deux questions. Ex. : « Les aidants que nous accompagnons arrivent-ils à prendre du temps pour eux ? »' },
  { key: 'scope', help: 'Les activités, les sites et les personnes concernés.' },
  { key: 'stakeholders', help: 'Qui participe : personnes accompagnées, aidants, salariés, bénévoles, partenaires…' },
  { key: 'period', help: 'La période couverte, ex. « janvier 2026 à décembre 2027 ».' },
  { key: 'people', help: 'Qui pilote la démarche, qui collecte, qui analyse.' },
  { key: 'promise', help: 'Les 1 à 3 indicateurs principaux, choisis avant la collecte, par leur code (ex. « I3, I5 ») : les rapports les mettent en tête.' },
  { key: 'interviewers', help: 'Qui fait passer les questionnaires : l’équipe (salariés, bénévoles) ou une personne extérieure. Laissez vide s’ils sont remplis seuls.' },
] as const;

export type ApproachKey = (typeof APPROACH_RUBRICS)[number]['key'];
export type ApproachFields = Partial<Record<ApproachKey, string>>;

export function rubricLabel(key: ApproachKey, lang: Lang): string {
  return termLabel('approachItem', key, lang);
}

/** Which rubric a row's « Rubrique » cell names, in either language. */
export function rubricOf(item: string): ApproachKey | null {
  const id = termId('approachItem', item);
  return APPROACH_RUBRICS.find((r) => r.key === id)?.key ?? null;
}
