// The options page: pair the extension with a registry from its connection code, check it, or disconnect.
import { parseConnectionCode, type Connection } from '../../../shared/protocol/connection-code';
import { clearPairing, originsFor, readPairing, savePairing } from '../../pairing/pairing';
import { checkConnection } from '../../pairing/check';
import { postRequest } from '../../outbox/transport';
import { releaseOrigins, requestOrigins } from '../../platform/permissions';
import { localisePage, t } from '../../i18n';
import { parseNameList, readSettings, saveSettings } from '../../store/settings';
import { boundShortcut } from '../../platform/capture-browser';
import { CAPTURE_COMMAND } from '../../capture/capture';

const optionsText = t.options;

localisePage(document);

const form = document.querySelector<HTMLFormElement>('#pair')!;
const codeField = document.querySelector<HTMLInputElement>('#code')!;
const result = document.querySelector<HTMLElement>('#result')!;
const current = document.querySelector<HTMLElement>('#current')!;
const disconnectButton = document.querySelector<HTMLButtonElement>('#disconnect')!;

async function showCurrent(): Promise<void> {
  const pairing = await readPairing();
  current.textContent = pairing ? optionsText.currentEndpoint(pairing.endpoint) : optionsText.notConnected;
  disconnectButton.hidden = pairing === null;
}

async function connect(connection: Connection, permission: Promise<boolean>): Promise<void> {
  let granted: boolean;
  try {
    granted = await permission;
  } catch {
    result.textContent = optionsText.permissionUnsupported;
    return;
  }
  if (!granted) {
    result.textContent = optionsText.permissionDenied;
    return;
  }
  try {
    await savePairing(connection);
  } catch {
    result.textContent = optionsText.storageError;
    return;
  }
  codeField.value = '';
  await showCurrent();
  result.textContent = optionsText.checking;
  result.textContent = (await checkConnection(connection, (endpoint, request) => postRequest(endpoint, request))).message;
}

// Synchronous up to permissions.request: the browser grants the prompt only inside the user's gesture.
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const parsed = parseConnectionCode(codeField.value);
  if (!parsed.ok) {
    result.textContent = parsed.message;
    return;
  }
  let permission: Promise<boolean>;
  try {
    permission = requestOrigins(originsFor(parsed.value.endpoint));
  } catch {
    result.textContent = optionsText.permissionUnsupported;
    return;
  }
  void connect(parsed.value, permission);
});

disconnectButton.addEventListener('click', () => {
  void (async () => {
    const pairing = await readPairing();
    await clearPairing();
    if (pairing) await releaseOrigins(originsFor(pairing.endpoint));
    result.textContent = optionsText.disconnected;
    await showCurrent();
  })();
});

const settingsForm = document.querySelector<HTMLFormElement>('#settings')!;
const authorField = document.querySelector<HTMLInputElement>('#author')!;
const namesField = document.querySelector<HTMLTextAreaElement>('#names')!;
const keepUrlField = document.querySelector<HTMLInputElement>('#keep-url')!;
const settingsResult = document.querySelector<HTMLElement>('#settings-result')!;

settingsForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void saveSettings({ author: authorField.value.trim(), names: parseNameList(namesField.value), keepFullUrl: keepUrlField.checked }).then(
    () => (settingsResult.textContent = optionsText.settingsSaved),
    () => (settingsResult.textContent = optionsText.storageError),
  );
});

void readSettings().then((s) => {
  authorField.value = s.author;
  namesField.value = s.names.join('\n');
  keepUrlField.checked = s.keepFullUrl;
});

const shortcutLine = document.querySelector<HTMLElement>('#shortcut')!;
void boundShortcut(CAPTURE_COMMAND).then(
  (keys) => (shortcutLine.textContent = keys ? optionsText.shortcut(keys) : optionsText.noShortcut),
  () => (shortcutLine.textContent = optionsText.noShortcut),
);

void showCurrent();
