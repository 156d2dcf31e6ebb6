// The list of the observations kept on this computer: search, each one's sync state, edit and delete (confirmed).
import type { Observation } from '../../../shared/observation/schema';
import { deleteObservation } from '../../store/observations';
import { t } from '../../i18n';
import { describeEntry } from '../record-state';
import { matchesSearch } from '../search';
import { startEdit } from './capture-form';
import { $, say } from './dom';
import { state } from './state';

const p = t.panel;
const search = $<HTMLInputElement>('search');
const count = $('count');
const list = $<HTMLUListElement>('records');

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
  const editButton = document.createElement('button');
  editButton.type = 'button';
  editButton.textContent = p.edit;
  editButton.addEventListener('click', () => startEdit(o));
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
  actions.append(editButton, del);
  li.append(body, meta, actions);
  return li;
}

export function renderRecords(): void {
  const recent = state.view?.recent ?? [];
  const shown = recent.filter(({ observation }) => matchesSearch(observation, search.value));
  list.replaceChildren(...shown.map(({ observation, entry }) => recordItem(observation, describeEntry(entry), entry.state)));
  count.textContent = shown.length === 0 ? p.none : p.count(shown.length, recent.length);
}

export function initRecords(): void {
  search.addEventListener('input', renderRecords);
}
