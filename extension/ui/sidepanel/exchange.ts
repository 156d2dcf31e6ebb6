// Export (CSV for a spreadsheet, JSON to move to another computer, W3C annotations for annotation and analysis tools)
// and import of a JSON export of Repère or of Hypothesis, without duplicates.
import type { Audience } from '../../../shared/contract/words';
import { annotationsDocument, isHypothesisExport, readHypothesisExport } from '../../../shared/exchange/w3c/annotations';
import { observationsToCsv, observationsToJson, readJsonExport } from '../../../shared/observation/exchange';
import { localStore } from '../../platform/local-storage';
import { settingsFrom } from '../../store/settings';
import { observationsFrom, saveObservations } from '../../store/observations';
import { t } from '../../i18n';
import { $, option, say } from './dom';
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
  const audience = $<HTMLSelectElement>('w3c-audience');
  audience.replaceChildren(...(['team', 'funders', 'public'] as const).map((a) => option(a, p.w3cAudiences[a])));
  $('export-w3c').addEventListener('click', () => {
    const exported = annotationsDocument(observationsFrom(state.items), audience.value as Audience, new Date());
    download(`repere-annotations-w3c-${audience.value === 'team' ? 'usage-interne-' : ''}${stamp()}.jsonld`, 'application/ld+json', `${JSON.stringify(exported.document, null, 2)}\n`);
    say(p.exportedW3c(exported.kept, exported.leftOut));
  });
  $<HTMLInputElement>('import').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    void file.text().then(async (content) => {
      // Read again: what counts as already present is what is stored now, not at the last redraw.
      const items = await localStore.getAll();
      const known = new Set(observationsFrom(items).map((o) => o.id));
      input.value = '';
      const result = readJsonExport(content, known);
      if (result.ok) {
        await saveObservations(result.fresh);
        return say(p.imported(result.fresh.length, result.present, result.rejected.length));
      }
      let json: unknown;
      try {
        json = JSON.parse(content.replace(/^\uFEFF/, ''));
      } catch {
        return say(p.importFailed);
      }
      if (!isHypothesisExport(json)) return say(p.importFailed);
      // Pseudonymised with this device's names before anything is stored (and so before anything is sent).
      const settings = settingsFrom(items);
      const read = readHypothesisExport(json, { names: settings.names, author: settings.author || undefined });
      const fresh = read.observations.filter((o) => !known.has(o.id));
      await saveObservations(fresh);
      say(p.importedHypothesis(fresh.length, read.observations.length - fresh.length, read.replies, read.replaced, read.positionsDropped));
    });
  });
}
