/**
 * The « Importer des réponses » panel. The file (or a tab of this spreadsheet) is read here, in the browser:
 * preview (source, encoding, delimiter, answers, each question with its type and levels, errors and warnings),
 * corrections and mapping remembered per survey on the server, then the transaction: begin, one write per chunk with
 * a progress bar, quotes, finish. Everything is rendered with textContent.
 */
import { NOT_GIVEN, termLabel, termLabels } from '../../../shared/contract/words';
import { sha256BytesHex, sha256TableHex } from '../../../shared/crypto/sha256';
import { prepareImport, prepareValues, type PreparedImport } from '../../../shared/survey/import';
import { answerCountsText, quoteCountsText } from '../../../shared/survey/import-counts';
import { completeMapping, emptyMapping, readMapping, suggestQuestions, withoutRefusals, PARADATA, type ImportMapping, type KnownInstrument, type ParadataKey, type RegistryQuestion } from '../../../shared/survey/mapping';
import { importServer, runImport } from '../../../shared/survey/mapping-run';
import { QUESTION_TYPES, type Correction, type Problem, type QuestionType } from '../../../shared/survey/types';
import type { DateOrder } from '../../../shared/survey/values';
import { call } from '../rpc';
import { $, onClick, option, say } from '../dom';

const PARADATA_NAMES: Record<ParadataKey, string> = {
  wave: 'Vague',
  respondentType: `Type de répondant (${termLabels('respondentType', 'fr').join(', ')})`,
  mode: 'Mode de passation',
  interviewer: 'Enquêteur',
  personId: 'Identifiant de la personne (relie ses réponses avant et après)',
};

type Source = { kind: 'file'; bytes: Uint8Array; name: string; hash: string } | { kind: 'tab'; values: string[][]; name: string; hash: string };

interface State {
  source: Source | null;
  mapping: ImportMapping;
  registryQuestions: RegistryQuestion[];
  /** The columns of the questionnaires Repère generated for the survey. */
  known: KnownInstrument[];
  prepared: PreparedImport | null;
}

const state: State = { source: null, mapping: emptyMapping(), registryQuestions: [], known: [], prepared: null };

/** Test hooks (end-to-end tests simulate a sidebar closed mid-import). */
interface Hooks {
  __repereImportStopAfterChunks?: number;
  __repereImportMaxChunkRows?: number;
}

const surveyId = () => $<HTMLInputElement>('survey-id').value.trim();

