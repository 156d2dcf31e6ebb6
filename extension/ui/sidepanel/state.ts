// What the side panel's parts share: the stored items as last read, and what the form edits beyond its plain fields.
import type { Observation } from '../../../shared/observation/schema';
import type { FieldsAnalysis } from '../../../shared/pseudonymise/pseudonymise';
import type { Draft } from '../../capture/draft';
import type { Settings } from '../../store/settings';
import type { OutboxView } from '../outbox-view';

export type PseudonymisedField = 'text' | 'note' | 'exact' | 'prefix' | 'suffix' | 'title';

export const state = {
  /** Every stored item, as read at the last storage change. */
  items: {} as Record<string, unknown>,
  /** The records with their outbox state, from `items`. */
  view: null as OutboxView | null,
  settings: null as Settings | null,
  /** The capture shown in the form, or null for a free note or an edit. */
  draft: null as Draft | null,
  /** The saved record the form edits, or null for a new one. */
  editing: null as Observation | null,
  tags: [] as string[],
  /** The values the person chose to keep as they are (by valueKey), not replaced by a pseudonym. */
  kept: new Set<string>(),
  analysis: null as FieldsAnalysis<PseudonymisedField> | null,
  /** The record whose « Supprimer » was clicked once and now asks for confirmation. */
  confirmDelete: null as string | null,
};
