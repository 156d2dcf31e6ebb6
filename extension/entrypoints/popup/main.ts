// The popup: write an observation, keep it on this device at once, then ask the background to send it.
import { newObservation, saveObservation } from '../../store/observations';
import { localStore, onLocalStoreChange } from '../../platform/local-storage';
import { requestSync } from '../../platform/messaging';
import { localisePage, t } from '../../i18n';
import { pseudonymise } from '../../../shared/pseudonymise/pseudonymise';
import { readSettings } from '../../store/settings';
import { outboxView, statusText, type OutboxView } from '../../ui/outbox-view';
import { describeEntry } from '../../ui/record-state';

localisePage(document);
const popupText = t.popup;
const outboxText = t.outbox;

const form = document.querySelector<HTMLFormElement>('#capture')!;
const field = document.querySelector<HTMLTextAreaElement>('#text')!;
const statusLine = document.querySelector<HTMLElement>('#status')!;
const syncLine = document.querySelector<HTMLElement>('#sync')!;
const list = document.querySelector<HTMLUListElement>('#recent')!;

/** The id of the observation saved from this popup, to say in the live region when it has been sent. */
let lastSavedId: string | null = null;

function syncSentence(view: OutboxView): string {
  if (!view.paired) return outboxText.notPaired;
  if (view.status && view.status.code !== 'ok') {
    return `${statusText(view.status)} ${popupText.waiting(view.waiting)}`.trim();
  }
  return popupText.waiting(view.waiting);
}

function renderList(view: OutboxView): void {
  const rows = view.recent.map(({ observation, entry }) => {
    const li = document.createElement('li');
    li.dataset.state = entry.state;
    const text = document.createElement('span');
    text.textContent = observation.text;
    const state = document.createElement('span');
    state.className = 'state';
    state.textContent = describeEntry(entry);
    li.append(text, state);
    return li;
  });
  if (rows.length === 0) {
    const li = document.createElement('li');
    li.textContent = popupText.noRecords;
    rows.push(li);
  }
  list.replaceChildren(...rows);
}

async function render(): Promise<OutboxView> {
  const view = outboxView(await localStore.getAll());
  renderList(view);
  syncLine.textContent = syncSentence(view);
  if (lastSavedId) {
    const mine = view.recent.find((r) => r.observation.id === lastSavedId);
    if (mine?.entry.state === 'synced') {
      statusLine.textContent = `${popupText.saved} ${popupText.synced}`;
      lastSavedId = null;
    }
  }
  return view;
}

/** Opening the popup and saving both ask the background to sync; it also reacts to the storage change. */
const askForSync = () => requestSync(() => (syncLine.textContent = popupText.workerUnreachable));

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void (async () => {
    // The quick note has no review step: every name, email and phone found is replaced before it is stored.
    const settings = await readSettings();
    const made = newObservation(pseudonymise(field.value, { names: settings.names }), { author: settings.author });
    if (!made.ok) {
      statusLine.textContent = made.reason === 'empty' ? popupText.empty : made.reason === 'too_long' ? popupText.tooLong : popupText.invalid;
      field.focus();
      return;
    }
    try {
      await saveObservation(made.observation);
    } catch {
      statusLine.textContent = popupText.storageError;
      return;
    }
    field.value = '';
    lastSavedId = made.observation.id;
    const view = await render();
    statusLine.textContent = `${popupText.saved} ${view.paired && view.status?.code !== 'unauthorized' ? popupText.syncing : syncSentence(view)}`;
    askForSync();
  })();
});

onLocalStoreChange(() => void render());

void render();
askForSync();
