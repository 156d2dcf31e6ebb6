/**
 * The REFI-QDA project Repère exports from its registry: the codebook, and the observations the audience may receive
 * (the outward gate decides) as text sources coded with their themes. A file « usage interne » holds every observation
 * and says on itself, in its name and its description, that it stays inside the structure.
 */
import type { Codebook } from '../../codebook/codebook';
import { termLabel, termLabelOrNotGiven, type Audience, type Consent, type ObservationKind, type Scope } from '../../contract/words';
import { exchangeMayHold } from '../../outward/gate';
import { refiCodes } from './codebook';
import type { Project, ProjectSource } from './project';

/** An observation as the registry holds it, for an exchange file. */
export interface ExchangeObservation {
  id: string;
  kind: ObservationKind;
  text: string;
  note: string;
  /** ISO date-time of the capture. */
  createdAt: string;
  /** YYYY-MM-DD of the fact, or ''. */
  factDate: string;
  tags: string[];
  consent: Consent | null;
  scope: Scope;
  personId: string | null;
  stakeholder: string;
}

export interface ProjectExport {
  project: Project;
  /** Observations left out: what the audience may not receive. */
  leftOut: number;
}

/** What the file says about itself: for whom, by which rule, and what it does not hold. */
export function projectDescription(audience: Audience, kept: number, leftOut: number): string {
  if (audience === 'team') {
    return `USAGE INTERNE — ce fichier ne doit pas sortir de la structure. Il contient les ${kept} observations du registre, y compris celles sans consentement ou réservées à un usage interne. Les noms y sont remplacés par des pseudonymes ; « Personne » est un code pseudonyme.`;
  }
  return `Pour : ${termLabel('audience', audience, 'fr')}. ${kept} observation${kept > 1 ? 's' : ''} dont la personne a donné son accord (consentement « obtenu » ou « non requis ») et dont l’usage couvre ce destinataire` +
    (leftOut > 0 ? ` ; ${leftOut} autre${leftOut > 1 ? 's' : ''}, sans cet accord ou à usage interne, n’y figure${leftOut > 1 ? 'nt' : ''} pas` : '') +
    '. Les noms y sont remplacés par des pseudonymes ; « Personne » est un code pseudonyme. Chaque texte est codé en entier avec ses thèmes.';
}

/**
 * `withheld`: observations the registry already kept back for this audience (the server filters through the same gate
 * before anything crosses to the client), counted on the file with those left out here.
 */
export function projectFromRegistry(input: { registryName: string; codebook: Codebook; observations: readonly ExchangeObservation[]; audience: Audience; now: string; withheld?: number }): ProjectExport {
  const { codebook, audience } = input;
  const kept = input.observations.filter((o) => exchangeMayHold(o.consent, o.scope, audience));
  const leftOut = input.observations.length - kept.length + (input.withheld ?? 0);
  const sources: ProjectSource[] = kept.map((o) => {
    const date = o.factDate || o.createdAt.slice(0, 10);
    const codes = codebook.codesIn(o.tags);
    const lines = [
      `Type : ${termLabel('observationKind', o.kind, 'fr')}`,
      `Date : ${date}`,
      o.personId ? `Personne : ${o.personId}` : '',
      o.stakeholder ? `Partie prenante : ${o.stakeholder}` : '',
      `Consentement : ${termLabelOrNotGiven('consent', o.consent, 'fr')}`,
      `Usage : ${termLabel('scope', o.scope, 'fr')}`,
      o.tags.length > 0 ? `Thèmes : ${o.tags.join(', ')}` : '',
      // The note is the team's own reading: it stays with files that stay inside.
      audience === 'team' && o.note ? `Remarque : ${o.note}` : '',
    ];
    return {
      id: o.id, name: `${date} ${termLabel('observationKind', o.kind, 'fr')} ${o.id}`, text: o.text, createdAt: o.createdAt,
      description: lines.filter(Boolean).join('\n'), personId: o.personId, codes: codes.map((c) => c.guid),
    };
  });
  const name = audience === 'team' ? `${input.registryName} — observations (usage interne)` : `${input.registryName} — observations`;
  return {
    project: { name, createdAt: input.now, user: 'Repère', description: projectDescription(audience, kept.length, leftOut), codes: refiCodes(codebook), sources },
    leftOut,
  };
}
