// The side panel: the draft of a capture (or a free note) with pseudonymisation, then the local list with its states.
import { CONSENTS, OBSERVATION_KINDS, SCOPES, allowedScope, type Observation } from '../../../shared/observation/schema';
import { analyseFields, pseudonymiseFields, valueKey, type FieldsAnalysis } from '../../../shared/pseudonymise/pseudonymise';
import { observationsToCsv, observationsToJson, readJsonExport } from '../../../shared/observation/exchange';
import { localStore, onLocalStoreChange } from '../../platform/local-storage';
import { requestSync as askBackground } from '../../platform/messaging';
import { cleanUrl, draftFrom, type Draft } from '../../capture/draft';
import { composeObservation, deleteObservation, observationsFrom, saveObservation, saveObservations } from '../../store/observations';
import { settingsFrom, type Settings } from '../../store/settings';
import { DRAFT_KEY, RECENT_TAGS_KEY } from '../../store/keys';
import { recentTagsFrom, tagSuggestions, withRecent } from '../../tags/tags';
import { outboxView, statusText } from '../../ui/outbox-view';
import { describeEntry } from '../../ui/record-state';
import { matchesSearch } from '../../ui/search';
import { localisePage, t } from '../../i18n';

const p = t.panel;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const form = $<HTMLFormElement>('capture');
const heading = $('form-heading');
const status = $('status');
const source = $('source');
const keepUrlRow = $('keep-url-row');
const keepUrl = $<HTMLInputElement>('keep-url');
const text = $<HTMLTextAreaElement>('text');
const pseudoNone = $('pseudo-none');
const pseudoList = $<HTMLUListElement>('pseudo-list');
const preview = $('preview');
const kind = $<HTMLSelectElement>('kind');
const stakeholder = $<HTMLInputElement>('stakeholder');
const tagInput = $<HTMLInputElement>('tags');
const tagList = $<HTMLUListElement>('tag-list');
const factDate = $<HTMLInputElement>('fact-date');
const consent = $<HTMLSelectElement>('consent');
const scope = $<HTMLSelectElement>('scope');
const scopeHelp = $('scope-help');
const author = $('author');
const cancelEdit = $<HTMLButtonElement>('cancel-edit');
const search = $<HTMLInputElement>('search');
const count = $('count');
const records = $<HTMLUListElement>('records');
const syncLine = $('sync');

localisePage(document);

const option = (value: string, label: string) => Object.assign(document.createElement('option'), { value, textContent: label });
kind.replaceChildren(...OBSERVATION_KINDS.map((k) => option(k, t.kinds[k])));
consent.replaceChildren(option('', p.consentChoose), ...CONSENTS.map((c) => option(c, t.consents[c])));
scope.replaceChildren(...SCOPES.map((s) => option(s, t.scopes[s])));
$('stakeholder-options').replaceChildren(...p.stakeholders.map((s) => option(s, s)));

/** Everything the form edits that is not a plain field. */
const state = {
  settings: null as Settings | null,
  draft: null as Draft | null,
  editing: null as Observation | null,
  tags: [] as string[],
  kept: new Set<string>(),
  analysis: null as FieldsAnalysis<'text' | 'exact' | 'prefix' | 'suffix' | 'title'> | null,
  items: {} as Record<string, unknown>,
  confirmDelete: null as string | null,
};

const say = (message: string) => {
  // Re-set even an identical message, so screen readers announce it again.
  status.textContent = '';
  status.textContent = message;
};

function fields() {
  const quote = state.draft?.quote;
  return {
    text: text.value,
    exact: quote?.exact ?? '',
    prefix: quote?.prefix ?? '',
    suffix: quote?.suffix ?? '',
    title: state.editing?.sourceTitle ?? state.draft?.sourceTitle ?? '',
  };
}

