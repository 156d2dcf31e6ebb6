/** The rubrics of the « Démarche » tab that the sidebar's guided form fills: one row per rubric. */
import type { Lang } from '../contract/tabs';

export const APPROACH_RUBRICS = [
  { key: 'question', fr: 'Question évaluative', en: 'Evaluative question', help: 'Ce que vous voulez savoir, en une ou deux questions. Ex. : « Les aidants que nous accompagnons arrivent-ils à prendre du temps pour eux ? »' },
  { key: 'scope', fr: 'Périmètre', en: 'Scope', help: 'Les activités, les sites et les personnes concernés.' },
  { key: 'stakeholders', fr: 'Parties prenantes associées', en: 'Stakeholders involved', help: 'Qui participe : personnes accompagnées, aidants, salariés, bénévoles, partenaires…' },
  { key: 'period', fr: 'Période', en: 'Period', help: 'La période couverte, ex. « janvier 2026 à décembre 2027 ».' },
  { key: 'people', fr: 'Personnes responsables', en: 'People responsible', help: 'Qui pilote la démarche, qui collecte, qui analyse.' },
] as const;

export type ApproachKey = (typeof APPROACH_RUBRICS)[number]['key'];
export type ApproachFields = Partial<Record<ApproachKey, string>>;

export function rubricLabel(key: ApproachKey, lang: Lang): string {
  return APPROACH_RUBRICS.find((r) => r.key === key)![lang];
}

/** Which rubric a row's « Rubrique » cell names, in either language. */
export function rubricOf(item: string): ApproachKey | null {
  const wanted = item.trim().toLowerCase();
  return APPROACH_RUBRICS.find((r) => r.fr.toLowerCase() === wanted || r.en.toLowerCase() === wanted)?.key ?? null;
}
