// The pseudonymisation review: the text as it will leave the browser, each replacement marked, each one undoable.
import { analyseFields, pseudonymiseFields, valueKey } from '../../../shared/pseudonymise/pseudonymise';
import { t } from '../../i18n';
import { $ } from './dom';
import { state } from './state';

const p = t.panel;
const text = $<HTMLTextAreaElement>('text');
const note = $<HTMLTextAreaElement>('note');
const none = $('pseudo-none');
const list = $<HTMLUListElement>('pseudo-list');
const preview = $('preview');

/** The fields that leave the browser, as typed or captured, before pseudonymisation. */
function fields() {
  const quote = state.draft?.quote;
  return {
    text: text.value,
    note: note.value,
    exact: quote?.exact ?? '',
    prefix: quote?.prefix ?? '',
    suffix: quote?.suffix ?? '',
    title: state.editing?.sourceTitle ?? state.draft?.sourceTitle ?? '',
  };
}

const analyse = () => analyseFields(fields(), { names: state.settings?.names ?? [] });

/** The same fields with every finding replaced by its pseudonym, but those the person kept. */
export function pseudonymisedFields() {
  return pseudonymiseFields(fields(), state.analysis ?? analyse(), state.kept);
}

export function renderPseudonymisation(): void {
  const values = fields();
  const analysis = analyse();
  state.analysis = analysis;
  const keys = new Set(analysis.replacements.map((r) => r.key));
  for (const key of [...state.kept]) if (!keys.has(key)) state.kept.delete(key);
  none.hidden = analysis.replacements.length > 0;
  list.replaceChildren(
    ...analysis.replacements.map((r, index) => {
      const li = document.createElement('li');
      const kept = state.kept.has(r.key);
      const label = document.createElement('span');
      label.textContent = kept ? `${p.pseudoFound(r.value, r.placeholder)} (${p.pseudoKept})` : p.pseudoFound(r.value, r.placeholder);
      const toggle = document.createElement('button');
      toggle.type = 'button';
      toggle.textContent = kept ? p.pseudoRedo : p.pseudoUndo;
      toggle.setAttribute('aria-pressed', String(kept));
      toggle.addEventListener('click', () => {
        if (state.kept.has(r.key)) state.kept.delete(r.key);
        else state.kept.add(r.key);
        renderPseudonymisation();
        list.querySelector<HTMLButtonElement>(`li:nth-child(${index + 1}) button`)?.focus();
      });
      li.append(label, toggle);
      return li;
    }),
  );
  // The preview: the text with each replaced (or kept) value marked, built from text nodes only.
  const parts: Node[] = [];
  let at = 0;
  for (const f of analysis.findings.text) {
    const key = valueKey(f.kind, f.value);
    const placeholder = analysis.placeholders.get(key);
    parts.push(document.createTextNode(values.text.slice(at, f.start)));
    const mark = document.createElement('mark');
    const kept = state.kept.has(key);
    mark.textContent = kept || !placeholder ? f.value : placeholder;
    if (kept) mark.className = 'kept';
    parts.push(mark);
    at = f.end;
  }
  parts.push(document.createTextNode(values.text.slice(at)));
  preview.replaceChildren(...parts);
}

export function initPseudonymisation(): void {
  text.addEventListener('input', renderPseudonymisation);
  note.addEventListener('input', renderPseudonymisation);
}
