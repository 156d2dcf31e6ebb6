/**
 * The import preview as a form: one block per question (its label, three example answers, its type and its registry
 * question, each a select with a visible label), the tool's own columns folded under one line (personal data only
 * on request), who answered and how, and the consent column of the quotes. Every change is one select away and
 * remembered for the survey. Rendered with textContent only.
 */
import { NOT_GIVEN, termLabel, termLabels } from '../../../shared/contract/words';
import { isQuestion, type ImportQuestion, type PreparedImport } from '../../../shared/survey/import';
import { PARADATA, suggestQuestions, type ImportMapping, type ParadataKey, type RegistryQuestion } from '../../../shared/survey/mapping';
import { QUESTION_TYPES, type Correction, type QuestionType } from '../../../shared/survey/types';
import type { DateOrder } from '../../../shared/survey/values';
import { $, option } from '../dom';
import { count } from '../../../shared/text/plural';

const PARADATA_NAMES: Record<ParadataKey, string> = {
  wave: 'Vague',
  respondentType: `Type de répondant (${termLabels('respondentType', 'fr').join(', ')})`,
  mode: 'Mode de passation',
  interviewer: 'Enquêteur',
  personId: 'Identifiant de la personne (relie ses réponses avant et après)',
};

export interface PreviewContext {
  prepared: PreparedImport;
  mapping: ImportMapping;
  registry: RegistryQuestion[];
  /** A correction of a question's type, levels or date order: the file is read again. */
  correct(key: string, change: Correction, replace?: boolean): void;
  /** Any other change of the mapping: remembered, nothing to read again. */
  remember(): void;
  /** A change that sets rows or columns aside (consent to answer, personal data asked for): the file is read again. */
  reread(): void;
}

let uid = 0;

/** A field with its visible label: the label above, the control below. */
function field(text: string, control: HTMLElement, accessibleName?: string): HTMLDivElement {
  const wrap = document.createElement('div');
  wrap.className = 'field';
  const id = `import-field-${++uid}`;
  control.id = id;
  if (accessibleName) control.setAttribute('aria-label', accessibleName);
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = text;
  wrap.append(label, control);
  return wrap;
}

function select(options: Array<[string, string]>, value: string, onChange: (v: string) => void): HTMLSelectElement {
  const element = document.createElement('select');
  element.append(...options.map(([v, text]) => option(v, text)));
  element.value = value;
  element.addEventListener('change', () => onChange(element.value));
  return element;
}

const quote = (text: string) => `« ${text.length > 30 ? `${text.slice(0, 30)}…` : text} »`;

function questionBlock(q: ImportQuestion, ctx: PreviewContext, registryOptions: Array<[string, string]>, suggested: string): HTMLDivElement {
  const block = document.createElement('div');
  block.className = 'import-question';
  const head = document.createElement('p');
  head.className = 'q-head';
  const label = document.createElement('span');
  label.className = 'q-label';
  label.textContent = q.label;
  const examples = document.createElement('span');
  examples.className = 'q-examples muted';
  examples.textContent = q.examples.length > 0 ? `ex. ${q.examples.map(quote).join(', ')}` : 'aucune réponse';
  head.append(label, examples);
  const line = document.createElement('div');
  line.className = 'q-fields';
  const type = select(QUESTION_TYPES.map((k) => [k, termLabel('questionType', k, 'fr')]), q.type, (v) => ctx.correct(q.key, { type: v as QuestionType }, true));
  line.append(field('Type', type, `Type de « ${q.label} »`));
  if (ctx.registry.length > 0) {
    const chosen = ctx.mapping.questions[q.key] ?? suggested;
    if (chosen && !ctx.mapping.questions[q.key]) ctx.mapping.questions[q.key] = chosen;
    const registry = select(registryOptions, chosen, (v) => {
      if (v) ctx.mapping.questions[q.key] = v;
      else delete ctx.mapping.questions[q.key];
      ctx.remember();
    });
    line.append(field('Question du registre', registry, `Question du registre pour « ${q.label} »`));
  }
  block.append(head, line);
  if (q.type === 'likert') {
    // The order of the levels, lowest first, as the file's scale means it: editable when the guess is wrong.
    const levels = document.createElement('input');
    levels.type = 'text';
    levels.value = (q.levels ?? []).join(' | ');
    levels.addEventListener('change', () => ctx.correct(q.key, { levels: levels.value.split('|').map((l) => l.trim()).filter(Boolean) }));
    block.append(field('Niveaux, du plus bas au plus haut (séparés par « | »)', levels, `Modalités de « ${q.label} », de la plus basse à la plus haute, séparées par « | »`));
  }
  if (q.type === 'date' || q.type === 'timestamp') {
    const order = select([['dmy', 'jour/mois/année'], ['mdy', 'mois/jour/année']], q.dateOrder ?? 'dmy', (v) => ctx.correct(q.key, { dateOrder: v as DateOrder }));
    block.append(field('Ordre des dates', order, `Ordre des dates de « ${q.label} »`));
  }
  if (q.type === 'text') {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = ctx.mapping.quotes.questions.includes(q.key);
    box.addEventListener('change', () => {
      const set = new Set(ctx.mapping.quotes.questions);
      if (box.checked) set.add(q.key);
      else set.delete(q.key);
      ctx.mapping.quotes.questions = [...set];
      ctx.remember();
    });
    const wrap = document.createElement('label');
    wrap.className = 'check';
    wrap.append(box, document.createTextNode(' Envoyer les réponses en citations (Observations)'));
    block.append(wrap);
  }
  return block;
}

