// The side panel: the capture form (with its pseudonymisation review and themes), then the records kept on this
// computer with their sync state, export and import. Each part is a module in ui/sidepanel/; this file wires them.
import { localStore, onLocalStoreChange } from '../../platform/local-storage';
import { localisePage } from '../../i18n';
import { outboxView } from '../../ui/outbox-view';
import { initCaptureForm, showStoredDraft } from '../../ui/sidepanel/capture-form';
import { initExchange } from '../../ui/sidepanel/exchange';
import { initPseudonymisation } from '../../ui/sidepanel/pseudonymisation';
import { initRecords, renderRecords } from '../../ui/sidepanel/records';
import { state } from '../../ui/sidepanel/state';
import { askForSync, initSync, renderSyncLine } from '../../ui/sidepanel/sync';
import { initTags } from '../../ui/sidepanel/tags';

/** Every part redraws from what is stored: a save here, a capture or a sync in the background all land in storage. */
async function refresh(): Promise<void> {
  state.items = await localStore.getAll();
  state.view = outboxView(state.items, Number.POSITIVE_INFINITY);
  showStoredDraft();
  renderRecords();
  renderSyncLine();
}

localisePage(document);
initCaptureForm();
initPseudonymisation();
initTags();
initRecords();
initExchange();
initSync();
onLocalStoreChange(() => void refresh());
void refresh();
askForSync();
