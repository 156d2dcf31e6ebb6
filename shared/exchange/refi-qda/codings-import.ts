/**
 * Brings back the codings of a project coded elsewhere: each text source is matched to the observation Repère wrote
 * it from (its GUID is the observation's id; failing that, the id in its name, for tools that renumber on export), and
 * each code it carries becomes one of that observation's themes. Codes the evaluator created become themes (see
 * codebook-import.ts). Codings are added, never removed: a coding deleted elsewhere leaves the registry's tag alone.
 */
import type { Codebook } from '../../codebook/codebook';
import { fold } from '../../text/fold';
import { planCodebookImport, type CodebookPlan } from '../codebook-import';
import type { ProjectRead } from './project';

export interface CodingsPlan {
  codebook: CodebookPlan;
  /** Per observation, the theme or outcome ids to add to its tags. */
  additions: Array<{ id: string; tags: string[] }>;
  /** Codings already on their observation. */
  present: number;
  /** Sources no observation of the registry matches (written by another project, or deleted since). */
  unknownSources: number;
  /** Codings on part of a text, brought onto the whole observation. */
  partial: number;
  /** Codings whose code the project's codebook does not hold. */
  orphans: number;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export function planCodingsImport(
  project: Extract<ProjectRead, { ok: true }>,
  codebook: Codebook,
  observations: ReadonlyArray<{ id: string; tags: readonly string[] }>,
  looseOutcome?: string,
): CodingsPlan {
  const plan = planCodebookImport(project.codes, codebook, looseOutcome);
  const byId = new Map(observations.map((o) => [o.id.toUpperCase(), o]));
  const result: CodingsPlan = { codebook: plan, additions: [], present: 0, unknownSources: 0, partial: 0, orphans: 0 };
  for (const source of project.sources) {
    const observation = byId.get(source.guid) ?? byId.get(UUID.exec(source.name)?.[0]?.toUpperCase() ?? '');
    if (!observation) {
      if (source.codes.length > 0) result.unknownSources++;
      continue;
    }
    result.partial += source.partial;
    const has = new Set(observation.tags.map((t) => codebook.codeOf(t)?.id ?? t).map(fold));
    const add: string[] = [];
    for (const guid of source.codes) {
      const id = plan.codeOfGuid.get(guid);
      if (!id) result.orphans++;
      else if (has.has(fold(id))) result.present++;
      else {
        has.add(fold(id));
        add.push(id);
      }
    }
    if (add.length > 0) result.additions.push({ id: observation.id, tags: add });
  }
  return result;
}

/** « 12 codages rapportés sur 9 observations, 3 déjà présents » and what was set aside, in plain words. */
export function codingsPlanSummary(plan: CodingsPlan): string {
  const added = plan.additions.reduce((n, a) => n + a.tags.length, 0);
  const parts = [`${added} codage${added > 1 ? 's' : ''} rapporté${added > 1 ? 's' : ''} sur ${plan.additions.length} observation${plan.additions.length > 1 ? 's' : ''}`, `${plan.present} déjà présent${plan.present > 1 ? 's' : ''}`];
  if (plan.partial > 0) parts.push(`${plan.partial} sur une partie du texte seulement, appliqué${plan.partial > 1 ? 's' : ''} à toute l’observation`);
  if (plan.unknownSources > 0) parts.push(`${plan.unknownSources} source${plan.unknownSources > 1 ? 's' : ''} codée${plan.unknownSources > 1 ? 's' : ''} sans observation correspondante dans ce registre, laissée${plan.unknownSources > 1 ? 's' : ''} de côté`);
  if (plan.orphans > 0) parts.push(`${plan.orphans} codage${plan.orphans > 1 ? 's' : ''} vers un code absent du livre de codes du projet, laissé${plan.orphans > 1 ? 's' : ''} de côté`);
  return `${parts.join(', ')}.`;
}
