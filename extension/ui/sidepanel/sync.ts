// The sync line: whether the extension is connected, what waits to be sent, the last success, « Envoyer maintenant ».
import { requestSync } from '../../platform/messaging';
import { t } from '../../i18n';
import { statusText } from '../outbox-view';
import { $ } from './dom';
import { state } from './state';

const line = $('sync');

/** Asks the background to send what waits (`force`: also what waits out its backoff). */
export function askForSync(force = false): void {
  requestSync(() => (line.textContent = t.popup.workerUnreachable), force);
}

export function renderSyncLine(): void {
  const view = state.view;
  if (!view) return;
  const waiting = t.popup.waiting(view.waiting);
  const lastSuccess = view.status?.lastSuccessAt ? t.panel.lastSync(new Date(view.status.lastSuccessAt).toLocaleString(t.lang)) : '';
  line.textContent = !view.paired
    ? t.outbox.notPaired
    : [view.status?.code === 'ok' ? '' : statusText(view.status), waiting, lastSuccess].filter(Boolean).join(' ');
}

export function initSync(): void {
  $('sync-now').addEventListener('click', () => askForSync(true));
}
