/**
 * How a member's registry adopts the cohort's shared set, planned from what the registry holds (plain rows): which
 * rows to add and which to update, tab by tab, never a row removed and never a local indicator changed.
 * - The changes aimed for and the surveys the definitions name are added when missing, and left alone when present.
 * - The cohort's questions are added, or brought back to the shared wording when the registry asks them otherwise
 *   (a figure is only pooled when everyone asked the same question).
 * - A definition adopted before is updated in place (its row keeps the member's code); a local indicator with the same
 *   code and the same definition (both from the same starting framework) is linked to the cohort; one with the same
 *   code but another definition is left alone, and the shared one is added under a code of its own.
 */
import { tabSpec, type TabKey } from '../contract/tabs';
import { termId, termLabel, type Lang, type VocabularyKey } from '../contract/words';
import type { TabRows } from '../registry/validate';
import { fold } from '../text/fold';
import { ADOPTED_COLUMNS } from './definition';
import type { Cells, SharedSet } from './protocol';
import { agree, count } from '../text/plural';

type Part = keyof typeof ADOPTED_COLUMNS;
type Record_ = Record<string, string | number | boolean>;

export interface MemberRows {
  outcomes?: TabRows;
  surveys?: TabRows;
  questions?: TabRows;
  indicators?: TabRows;
}

export interface AdoptionPlan {
  appends: Record<Part, Record_[]>;
  updates: Record<Part, Array<{ row: number; cells: Record_ }>>;
  /** Per shared code: the member's code for it, the version and fingerprint adopted. */
  adopted: Record<string, { code: string; version: number; fingerprint: string }>;
  counts: { added: number; linked: number; updated: number; outcomes: number; surveys: number; questionsAdded: number; questionsUpdated: number };
}

const TAB_OF: Record<Part, TabKey> = { outcomes: 'outcomes', surveys: 'surveys', questions: 'questions', indicators: 'indicators' };

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** A cell in the member's language: a dropdown word is translated, anything else copied as it is. */
function localised(part: Part, key: string, value: string | number | boolean, lang: Lang): string | number | boolean {
  const choices = tabSpec(TAB_OF[part]).columns.find((c) => c.key === key)?.choices;
  if (typeof choices !== 'string' || typeof value !== 'string') return value;
  const id = termId(choices as VocabularyKey, value);
  return id === null ? value : termLabel(choices as VocabularyKey, id, lang);
}

function localisedCells(part: Part, cells: Cells, lang: Lang): Record_ {
  return Object.fromEntries(ADOPTED_COLUMNS[part].map((k) => [k, localised(part, k, cells[k] ?? '', lang)]));
}

/** Whether two cells say the same (case, accents and the registry's language aside). */
function same(part: Part, key: string, a: unknown, b: unknown): boolean {
  const choices = tabSpec(TAB_OF[part]).columns.find((c) => c.key === key)?.choices;
  if (typeof choices === 'string') {
    const ia = termId(choices as VocabularyKey, text(a));
    const ib = termId(choices as VocabularyKey, text(b));
    if (ia !== null || ib !== null) return ia === ib;
  }
  return fold(text(a)) === fold(text(b));
}

/** A code for the shared definition that no row of the member uses yet: « I1 », else « I1-C », « I1-C2 »… */
function freeCode(code: string, taken: Set<string>): string {
  if (!taken.has(fold(code))) return code;
  for (let i = 1; ; i++) {
    const candidate = `${code}-C${i === 1 ? '' : i}`;
    if (!taken.has(fold(candidate))) return candidate;
  }
}

/**
 * `fingerprints`: the definition fingerprint of each valid indicator row of the member (by row), to tell a local copy
 * of the same definition from another one under the same code.
 */