const USE_TEXT = { kept: 'gardée pour la traçabilité', ignored: 'non importée (inutile ici)' } as const;

/** The tool's own columns, folded under one line: kept ones listed, personal ones imported only when ticked. */
function metadataBlock(columns: ImportQuestion[], ctx: PreviewContext): HTMLElement[] {
  if (columns.length === 0) return [];
  const personal = columns.filter((c) => c.use === 'personal');
  const details = document.createElement('details');
  details.id = 'import-metadata';
  const summary = document.createElement('summary');
  const asked = personal.filter((c) => ctx.mapping.personal.includes(c.key)).length;
  summary.textContent =
    `${count(columns.length, 'colonne', 'colonnes')} de l’outil (identifiant, dates, état…) : pas des questions, jamais dans les indicateurs` +
    (personal.length > 0 ? ` ; ${personal.length} de données personnelles, ${asked > 0 ? `${count(asked, 'importée', 'importées')} à votre demande` : 'non importées'}.` : '.');
  const list = document.createElement('ul');
  for (const column of columns) {
    const li = document.createElement('li');
    if (column.use === 'personal') {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = ctx.mapping.personal.includes(column.key);
      box.addEventListener('change', () => {
        const set = new Set(ctx.mapping.personal);
        if (box.checked) set.add(column.key);
        else set.delete(column.key);
        ctx.mapping.personal = [...set];
        ctx.reread();
      });
      const wrap = document.createElement('label');
      wrap.className = 'check';
      wrap.append(box, document.createTextNode(` ${column.label} : donnée personnelle — l’importer quand même (colonne marquée « donnée personnelle »)`));
      li.append(wrap);
    } else li.textContent = `${column.label} : ${USE_TEXT[column.use === 'ignored' ? 'ignored' : 'kept']}`;
    list.append(li);
  }
  details.append(summary, list);
  return [details];
}

function paradataRows(questions: ImportQuestion[], ctx: PreviewContext): HTMLElement[] {
  const columns: Array<[string, string]> = [['', '(aucune : même valeur pour tout le fichier)'], ...questions.map((q): [string, string] => [q.key, q.label])];
  return PARADATA.filter((k) => k !== 'wave').map((key) => {
    const row = document.createElement('div');
    row.className = 'paradatum';
    const title = document.createElement('p');
    title.className = 'field-title';
    title.textContent = PARADATA_NAMES[key];
    const current = ctx.mapping.paradata[key] ?? {};
    const column = select(columns, current.column ?? '', (v) => {
      const next = { ...ctx.mapping.paradata[key] };
      if (v) next.column = v;
      else delete next.column;
      ctx.mapping.paradata[key] = next;
      ctx.remember();
    });
    const value = document.createElement('input');
    value.type = 'text';
    value.value = current.value ?? '';
    value.addEventListener('change', () => {
      ctx.mapping.paradata[key] = { ...ctx.mapping.paradata[key], value: value.value.trim() };
      ctx.remember();
    });
    row.append(title, field('Colonne du fichier', column, `${PARADATA_NAMES[key]} : colonne`), field('Valeur pour tout le fichier', value, `${PARADATA_NAMES[key]} pour tout le fichier`));
    return row;
  });
}

export function renderPreview(ctx: PreviewContext): void {
  const questions = ctx.prepared.questions.filter(isQuestion);
  const suggestions = suggestQuestions(questions, ctx.registry, ctx.mapping.questions);
  const registryOptions: Array<[string, string]> = [['', '(garder le nom de la colonne)'], ...ctx.registry.map((q): [string, string] => [q.key, `${q.key} — ${q.label}`])];
  $('import-questions').replaceChildren(
    ...questions.map((q) => questionBlock(q, ctx, registryOptions, suggestions[q.key]?.key ?? '')),
    ...metadataBlock(ctx.prepared.questions.filter((q) => !isQuestion(q)), ctx),
  );
  const fieldset = $('import-paradata');
  fieldset.replaceChildren(fieldset.querySelector('legend')!, ...paradataRows(questions, ctx));
  const participation = $<HTMLSelectElement>('import-participation');
  participation.replaceChildren(...[['', '(aucune : toutes les réponses sont importées)'] as [string, string], ...questions.map((q): [string, string] => [q.key, q.label])].map(([v, text]) => option(v, text)));
  participation.value = ctx.mapping.participation ?? '';
  participation.onchange = () => {
    if (participation.value) ctx.mapping.participation = participation.value;
    else delete ctx.mapping.participation;
    ctx.reread();
  };
  const consent = $<HTMLSelectElement>('import-consent');
  consent.replaceChildren(...[['', `(aucune : « ${NOT_GIVEN.fr} »)`] as [string, string], ...questions.map((q): [string, string] => [q.key, q.label])].map(([v, text]) => option(v, text)));
  consent.value = ctx.mapping.quotes.consent ?? '';
  consent.onchange = () => {
    if (consent.value) ctx.mapping.quotes.consent = consent.value;
    else delete ctx.mapping.quotes.consent;
    ctx.remember();
  };
}
