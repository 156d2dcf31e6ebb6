// The page opened at install: how to capture, the shortcut actually bound, and the warning about uninstalling.
import { boundShortcut } from '../../platform/capture-browser';
import { CAPTURE_COMMAND } from '../../capture/capture';
import { localisePage, t } from '../../i18n';

localisePage(document);
const line = document.getElementById('shortcut')!;
void boundShortcut(CAPTURE_COMMAND).then(
  (keys) => (line.textContent = keys ? t.options.shortcut(keys) : t.options.noShortcut),
  () => (line.textContent = t.options.noShortcut),
);