function read(source: Source): PreparedImport {
  const options = { corrections: state.mapping.corrections };
  return source.kind === 'file' ? prepareImport(source.bytes, options) : prepareValues(source.values, options);
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

function select(options: Array<[string, string]>, value: string, label: string, onChange: (v: string) => void): HTMLSelectElement {
  const element = document.createElement('select');
  element.setAttribute('aria-label', label);
  element.append(...options.map(([v, text]) => option(v, text)));
  element.value = value;
  element.addEventListener('change', () => onChange(element.value));
  return element;
}

function problemLine(p: Problem, error: boolean): HTMLLIElement {
  const li = document.createElement('li');
  li.className = error ? 'error' : 'warning';
  const where = [p.row ? `ligne ${p.row}` : '', p.column ? `colonne « ${p.column} »` : '', p.value !== undefined ? `valeur « ${p.value} »` : ''].filter(Boolean).join(', ');
  li.textContent = `${error ? 'Erreur' : 'Attention'}${where ? ` (${where})` : ''} : ${p.message}`;
  return li;
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
  const t = prepared.table;
  const delimiter = t.delimiter === '\t' ? 'tabulation' : `« ${t.delimiter} »`;
  $('import-summary').textContent = `${source.name} : source ${t.source}, encodage ${t.encoding}, séparateur ${delimiter}, ${t.values.length} réponse(s), ${prepared.questions.length} question(s).`;

  const suggestions = suggestQuestions(prepared.questions, state.registryQuestions, state.mapping.questions);
  const registryOptions: Array<[string, string]> = [['', '(garder le nom de la colonne)'], ...state.registryQuestions.map((q): [string, string] => [q.key, `${q.key} — ${q.label}`])];
  const blocks = prepared.questions.map((q) => {
    const block = document.createElement('div');
    block.className = 'import-question';
    const label = document.createElement('span');
    label.className = 'q-label';
    label.textContent = q.label;
    const type = select(QUESTION_TYPES.map((k) => [k, termLabel('questionType', k, 'fr')]), q.type, `Type de « ${q.label} »`, (v) => {
      state.mapping.corrections[q.key] = { ...state.mapping.corrections[q.key], type: v as QuestionType };
      delete state.mapping.corrections[q.key]!.levels;
      remember();
      prepare();
      render();
    });
    block.append(label, type);
    const correct = (change: Correction) => {
      state.mapping.corrections[q.key] = { ...state.mapping.corrections[q.key], ...change };
      remember();
      prepare();
      render();
    };
    if (q.type === 'likert' || q.type === 'single') {
      // The order of the levels, lowest first, as the file's scale means it: editable when the guess is wrong.
      const levels = document.createElement('input');
      levels.type = 'text';
      levels.value = (q.levels ?? []).join(' | ');
      levels.setAttribute('aria-label', `Modalités de « ${q.label} », de la plus basse à la plus haute, séparées par « | »`);
      levels.addEventListener('change', () => correct({ levels: levels.value.split('|').map((l) => l.trim()).filter(Boolean) }));
      block.append(levels);
    }
    if (q.type === 'date' || q.type === 'timestamp') {
      block.append(select([['dmy', 'jour/mois/année'], ['mdy', 'mois/jour/année']], q.dateOrder ?? 'dmy', `Ordre des dates de « ${q.label} »`, (v) => correct({ dateOrder: v as DateOrder })));
    }
    if (state.registryQuestions.length > 0) {
      const chosen = state.mapping.questions[q.key] ?? suggestions[q.key]?.key ?? '';
      if (chosen && !state.mapping.questions[q.key]) state.mapping.questions[q.key] = chosen;
      block.append(select(registryOptions, chosen, `Question du registre pour « ${q.label} »`, (v) => {
        if (v) state.mapping.questions[q.key] = v;
        else delete state.mapping.questions[q.key];
        remember();
      }));
    }
    if (q.type === 'text') {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = state.mapping.quotes.questions.includes(q.key);
      box.addEventListener('change', () => {
        const set = new Set(state.mapping.quotes.questions);
        if (box.checked) set.add(q.key);
        else set.delete(q.key);
        state.mapping.quotes.questions = [...set];
        remember();
      });
      const wrap = document.createElement('label');
      wrap.append(box, document.createTextNode(' envoyer les réponses en citations (Observations)'));
      block.append(wrap);
    }
    return block;
  });
  $('import-questions').replaceChildren(...blocks);

  const columns: Array<[string, string]> = [['', '(même valeur pour tout le fichier)'], ...prepared.questions.map((q): [string, string] => [q.key, q.label])];
  const fieldset = $('import-paradata');
  const legend = fieldset.querySelector('legend')!;
  const rows = PARADATA.filter((k) => k !== 'wave').map((key) => {
    const div = document.createElement('div');
    const title = document.createElement('span');
    title.textContent = PARADATA_NAMES[key];
    const current = state.mapping.paradata[key] ?? {};
    const value = document.createElement('input');
    value.type = 'text';
    value.value = current.value ?? '';
    value.setAttribute('aria-label', `${PARADATA_NAMES[key]} pour tout le fichier`);
    value.addEventListener('change', () => {
      state.mapping.paradata[key] = { ...state.mapping.paradata[key], value: value.value.trim() };
      remember();
    });
    div.append(title, select(columns, current.column ?? '', `${PARADATA_NAMES[key]} : colonne`, (v) => {
      const next = { ...state.mapping.paradata[key] };
      if (v) next.column = v;
      else delete next.column;
      state.mapping.paradata[key] = next;
      remember();
    }), value);
    return div;
  });
  fieldset.replaceChildren(legend, ...rows);

  const participation = $<HTMLSelectElement>('import-participation');
  participation.replaceChildren(...[['', '(aucune : toutes les réponses sont importées)'] as [string, string], ...columns.slice(1)].map(([v, text]) => option(v, text)));
  participation.value = state.mapping.participation ?? '';
  participation.onchange = () => {
    if (participation.value) state.mapping.participation = participation.value;
    else delete state.mapping.participation;
    remember();
    prepare();
    render();
  };

  const consent = $<HTMLSelectElement>('import-consent');
  consent.replaceChildren(...[['', `(aucune : « ${NOT_GIVEN.fr} »)`] as [string, string], ...columns.slice(1)].map(([v, text]) => option(v, text)));
  consent.value = state.mapping.quotes.consent ?? '';
  consent.onchange = () => {
    if (consent.value) state.mapping.quotes.consent = consent.value;
    else delete state.mapping.quotes.consent;
    remember();
  };

  const problems = prepared.problems;
  $('import-problems').replaceChildren(
    ...problems.errors.map((p) => problemLine(p, true)),
    ...[...problems.warnings, ...problems.excluded].map((p) => problemLine(p, false)),
  );
}

async function chooseFile(): Promise<void> {
  const file = $<HTMLInputElement>('survey-file').files?.[0];
  if (!file) return;
  const bytes = new Uint8Array(await file.arrayBuffer());
  state.source = { kind: 'file', bytes, name: file.name, hash: sha256BytesHex(bytes) };
  $('import-result').textContent = '';
  await loadSurvey();
  prepareNewSource();
  render();
}

/** The tabs that receive a Google Form Repère made know their survey and wave. */
const tabForms = new Map<string, { survey: string; wave: string }>();

async function listTabs(): Promise<void> {
  const { tabs } = await call('listSheetTabs');
  tabForms.clear();
  for (const t of tabs) if (t.form) tabForms.set(String(t.sheetId), t.form);
  $('survey-tab').replaceChildren(option('', '—'), ...tabs.map((t) => option(String(t.sheetId), `${t.name} (${t.rows} ligne(s))${t.form ? ` — formulaire ${t.form.survey}${t.form.wave ? ` ${t.form.wave}` : ''}` : ''}`)));
}

async function readTab(): Promise<void> {
  const id = $<HTMLSelectElement>('survey-tab').value;
  if (!id) return say($('import-result'), 'Choisissez d’abord un onglet.', true);
  const tab = await call('readSheetTab', Number(id));
  if (!tab.ok) return say($('import-result'), tab.message, true);
  const form = tabForms.get(id);
  if (form) {
    $<HTMLInputElement>('survey-id').value = form.survey;
    $<HTMLInputElement>('survey-wave').value = form.wave;
  }
  state.source = { kind: 'tab', values: tab.values, name: `onglet « ${tab.name} »`, hash: sha256TableHex(tab.values) };
  await loadSurvey();
  prepareNewSource();
  render();
}

async function importNow(): Promise<void> {
  const output = $('import-result');
  if (!state.source) {
    await chooseFile();
    if (!state.source) return say(output, 'Choisissez d’abord un fichier de réponses (CSV) ou un onglet.', true);
  }
  if (!surveyId()) return say(output, 'Indiquez l’identifiant de l’enquête (ex. E1).', true);
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
      fileHash: source.hash,
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
  if (!result.ok) {
    if (result.problems.length > 0) $('import-problems').replaceChildren(...result.problems.map((p) => problemLine(p, true)));
    return say(output, result.message, true);
  }
  const quotes = quoteCountsText(result.quotes);
  say(output, `${source.name} : ${answerCountsText(result)}.${result.resumed ? ' (import repris)' : ''}${quotes ? ` ${quotes}` : ''}`, result.rejected > 0);
}

export function initImportPanel(): void {
  $('survey-file').addEventListener('change', () => void chooseFile().catch((e) => say($('import-result'), String(e), true)));
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
