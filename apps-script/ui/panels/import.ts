/**
 * The « Importer des réponses » panel. The file (.csv, .xlsx, .ods, or a tab of this spreadsheet) is read here, in
 * the browser, so a spreadsheet file needs no reader in Apps Script: preview (what was read, the questions as a
 * form, problems grouped by column), corrections and mapping remembered per survey on the server, then the
 * transaction: begin, one write per chunk with a progress bar, quotes, finish. One result message, replaced by the
 * next step. Everything is rendered with textContent.
 */
import { sha256BytesHex, sha256TableHex } from '../../../shared/crypto/sha256';
import { inspectPrepared, isQuestion, prepareImport, prepareValues, type PreparedImport } from '../../../shared/survey/import';
import { completeMapping, emptyMapping, readMapping, withoutRefusals, type ImportMapping, type KnownInstrument, type RegistryQuestion } from '../../../shared/survey/mapping';
import { importServer, importSummary, runImport, tableHash } from '../../../shared/survey/mapping-run';
import type { Correction } from '../../../shared/survey/types';
import { call } from '../rpc';
import { $, onClick, option, say } from '../dom';
import { problemItems } from './import-problems';
import { renderPreview } from './import-preview';
import { count } from '../../../shared/text/plural';

type Source = { kind: 'file'; bytes: Uint8Array; name: string; hash: string; sheet?: string } | { kind: 'tab'; values: string[][]; name: string; hash: string };

interface State {
  source: Source | null;
  mapping: ImportMapping;
  registryQuestions: RegistryQuestion[];
  /** The columns of the questionnaires Repère generated for the survey. */
  known: KnownInstrument[];
  prepared: PreparedImport | null;
}

const state: State = { source: null, mapping: emptyMapping(), registryQuestions: [], known: [], prepared: null };
/** The file being read: « Importer » waits for it, so a click right after choosing a file imports that file. */
let reading: Promise<void> = Promise.resolve();

/** Test hooks (end-to-end tests simulate a sidebar closed mid-import). */
interface Hooks {
  __repereImportStopAfterChunks?: number;
  __repereImportMaxChunkRows?: number;
}

const surveyId = () => $<HTMLInputElement>('survey-id').value.trim();

function read(source: Source): PreparedImport {
  const corrections = state.mapping.corrections;
  if (source.kind === 'tab') return prepareValues(source.values, { corrections });
  return prepareImport(source.bytes, { corrections, ...(source.sheet !== undefined && { sheet: source.sheet }) });
}

/** The answers as they will be imported: the rows of people who declined are already set aside, with their reason. */
function prepare(): void {
  if (state.source) state.prepared = withoutRefusals(read(state.source), state.mapping);
}

/** A new file or tab: the saved mapping completed (generated questionnaire, then suggestions), read again. */
function prepareNewSource(): void {
  if (!state.source) return;
  state.mapping = completeMapping(state.mapping, read(state.source).questions, state.registryQuestions, state.known);
  prepare();
}

async function loadSurvey(): Promise<void> {
  const id = surveyId();
  const setup = await call('getImportSetup', id);
  state.mapping = readMapping(setup.mapping);
  state.registryQuestions = setup.questions;
  state.known = setup.known;
  const list = $('survey-list');
  list.replaceChildren(...setup.surveys.map((s) => option(s.id, s.name ? `${s.id} — ${s.name}` : s.id)));
  const wave = $<HTMLInputElement>('survey-wave');
  const known = setup.surveys.find((s) => s.id === id);
  if (wave.value.trim() === '' && known?.wave) wave.value = known.wave;
}

function remember(): void {
  const id = surveyId();
  if (id) void call('saveImportMapping', id, state.mapping).catch(() => undefined);
}

/** The one result message of the panel, with the next step's button when there is one. */
function showResult(text: string, isError: boolean, next?: { label: string; run: () => void }): void {
  const output = $('import-result');
  say(output, text, isError);
  if (next) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = next.label;
    button.addEventListener('click', next.run);
    output.append(document.createElement('br'), button);
  }
}

