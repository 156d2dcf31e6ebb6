// Export (CSV for a spreadsheet, JSON to move to another computer) and import of a JSON export, without duplicates.
import { observationsToCsv, observationsToJson, readJsonExport } from '../../../shared/observation/exchange';
import { localStore } from '../../platform/local-storage';
import { observationsFrom, saveObservations } from '../../store/observations';
import { t } from '../../i18n';
import { $, say } from './dom';
import { state } from './state';

const p = t.panel;

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

export function initExchange(): void {
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
      // Read again: what counts as already present is what is stored now, not at the last redraw.
      const known = new Set(observationsFrom(await localStore.getAll()).map((o) => o.id));
      const result = readJsonExport(content, known);
      input.value = '';
      if (!result.ok) return say(p.importFailed);
      await saveObservations(result.fresh);
      say(p.imported(result.fresh.length, result.present, result.rejected.length));
    });
  });
}
