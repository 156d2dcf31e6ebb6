/**
 * The codebook: the registry's outcomes as top-level codes and the « Thèmes » tab's themes below them. It says which
 * code an observation's tag names (a theme or an outcome, by its id or its label, whatever the case or accents), which
 * observations carry a set of codes, and how many distinct people raise them.
 */
import type { Outcome, Theme } from '../registry/model';
import { fold } from '../text/fold';

export interface Code {
  kind: 'outcome' | 'theme';
  /** The outcome's or the theme's id (C1, T3). */
  id: string;
  /** What people read: the theme's label, the outcome's change. */
  label: string;
  description: string;
  /** #RRGGBB or ''. */
  colour: string;
  /** The REFI-QDA GUID it leaves under, '' until its first export. */
  guid: string;
  /** The outcome it belongs to: its own id for an outcome. */
  outcome: string;
}

/** One code key per code: outcomes and themes share no id (the registry check refuses it). */
const keyOf = (code: Pick<Code, 'id'>) => fold(code.id);

export class Codebook {
  /** Outcomes first, each followed by its themes, in the registry's order. */
  readonly codes: readonly Code[];
  private readonly byWord = new Map<string, Code>();

  constructor(outcomes: readonly Outcome[], themes: readonly Theme[]) {
    const codes: Code[] = [];
    for (const o of outcomes) {
      codes.push({ kind: 'outcome', id: o.id, label: o.change || o.id, description: '', colour: '', guid: o.guid, outcome: o.id });
      for (const t of themes) {
        if (fold(t.outcome) === fold(o.id)) codes.push({ kind: 'theme', id: t.id, label: t.label, description: t.description, colour: t.colour, guid: t.guid, outcome: o.id });
      }
    }
    this.codes = codes;
    // Ids first, then labels: a label that happens to read as another code's id does not take it over.
    for (const code of codes) this.byWord.set(keyOf(code), code);
    for (const code of codes) if (!this.byWord.has(fold(code.label))) this.byWord.set(fold(code.label), code);
  }

  /** The code a tag names, by id or label; null for a free tag. */
  codeOf(tag: string): Code | null {
    return this.byWord.get(fold(tag)) ?? null;
  }

  themesOf(outcome: string): Code[] {
    return this.codes.filter((c) => c.kind === 'theme' && fold(c.outcome) === fold(outcome));
  }

  /**
   * Whether a list of tags carries one of `wanted`: a wanted theme by its id or label, a wanted outcome by itself or
   * any of its themes; a wanted word that names no code matches a tag written the same way (free tags).
   */
  matcher(wanted: readonly string[]): (tags: readonly string[]) => boolean {
    const keys = new Set<string>();
    const free = new Set<string>();
    for (const word of wanted) {
      const code = this.codeOf(word);
      if (!code) free.add(fold(word));
      else {
        keys.add(keyOf(code));
        if (code.kind === 'outcome') for (const theme of this.themesOf(code.id)) keys.add(keyOf(theme));
      }
    }
    const carries = new Map<string, boolean>();
    const one = (tag: string) => {
      let yes = carries.get(tag);
      if (yes === undefined) {
        const code = this.codeOf(tag);
        carries.set(tag, (yes = code ? keys.has(keyOf(code)) : free.has(fold(tag))));
      }
      return yes;
    };
    return (tags) => tags.some(one);
  }

  /** The codes a list of tags names, each once, in the codebook's order (free tags left out). */
  codesIn(tags: readonly string[]): Code[] {
    const named = new Set(tags.map((t) => this.codeOf(t)).filter((c): c is Code => c !== null));
    return this.codes.filter((c) => named.has(c));
  }
}

/** An observation as counted: who it is about and what it is tagged with. */
export interface Mention {
  personId: string | null;
  tags: readonly string[];
}

export interface PersonCount {
  /** Distinct people with at least one observation carrying the themes. */
  k: number;
  /** Distinct people with at least one observation at all (« rencontrées »). */
  n: number;
  /** Observations without a person code, counted nowhere above. */
  withoutPerson: number;
  /** Observations carrying the themes. */
  observations: number;
}

/**
 * Distinct pseudonymous people who raise the themes: the same person quoted three times counts once, in k and in n.
 * Person codes are compared as written, trimmed and case-folded (« p-017 » is « P-017 »).
 */
export function countPersons(mentions: readonly Mention[], carries: (tags: readonly string[]) => boolean): PersonCount {
  const met = new Set<string>();
  const raising = new Set<string>();
  let withoutPerson = 0;
  let observations = 0;
  for (const m of mentions) {
    const person = m.personId?.trim().toLowerCase() ?? '';
    const carried = carries(m.tags);
    if (carried) observations++;
    if (person === '') {
      withoutPerson++;
      continue;
    }
    met.add(person);
    if (carried) raising.add(person);
  }
  return { k: raising.size, n: met.size, withoutPerson, observations };
}
