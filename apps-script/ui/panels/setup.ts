/** The « Registre » panel: pick a starting framework and a language, then set up (idempotently). */
import type { SidebarState } from '../../server/sidebar-api';
import { $, onClick, option, say } from '../dom';
import { call } from '../rpc';

let templates: SidebarState['templates'] = [];

export function initSetupPanel(refresh: () => Promise<void>): void {
  $('template').addEventListener('change', () => {
    const chosen = templates.find((t) => t.id === $<HTMLSelectElement>('template').value);
    $('template-summary').textContent = chosen?.summary ?? '';
  });
  onClick($('setup'), async () => {
    const template = $<HTMLSelectElement>('template').value;
    const lang = $<HTMLSelectElement>('lang').value === 'en' ? 'en' : 'fr';
    const result = await call('configureRegistry', { lang, ...(template && { template }) });
    say($('setup-result'), result.ok ? result.summary : result.message, !result.ok);
    await refresh();
  });
}

export function showSetupState(state: SidebarState): void {
  $('registry-name').textContent = state.configured
    ? `Registre : ${state.registryName}`
    : `${state.registryName} — pas encore configuré : choisissez un modèle de départ, puis « Configurer ».`;
  templates = state.templates;
  const select = $<HTMLSelectElement>('template');
  if (select.options.length === 1) select.append(...templates.map((t) => option(t.id, t.name)));
  // The framework the registry was set up with, shown as chosen (set-up again adds only what is missing).
  select.value = state.template;
  $('template-summary').textContent = templates.find((t) => t.id === state.template)?.summary ?? '';
  $<HTMLSelectElement>('lang').value = state.lang;
}