/** Shows the text as it will leave the browser, each replacement marked, with a button to keep or replace it. */
function renderPseudonymisation(): void {
  const values = fields();
  const analysis = analyseFields(values, { names: state.settings?.names ?? [] });
  state.analysis = analysis;
  const keys = new Set(analysis.replacements.map((r) => r.key));
  for (const key of [...state.kept]) if (!keys.has(key)) state.kept.delete(key);
  pseudoNone.hidden = analysis.replacements.length > 0;
  pseudoList.replaceChildren(
    ...analysis.replacements.map((r) => {
      const li = document.createElement('li');
      const kept = state.kept.has(r.key);
      const label = document.createElement('span');
      label.textContent = kept ? `${p.pseudoFound(r.value, r.placeholder)} (${p.pseudoKept})` : p.pseudoFound(r.value, r.placeholder);
      const toggle = document.createElement('button');
      toggle.type = 'button';
      toggle.textContent = kept ? p.pseudoRedo : p.pseudoUndo;
      toggle.setAttribute('aria-pressed', String(kept));
      toggle.addEventListener('click', () => {
        if (state.kept.has(r.key)) state.kept.delete(r.key);
        else state.kept.add(r.key);
        renderPseudonymisation();
        pseudoList.querySelector<HTMLButtonElement>(`li:nth-child(${analysis.replacements.indexOf(r) + 1}) button`)?.focus();
      });
      li.append(label, toggle);
      return li;
    }),
  );
  // The preview: the text with each replaced (or kept) value marked, built from text nodes only.
  const parts: Node[] = [];
  let at = 0;
  for (const f of analysis.findings.text) {
    const key = valueKey(f.kind, f.value);
    const placeholder = analysis.placeholders.get(key);
    parts.push(document.createTextNode(values.text.slice(at, f.start)));
    const mark = document.createElement('mark');
    const kept = state.kept.has(key);
    mark.textContent = kept || !placeholder ? f.value : placeholder;
    if (kept) mark.className = 'kept';
    parts.push(mark);
    at = f.end;
  }
  parts.push(document.createTextNode(values.text.slice(at)));
  preview.replaceChildren(...parts);
}

function renderTags(): void {
  tagList.replaceChildren(
    ...state.tags.map((tag) => {
      const li = document.createElement('li');
      const label = document.createElement('span');
      label.textContent = tag;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.setAttribute('aria-label', p.removeTag(tag));
      remove.addEventListener('click', () => {
        state.tags = state.tags.filter((x) => x !== tag);
        renderTags();
        tagInput.focus();
      });
      li.append(label, remove);
      return li;
    }),
  );
  $('tag-options').replaceChildren(...tagSuggestions(state.items).filter((s) => !state.tags.includes(s)).map((s) => option(s, s)));
}

function addTagFromInput(): void {
  const tag = tagInput.value.trim();
  if (tag && !state.tags.includes(tag)) state.tags.push(tag);
  tagInput.value = '';
  renderTags();
}

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
  renderAll();
}

function renderAll(): void {
  renderSource();
  renderTags();
  renderScope();
  renderPseudonymisation();
  const name = state.editing?.author ?? state.settings?.author;
  author.textContent = name ? p.author(name) : p.noAuthor;
}

/** A new capture replaces the form's content (an edit in progress is left alone). */
function loadDraft(draft: Draft): void {
  if (state.draft?.id === draft.id || state.editing) return;
  state.draft = draft;
  state.kept.clear();
  text.value = draft.text;
  kind.value = draft.quote ? 'citation' : 'observation';
  renderAll();
  say(draft.restricted ? p.restricted : draft.text ? p.capturedFrom(draft.sourceTitle ?? draft.pageUrl ?? '') : p.freeNote);
  text.focus();
}

function startEdit(o: Observation): void {
  state.editing = o;
  state.draft = null;
  state.kept.clear();
  state.tags = [...o.tags];
  text.value = o.text;
  kind.value = o.kind;
  stakeholder.value = o.stakeholder ?? '';
  factDate.value = o.factDate ?? '';
  consent.value = o.consent ?? '';
  scope.value = o.scope;
  heading.textContent = p.editHeading;
  cancelEdit.hidden = false;
  renderAll();
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
  const analysis = state.analysis ?? analyseFields(fields(), { names: state.settings?.names ?? [] });
  const clean = pseudonymiseFields(fields(), analysis, state.kept);
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
  requestSync();
}

