/** The « Saisir une valeur » panel: values, per period, of the indicators no survey computes. */
import type { SidebarState } from '../../server/sidebar-api';
import { $, onClick, option, say } from '../dom';
import { call } from '../rpc';

export function initManualPanel(): void {
  onClick($('add-manual'), async () => {
    const result = await call('addManualValue', {
      indicator: $<HTMLSelectElement>('manual-indicator').value,
      period: $<HTMLInputElement>('manual-period').value,
      value: $<HTMLInputElement>('manual-value').value,
      n: $<HTMLInputElement>('manual-n').value,
    });
    say($('manual-result'), result.ok ? 'Valeur ajoutée à l’onglet Valeurs (origine : saisi).' : result.message, !result.ok);
    if (result.ok) $<HTMLInputElement>('manual-value').value = '';
  });
}

export function showManualState(state: SidebarState): void {
  $('manual-indicator').replaceChildren(...state.manualIndicators.map((i) => option(i.code, `${i.code} — ${i.name}`)));
}
