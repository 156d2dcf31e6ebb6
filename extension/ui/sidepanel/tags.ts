// The form's themes: chips that can be removed, typed or picked among the registry's and the recently used ones.
import { tagSuggestions } from '../../tags/tags';
import { t } from '../../i18n';
import { $, option } from './dom';
import { state } from './state';

const p = t.panel;
const input = $<HTMLInputElement>('tags');
const chips = $<HTMLUListElement>('tag-list');
const suggestions = $('tag-options');

export function renderTags(): void {
  chips.replaceChildren(
    ...state.tags.map((tag) => {
      const li = document.createElement('li');
      const label = document.createElement('span');
      label.textContent = tag;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.setAttribute('aria-label', p.removeTag(tag));
      remove.addEventListener('click', () => {
        state.tags = state.tags.filter((x) => x !== tag);
        renderTags();
        input.focus();
      });
      li.append(label, remove);
      return li;
    }),
  );
  suggestions.replaceChildren(...tagSuggestions(state.items).filter((s) => !state.tags.includes(s)).map((s) => option(s, s)));
}

function addTagFromInput(): void {
  const tag = input.value.trim();
  if (tag && !state.tags.includes(tag)) state.tags.push(tag);
  input.value = '';
  renderTags();
}

export function initTags(): void {
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      addTagFromInput();
    }
  });
  $('add-tag').addEventListener('click', addTagFromInput);
}
