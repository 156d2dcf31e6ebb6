/**
 * The sidebar: set up the registry from a starting framework, check it cell by cell, fill the approach and manual
 * values, show the extension's connection code, import a survey file in chunks.
 */
import { APPROACH_RUBRICS, type ApproachFields } from '../../shared/registry/approach';
import { MAX_CHUNK_ROWS, type ChunkResult } from '../../shared/survey/chunk';
import type { SidebarState } from '../server/sidebar-api';
import { readSurveyTable } from '../../shared/survey/read-table';
import { call, failureMessage } from './rpc';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function say(target: HTMLElement, text: string, isError = false): void {
  target.textContent = text;
  target.classList.toggle('error', isError);
  $('status').textContent = text;
}

async function busy(button: HTMLButtonElement, work: () => Promise<void>): Promise<void> {
  button.disabled = true;
  try {
    await work();
  } finally {
    button.disabled = false;
  }
}

function option(value: string, text: string): HTMLOptionElement {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

let templates: SidebarState['templates'] = [];

async function refreshState(): Promise<void> {
  const state = await call('getSidebarState');
  $('registry-name').textContent = state.configured
    ? `Registre : ${state.registryName}`
    : `${state.registryName} — pas encore configuré : choisissez un modèle de départ, puis « Configurer ».`;
  templates = state.templates;
  const select = $<HTMLSelectElement>('template');
  if (select.options.length === 1) select.append(...templates.map((t) => option(t.id, t.name)));
  $<HTMLSelectElement>('lang').value = state.lang;
  const manual = $<HTMLSelectElement>('manual-indicator');
  manual.replaceChildren(...state.manualIndicators.map((i) => option(i.code, `${i.code} — ${i.name}`)));
  if (state.configured) await loadApproach();
}

function showTemplateSummary(): void {
  const chosen = templates.find((t) => t.id === $<HTMLSelectElement>('template').value);
  $('template-summary').textContent = chosen?.summary ?? '';
}

function buildApproachForm(): void {
  $('approach-form').replaceChildren(
    ...APPROACH_RUBRICS.flatMap((rubric) => {
      const label = document.createElement('label');
      label.htmlFor = `approach-${rubric.key}`;
      label.textContent = rubric.fr;
      const field = document.createElement('textarea');
      field.id = `approach-${rubric.key}`;
      field.rows = 3;
      field.placeholder = rubric.help;
      return [label, field];
    }),
  );
}

async function loadApproach(): Promise<void> {
  const result = await call('getApproach');
  if (!result.ok) return;
  for (const rubric of APPROACH_RUBRICS) $<HTMLTextAreaElement>(`approach-${rubric.key}`).value = result.fields[rubric.key] ?? '';
}

async function saveApproach(): Promise<void> {
  const fields: ApproachFields = {};
  for (const rubric of APPROACH_RUBRICS) fields[rubric.key] = $<HTMLTextAreaElement>(`approach-${rubric.key}`).value;
  const result = await call('saveApproach', fields);
  say($('approach-result'), result.ok ? (result.written > 0 ? 'Démarche enregistrée dans l’onglet Démarche.' : 'Rien n’a changé.') : result.message, !result.ok);
}

async function check(): Promise<void> {
  const result = await call('checkRegistry');
  const list = $('problems');
  list.replaceChildren();
  if (!result.ok) return say($('check-result'), result.message, true);
  say($('check-result'), result.summary, result.errors > 0);
  list.append(
    ...result.problems.map((problem) => {
      const item = document.createElement('li');
      const link = document.createElement('button');
      link.type = 'button';
      link.className = problem.severity;
      link.textContent = `${problem.severity === 'error' ? 'Erreur' : 'Attention'} — ${problem.message}`;
      link.title = 'Aller à la cellule';
      link.addEventListener('click', () => void call('goToCell', problem.sheetId, problem.cell).catch((e: unknown) => say($('status'), failureMessage(e), true)));
      item.append(link);
      return item;
    }),
  );
}

async function addManualValue(): Promise<void> {
  const result = await call('addManualValue', {
    indicator: $<HTMLSelectElement>('manual-indicator').value,
    period: $<HTMLInputElement>('manual-period').value,
    value: $<HTMLInputElement>('manual-value').value,
    n: $<HTMLInputElement>('manual-n').value,
  });
  say($('manual-result'), result.ok ? 'Valeur ajoutée à l’onglet Valeurs (origine : saisi).' : result.message, !result.ok);
  if (result.ok) $<HTMLInputElement>('manual-value').value = '';
}

async function showConnectionCode(renew: boolean): Promise<void> {
  const result = renew ? await call('renewConnectionCode') : await call('getConnectionCode');
  const field = $<HTMLTextAreaElement>('connection-code');
  field.value = result.ok ? result.code : '';
  if (!result.ok) say($('status'), result.message, true);
  else if (renew) say($('status'), 'Nouveau code créé : l’ancien ne fonctionne plus. Reconnectez chaque extension avec ce code.');
}

async function configure(): Promise<void> {
  const template = $<HTMLSelectElement>('template').value;
  const lang = $<HTMLSelectElement>('lang').value === 'en' ? 'en' : 'fr';
  const result = await call('configureRegistry', { lang, ...(template && { template }) });
  say($('setup-result'), result.ok ? result.summary : result.message, !result.ok);
  await refreshState();
}

async function importFile(): Promise<void> {
  const output = $('import-result');
  const file = $<HTMLInputElement>('survey-file').files?.[0];
  if (!file) return say(output, 'Choisissez d’abord un fichier de réponses (CSV).', true);
  const surveyId = $<HTMLInputElement>('survey-id').value.trim();
  const read = readSurveyTable(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return say(output, `${file.name} : ${read.message}`, true);
  const { headers, rows } = read.table;
  const progress = $<HTMLProgressElement>('import-progress');
  progress.hidden = false;
  progress.max = Math.max(rows.length, 1);
  progress.value = 0;
  const totals = { inserted: 0, alreadyPresent: 0, rejected: [] as ChunkResult['rejected'] };
  for (let start = 0; start < rows.length || start === 0; start += MAX_CHUNK_ROWS) {
    const result = await call('importSurveyChunk', {
      surveyId, fileName: file.name, headers, firstRow: start + 2, rows: rows.slice(start, start + MAX_CHUNK_ROWS),
    });
    if (!result.ok) return say(output, result.message, true);
    totals.inserted += result.inserted;
    totals.alreadyPresent += result.alreadyPresent;
    totals.rejected.push(...result.rejected);
    progress.value = Math.min(start + MAX_CHUNK_ROWS, rows.length);
    if (rows.length === 0) break;
  }
  const lines = [
    `${file.name} : ${rows.length} réponse(s) lue(s) — ${totals.inserted} ajoutée(s), ${totals.alreadyPresent} déjà présente(s), ${totals.rejected.length} refusée(s).`,
    ...totals.rejected.map((r) => r.message),
  ];
  say(output, lines.join('\n'), totals.rejected.length > 0);
}

function guard(button: HTMLButtonElement, work: () => Promise<void>): void {
  button.addEventListener('click', () =>
    void busy(button, work).catch((error: unknown) => say($('status'), failureMessage(error), true)),
  );
}

buildApproachForm();
$('template').addEventListener('change', showTemplateSummary);
guard($('setup'), configure);
guard($('check'), check);
guard($('save-approach'), saveApproach);
guard($('add-manual'), addManualValue);
guard($('import'), importFile);
guard($('renew-code'), () => showConnectionCode(true));
$('copy-code').addEventListener('click', () => {
  const field = $<HTMLTextAreaElement>('connection-code');
  field.select();
  void navigator.clipboard?.writeText(field.value).then(
    () => say($('status'), 'Code copié.'),
    () => say($('status'), 'Copie impossible ici : sélectionnez le code et copiez-le avec Ctrl+C.'),
  );
});

void refreshState()
  .then(() => showConnectionCode(false))
  .catch((error: unknown) => say($('status'), failureMessage(error), true));
