/** The glossary at the foot of the sidebar: the words beside the figures, explained once (shared/indicators/glossary.ts). */
import { GLOSSARY } from '../../../shared/indicators/glossary';
import { $ } from '../dom';

export function initGlossaryPanel(): void {
  const list = $('glossary-list');
  list.replaceChildren(
    ...GLOSSARY.flatMap((entry) => {
      const term = document.createElement('dt');
      term.id = `glossaire-${entry.id}`;
      term.textContent = entry.term;
      const definition = document.createElement('dd');
      definition.textContent = entry.definition;
      return [term, definition];
    }),
  );
  // A link to the glossary opens it where it is.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href="#glossary"]')) {
    link.addEventListener('click', () => {
      ($('glossary') as HTMLDetailsElement).open = true;
    });
  }
}
