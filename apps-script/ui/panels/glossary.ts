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
  // The compute panel's « voir le glossaire » opens it and brings it into view (a button: the sidebar's links open
  // outside it, as its <base target="_top"> says).
  $('open-glossary').addEventListener('click', () => {
    const glossary = $('glossary') as HTMLDetailsElement;
    glossary.open = true;
    glossary.scrollIntoView({ block: 'start' });
  });
}