function correct(key: string, change: Correction, replace = false): void {
  const base = replace ? {} : state.mapping.corrections[key];
  state.mapping.corrections[key] = { ...base, ...change };
  remember();
  prepare();
  render();
}

function what(prepared: PreparedImport, name: string): string {
  const t = prepared.table;
  const questions = prepared.questions.filter(isQuestion).length;
  const how =
    t.format === 'csv' ? `encodage ${t.encoding}, séparateur ${t.delimiter === '\t' ? 'tabulation' : `« ${t.delimiter} »`}` : t.format === 'tab' ? 'onglet de ce tableur' : `classeur ${t.format}, feuille « ${t.sheet} »`;
  return `${name} : source ${t.source}, ${how}${t.headerRow > 1 ? `, intitulés ligne ${t.headerRow}` : ''}, ${count(t.values.length, 'réponse', 'réponses')}, ${count(questions, 'question', 'questions')}.`;
}

function render(): void {
  const prepared = state.prepared;
  const source = state.source;
  const preview = $('import-preview');
  if (!prepared || !source) {
    preview.hidden = true;
    return;
  }
  preview.hidden = false;
  $('import-summary').textContent = what(prepared, source.name);
  const sheets = prepared.table.sheets ?? [];
  $('import-sheet-row').hidden = sheets.length < 2;
  const sheet = $<HTMLSelectElement>('import-sheet');
  sheet.replaceChildren(...sheets.map((name) => option(name, name)));
  if (prepared.table.sheet !== undefined) sheet.value = prepared.table.sheet;
  const reread = () => {
    remember();
    prepare();
    render();
  };
  renderPreview({ prepared, mapping: state.mapping, registry: state.registryQuestions, correct, remember, reread });
  const inspection = inspectPrepared(prepared);
  const keepAsText = (key: string) => correct(key, { type: 'text' }, true);
  $('import-problems').replaceChildren(...problemItems(inspection.errors, true, keepAsText), ...problemItems(inspection.warnings, false, keepAsText));
}

async function showSource(source: Source): Promise<void> {
  state.source = source;
  await loadSurvey();
  prepareNewSource();
  render();
  const blocked = state.prepared!.problems.errors.length > 0;
  showResult(blocked ? 'Ce fichier ne peut pas être importé tel quel : voyez l’erreur ci-dessus.' : 'Vérifiez l’aperçu (types et questions du registre), puis « Importer ».', blocked);
}

async function chooseFile(): Promise<void> {
  const file = $<HTMLInputElement>('survey-file').files?.[0];
  if (!file) return;
  const bytes = new Uint8Array(await file.arrayBuffer());
  await showSource({ kind: 'file', bytes, name: file.name, hash: sha256BytesHex(bytes) });
}

async function chooseSheet(): Promise<void> {
  const source = state.source;
  if (source?.kind !== 'file') return;
  await showSource({ ...source, sheet: $<HTMLSelectElement>('import-sheet').value });
}

/** The tabs that receive a Google Form Repère made know their survey and wave. */
const tabForms = new Map<string, { survey: string; wave: string }>();

async function listTabs(): Promise<void> {
  const { tabs } = await call('listSheetTabs');
  tabForms.clear();
  for (const t of tabs) if (t.form) tabForms.set(String(t.sheetId), t.form);
  $('survey-tab').replaceChildren(option('', '—'), ...tabs.map((t) => option(String(t.sheetId), `${t.name} (${count(t.rows, 'ligne', 'lignes')})${t.form ? ` — formulaire ${t.form.survey}${t.form.wave ? ` ${t.form.wave}` : ''}` : ''}`)));
}