export function planAdoption(set: SharedSet, member: MemberRows, fingerprints: ReadonlyMap<number, string>, lang: Lang): AdoptionPlan {
  const plan: AdoptionPlan = {
    appends: { outcomes: [], surveys: [], questions: [], indicators: [] },
    updates: { outcomes: [], surveys: [], questions: [], indicators: [] },
    adopted: {},
    counts: { added: 0, linked: 0, updated: 0, outcomes: 0, surveys: 0, questionsAdded: 0, questionsUpdated: 0 },
  };
  const rowsOf = (part: Part) => member[part]?.rows ?? [];

  for (const part of ['outcomes', 'surveys'] as const) {
    const present = new Set(rowsOf(part).map((r) => fold(text(r.cells['id']))));
    for (const cells of set[part]) {
      if (present.has(fold(text(cells['id'])))) continue;
      present.add(fold(text(cells['id'])));
      plan.appends[part].push(localisedCells(part, cells, lang));
      plan.counts[part]++;
    }
  }

  const questionKey = (c: Record<string, unknown>) => `${fold(text(c['survey']))}\u0000${fold(text(c['key']))}`;
  const questions = new Map(rowsOf('questions').map((r) => [questionKey(r.cells), r]));
  for (const cells of set.questions) {
    const existing = questions.get(questionKey(cells));
    if (!existing) {
      plan.appends.questions.push(localisedCells('questions', cells, lang));
      plan.counts.questionsAdded++;
      continue;
    }
    const changed = ADOPTED_COLUMNS.questions.filter((k) => k !== 'survey' && k !== 'key' && !same('questions', k, existing.cells[k], cells[k]));
    if (changed.length === 0) continue;
    plan.updates.questions.push({ row: existing.row, cells: Object.fromEntries(changed.map((k) => [k, localised('questions', k, cells[k] ?? '', lang)])) });
    plan.counts.questionsUpdated++;
  }

  const indicators = rowsOf('indicators');
  const taken = new Set(indicators.map((r) => fold(text(r.cells['code']))));
  for (const definition of set.indicators) {
    const shared = text(definition.cells['code']);
    const link = { cohortCode: shared, cohort: set.id, cohortVersion: definition.version };
    const adopt = (code: string) => (plan.adopted[shared] = { code, version: definition.version, fingerprint: definition.fingerprint });
    const before = indicators.find((r) => text(r.cells['cohort']) === set.id && fold(text(r.cells['cohortCode'])) === fold(shared));
    if (before) {
      const cells = localisedCells('indicators', definition.cells, lang);
      const code = text(before.cells['code']) || shared;
      plan.updates.indicators.push({ row: before.row, cells: { ...cells, code, ...link } });
      plan.counts.updated++;
      adopt(code);
      continue;
    }
    const local = indicators.find((r) => text(r.cells['cohort']) === '' && fold(text(r.cells['code'])) === fold(shared));
    if (local && fingerprints.get(local.row) === definition.fingerprint) {
      plan.updates.indicators.push({ row: local.row, cells: link });
      plan.counts.linked++;
      adopt(text(local.cells['code']));
      continue;
    }
    const code = freeCode(shared, taken);
    taken.add(fold(code));
    plan.appends.indicators.push({ ...localisedCells('indicators', definition.cells, lang), code, ...link });
    plan.counts.added++;
    adopt(code);
  }
  return plan;
}

/** The adoption in one French sentence, for the sidebar, the command and the Journal. */
export function adoptionSummary(set: SharedSet, plan: AdoptionPlan): string {
  const c = plan.counts;
  const parts = [
    `${count(set.indicators.length, 'indicateur partagé adopté', 'indicateurs partagés adoptés')} (jeu en version ${set.setVersion})`,
    `${count(c.added, 'ajouté', 'ajoutés')}, ${count(c.linked, 'relié', 'reliés')} à un indicateur identique déjà présent, ${c.updated} mis à jour`,
  ];
  if (c.questionsAdded + c.questionsUpdated > 0) parts.push(`${count(c.questionsAdded, 'question ajoutée', 'questions ajoutées')} et ${count(c.questionsUpdated, 'remise', 'remises')} à la formulation partagée`);
  if (c.outcomes + c.surveys > 0) parts.push(`${count(c.outcomes, 'changement visé', 'changements visés')} et ${count(c.surveys, 'enquête', 'enquêtes')} ${agree(c.outcomes + c.surveys, 'ajouté', 'ajoutés')}`);
  return `Cohorte « ${set.name} » rejointe (code ${set.member}) : ${parts.join(' ; ')}. Vos indicateurs locaux restent dans la structure.`;
}
