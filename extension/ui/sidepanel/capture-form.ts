// The capture form: a new capture (or a free note) or an edited record, its kind, stakeholder, date, consent and
// usage, saved on this computer and then sent by the background.
import { CONSENTS, OBSERVATION_KINDS, PERSON_CODE, SCOPES, allowedScope, type Observation } from '../../../shared/observation/schema';
import { cleanUrl, draftFrom, type Draft } from '../../capture/draft';
import { localStore } from '../../platform/local-storage';
import { DRAFT_KEY, RECENT_TAGS_KEY } from '../../store/keys';
import { composeObservation, saveObservation } from '../../store/observations';
import { settingsFrom } from '../../store/settings';
import { recentTagsFrom, withRecent } from '../../tags/tags';
import { t } from '../../i18n';
import { $, option, say } from './dom';
import { pseudonymisedFields, renderPseudonymisation } from './pseudonymisation';
import { state } from './state';
import { askForSync } from './sync';
import { renderTags } from './tags';

const p = t.panel;
const form = $<HTMLFormElement>('capture');
const heading = $('form-heading');
const source = $('source');
const keepUrlRow = $('keep-url-row');
const keepUrl = $<HTMLInputElement>('keep-url');
const text = $<HTMLTextAreaElement>('text');
const kind = $<HTMLSelectElement>('kind');
const stakeholder = $<HTMLInputElement>('stakeholder');
const person = $<HTMLInputElement>('person');
const note = $<HTMLTextAreaElement>('note');
const factDate = $<HTMLInputElement>('fact-date');
const consent = $<HTMLSelectElement>('consent');
const scope = $<HTMLSelectElement>('scope');
const scopeHelp = $('scope-help');
const author = $('author');
const cancelEdit = $<HTMLButtonElement>('cancel-edit');

/** The usage scope follows consent: without obtained or not-required consent, only « interne » is possible. */
function renderScope(): void {
  const c = (consent.value || null) as Observation['consent'];
  const forced = allowedScope(c, 'public') === 'interne';
  if (forced) scope.value = 'interne';
  for (const o of scope.options) o.disabled = forced && o.value !== 'interne';
  scopeHelp.textContent = forced ? p.scopeForced : '';
}

function renderSource(): void {
  const title = state.editing?.sourceTitle ?? state.draft?.sourceTitle;
  const url = state.editing ? state.editing.sourceUrl : cleanUrl(state.draft?.pageUrl, keepUrl.checked);
  source.textContent = title || url ? `${p.source} : ${[title, url].filter(Boolean).join(' — ')}` : '';
  source.hidden = !source.textContent;
  const full = state.draft?.pageUrl;
  keepUrlRow.hidden = state.editing !== null || !full || cleanUrl(full, true) === cleanUrl(full, false);
}

function renderForm(): void {
  renderSource();
  renderTags();
  renderScope();
  renderPseudonymisation();
  const name = state.editing?.author ?? state.settings?.author;
  author.textContent = name ? p.author(name) : p.noAuthor;
}

function resetForm(): void {
  state.editing = null;
  state.draft = null;
  state.tags = [];
  state.kept.clear();
  form.reset();
  keepUrl.checked = state.settings?.keepFullUrl ?? false;
  heading.textContent = p.captureHeading;
  cancelEdit.hidden = true;
  kind.value = 'observation';
  renderForm();
}

/** A new capture replaces the form's content (an edit in progress is left alone). */
function loadDraft(draft: Draft): void {
  if (state.draft?.id === draft.id || state.editing) return;
  state.draft = draft;
  state.kept.clear();
  text.value = draft.text;
  kind.value = draft.quote ? 'citation' : 'observation';
  renderForm();
  say(draft.restricted ? p.restricted : draft.text ? p.capturedFrom(draft.sourceTitle ?? draft.pageUrl ?? '') : p.freeNote);
  text.focus();
}

/** Shows the settings and the pending capture as last read from storage (`state.items`). */
export function showStoredDraft(): void {
  const firstRead = state.settings === null;
  state.settings = settingsFrom(state.items);
  if (firstRead) keepUrl.checked = state.settings.keepFullUrl;
  const draft = draftFrom(state.items[DRAFT_KEY]);
  if (draft) loadDraft(draft);
  else renderForm();
}

export function startEdit(o: Observation): void {
  state.editing = o;
  state.draft = null;
  state.kept.clear();
  state.tags = [...o.tags];
  text.value = o.text;
  kind.value = o.kind;
  stakeholder.value = o.stakeholder ?? '';
  person.value = o.personId ?? '';
  note.value = o.note ?? '';
  factDate.value = o.factDate ?? '';
  consent.value = o.consent ?? '';
  scope.value = o.scope;
  heading.textContent = p.editHeading;
  cancelEdit.hidden = false;
  renderForm();
  text.focus();
}

async function save(): Promise<void> {
  if (!text.value.trim()) {
    say(p.needText);
    text.focus();
    return;
  }
  if (!consent.value) {
    say(p.needConsent);
    consent.focus();
    return;
  }
  const code = person.value.trim();
  if (code !== '' && !PERSON_CODE.test(code)) {
    say(p.badPersonCode);
    person.focus();
    return;
  }
  const clean = pseudonymisedFields();
  const draft = state.draft;
  const editing = state.editing;
  const made = composeObservation(
    {
      text: clean.text,
      kind: kind.value as Observation['kind'],
      stakeholder: stakeholder.value,
      tags: state.tags,
      factDate: factDate.value,
      consent: consent.value as NonNullable<Observation['consent']>,
      scope: scope.value as Observation['scope'],
      quote: editing ? editing.quote : draft?.quote && { ...draft.quote, exact: clean.exact, prefix: clean.prefix, suffix: clean.suffix },
      // Where the passage is in the page: the page's own text, whatever the pseudonyms do to the quote.
      position: editing ? editing.position : draft?.position,
      personId: code,
      note: clean.note,
      sourceTitle: editing ? editing.sourceTitle : clean.title,
      sourceUrl: editing ? editing.sourceUrl : cleanUrl(draft?.pageUrl, keepUrl.checked),
      author: editing ? editing.author : state.settings?.author,
    },
    editing,
  );
  if (!made.ok) {
    say(made.reason === 'empty' ? p.needText : p.invalid(made.field ?? ''));
    return;
  }
  await saveObservation(made.observation);
  await localStore.set({ [RECENT_TAGS_KEY]: withRecent(recentTagsFrom(state.items), made.observation.tags) });
  if (draft) await localStore.remove([DRAFT_KEY]);
  resetForm();
  say(editing ? p.updated : p.saved);
  askForSync();
}

export function initCaptureForm(): void {
  kind.replaceChildren(...OBSERVATION_KINDS.map((k) => option(k, t.kinds[k])));
  // As resetForm does: a note typed without a capture is an observation, not a quote (the list's first kind).
  kind.value = 'observation';
  consent.replaceChildren(option('', p.consentChoose), ...CONSENTS.map((c) => option(c, t.consents[c])));
  scope.replaceChildren(...SCOPES.map((s) => option(s, t.scopes[s])));
  $('stakeholder-options').replaceChildren(...p.stakeholders.map((s) => option(s, s)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save().catch(() => say(t.popup.storageError));
  });
  keepUrl.addEventListener('change', renderSource);
  consent.addEventListener('change', renderScope);
  cancelEdit.addEventListener('click', resetForm);
}