async function readTab(): Promise<void> {
  const id = $<HTMLSelectElement>('survey-tab').value;
  if (!id) return showResult('Choisissez d’abord un onglet.', true);
  const tab = await call('readSheetTab', Number(id));
  if (!tab.ok) return showResult(tab.message, true);
  const form = tabForms.get(id);
  if (form) {
    $<HTMLInputElement>('survey-id').value = form.survey;
    $<HTMLInputElement>('survey-wave').value = form.wave;
  }
  await showSource({ kind: 'tab', values: tab.values, name: `onglet « ${tab.name} »`, hash: sha256TableHex(tab.values) });
}

function goToCompute(): void {
  const button = $<HTMLButtonElement>('compute');
  button.scrollIntoView({ block: 'center' });
  button.focus();
  button.click();
}

async function importNow(): Promise<void> {
  await reading.catch(() => undefined);
  if (!state.source) {
    await chooseFile();
    if (!state.source) return showResult('Choisissez d’abord un fichier de réponses (.csv, .xlsx, .ods) ou un onglet.', true);
  }
  if (!surveyId()) return showResult('Indiquez l’identifiant de l’enquête (ex. E1).', true);
  if (!state.prepared) {
    await loadSurvey();
    prepareNewSource();
    render();
  }
  const source = state.source!;
  const progress = $<HTMLProgressElement>('import-progress');
  progress.hidden = false;
  progress.value = 0;
  const hooks = window as unknown as Hooks;
  const result = await runImport(
    state.prepared!,
    {
      surveyId: surveyId(),
      wave: $<HTMLInputElement>('survey-wave').value.trim(),
      fileName: source.name,
      fileHash: tableHash(source.hash, state.prepared!),
      mapping: state.mapping,
      onProgress: (written, planned) => {
        progress.max = Math.max(planned, 1);
        progress.value = planned === 0 ? 1 : written;
      },
      ...(hooks.__repereImportStopAfterChunks !== undefined && { stopAfterChunks: hooks.__repereImportStopAfterChunks }),
      ...(hooks.__repereImportMaxChunkRows !== undefined && { maxChunkRows: hooks.__repereImportMaxChunkRows }),
    },
    importServer((fn, arg) => call(fn, arg as never)),
  );
  progress.hidden = true;
  if (!result.ok) {
    // The preview's problems stay; those only the mapping raises (two columns for one question) come first.
    render();
    const known = new Set(state.prepared!.problems.errors);
    const extra = result.problems.filter((p) => !known.has(p));
    if (extra.length > 0) {
      const inspection = inspectPrepared({ ...state.prepared!, problems: { errors: extra, warnings: [], excluded: [] } });
      $('import-problems').prepend(...problemItems(inspection.errors, true, (key) => correct(key, { type: 'text' }, true)));
    }
    return showResult(result.stopped ? `${result.message} Relancez « Importer » avec le même fichier : l’import reprendra là où il s’est arrêté.` : result.message, !result.stopped);
  }
  const quotes = result.quotes.sent > 0 ? ` Citations : ${count(result.quotes.added, 'ajoutée', 'ajoutées')} à Observations.` : '';
  showResult(`${source.name} : ${importSummary(result)}${quotes} Étape suivante : calculer les indicateurs.`, false, { label: 'Calculer les indicateurs', run: goToCompute });
}

export function initImportPanel(): void {
  const read = (work: () => Promise<void>) => () => {
    reading = work().catch((e) => showResult(String(e), true));
  };
  $('survey-file').addEventListener('change', read(chooseFile));
  $('import-sheet').addEventListener('change', read(chooseSheet));
  $('survey-id').addEventListener('change', () => {
    if (!state.source) return;
    void loadSurvey().then(() => {
      prepare();
      render();
    });
  });
  onClick($('survey-tab-read'), readTab);
  onClick($('import'), importNow);
  $('survey-tab').addEventListener('focus', () => void listTabs().catch(() => undefined), { once: true });
  void listTabs().catch(() => undefined);
}
