/** The sidebar: set up the registry, show the extension's connection code, import a survey file in chunks. */
import { MAX_CHUNK_ROWS, type ChunkResult } from '../../shared/survey/chunk';
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

async function refreshState(): Promise<void> {
  const state = await call('getSidebarState');
  $('registry-name').textContent = state.configured
    ? `Registre : ${state.registryName}`
    : `${state.registryName} — pas encore configuré : commencez par « Configurer ».`;
}

async function showConnectionCode(renew: boolean): Promise<void> {
  const result = renew ? await call('renewConnectionCode') : await call('getConnectionCode');
  const field = $<HTMLTextAreaElement>('connection-code');
  field.value = result.ok ? result.code : '';
  if (!result.ok) say($('status'), result.message, true);
  else if (renew) say($('status'), 'Nouveau code créé : l’ancien ne fonctionne plus. Reconnectez chaque extension avec ce code.');
}

async function configure(): Promise<void> {
  const result = await call('configureRegistry');
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

guard($('setup'), configure);
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