function requestSync(force = false): void {
  askBackground(() => (syncLine.textContent = t.popup.workerUnreachable), force);
}

function recordItem(o: Observation, entryText: string, entryState: string): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.state = entryState;
  const body = document.createElement('p');
  body.className = 'text';
  body.textContent = o.text;
  const meta = document.createElement('p');
  meta.className = 'meta';
  const date = new Date(o.createdAt).toLocaleString(t.lang);
  const consentText = o.consent ? t.consents[o.consent] : '—';
  meta.textContent = [t.kinds[o.kind], date, `${p.consent} : ${consentText}`, `${p.scope} : ${t.scopes[o.scope]}`, o.tags.join(', '), entryText]
    .filter(Boolean)
    .join(' · ');
  const actions = document.createElement('div');
  actions.className = 'row';
  const edit = document.createElement('button');
  edit.type = 'button';
  edit.textContent = p.edit;
  edit.addEventListener('click', () => startEdit(o));
  const del = document.createElement('button');
  del.type = 'button';
  del.textContent = state.confirmDelete === o.id ? p.confirmDelete : p.delete;
  del.addEventListener('click', () => {
    if (state.confirmDelete !== o.id) {
      state.confirmDelete = o.id;
      del.textContent = p.confirmDelete;
      return;
    }
    state.confirmDelete = null;
    void deleteObservation(o.id).then(() => say(p.deleted));
  });
  actions.append(edit, del);
  li.append(body, meta, actions);
  return li;
}

function renderList(): void {
  const view = outboxView(state.items, Number.POSITIVE_INFINITY);
  const shown = view.recent.filter(({ observation }) => matchesSearch(observation, search.value));
  records.replaceChildren(...shown.map(({ observation, entry }) => recordItem(observation, describeEntry(entry), entry.state)));
  count.textContent = shown.length === 0 ? p.none : p.count(shown.length, view.recent.length);
  const waiting = t.popup.waiting(view.waiting);
  const lastSuccess = view.status?.lastSuccessAt ? p.lastSync(new Date(view.status.lastSuccessAt).toLocaleString(t.lang)) : '';
  syncLine.textContent = !view.paired
    ? t.outbox.notPaired
    : [view.status?.code === 'ok' ? '' : statusText(view.status), waiting, lastSuccess].filter(Boolean).join(' ');
}

async function refresh(): Promise<void> {
  state.items = await localStore.getAll();
  const settingsChanged = state.settings === null;
  state.settings = settingsFrom(state.items);
  if (settingsChanged) keepUrl.checked = state.settings.keepFullUrl;
  const draft = draftFrom(state.items[DRAFT_KEY]);
  if (draft) loadDraft(draft);
  else renderAll();
  renderList();
}

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void save().catch(() => say(t.popup.storageError));
});
text.addEventListener('input', renderPseudonymisation);
keepUrl.addEventListener('change', renderSource);
consent.addEventListener('change', renderScope);
cancelEdit.addEventListener('click', resetForm);
tagInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ',') {
    event.preventDefault();
    addTagFromInput();
  }
});
$('add-tag').addEventListener('click', addTagFromInput);
search.addEventListener('input', renderList);
$('sync-now').addEventListener('click', () => requestSync(true));
$('export-csv').addEventListener('click', () => {
  download(`repere-observations-${stamp()}.csv`, 'text/csv;charset=utf-8', observationsToCsv(observationsFrom(state.items), t.exportColumns));
});
$('export-json').addEventListener('click', () => {
  download(`repere-observations-${stamp()}.json`, 'application/json', observationsToJson(observationsFrom(state.items), new Date()));
});
$<HTMLInputElement>('import').addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return;
  void file.text().then(async (content) => {
    const known = new Set(observationsFrom(await localStore.getAll()).map((o) => o.id));
    const result = readJsonExport(content, known);
    input.value = '';
    if (!result.ok) return say(p.importFailed);
    await saveObservations(result.fresh);
    say(p.imported(result.fresh.length, result.present, result.rejected.length));
  });
});

onLocalStoreChange(() => void refresh());

void refresh();
requestSync();
