/**
 * The import preview's problems, one line per column and kind with its count and a few example rows, the full list
 * under « voir toutes les lignes », and for a column whose values do not all read as its type, the one-click choice
 * to keep it as text. Rendered with textContent only.
 */
import type { InspectionGroup } from '../../../shared/survey/import';
import { count } from '../../../shared/text/plural';

/** Rows listed under « voir toutes les lignes » before « … et N autres ». */
const LISTED = 500;

function allRows(group: InspectionGroup): HTMLDetailsElement {
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = `voir toutes les lignes (${group.count})`;
  const list = document.createElement('ul');
  for (const p of group.problems.slice(0, LISTED)) {
    const li = document.createElement('li');
    li.textContent = p.value !== undefined ? `ligne ${p.row} : « ${p.value} »` : p.row > 0 ? `ligne ${p.row} : ${p.message}` : p.message;
    list.append(li);
  }
  if (group.count > LISTED) {
    const li = document.createElement('li');
    li.textContent = `… et ${count(group.count - LISTED, 'autre', 'autres')} : « repere inspect FICHIER --json » les donne toutes.`;
    list.append(li);
  }
  details.append(summary, list);
  return details;
}

const KEEPS_AS_TEXT = new Set(['not-date', 'not-number', 'not-level']);

/** One item per group; `keepAsText` is offered for a column whose values do not all read as its type. */
export function problemItems(groups: readonly InspectionGroup[], error: boolean, keepAsText: (key: string) => void): HTMLLIElement[] {
  return groups.map((group) => {
    const li = document.createElement('li');
    li.className = error ? 'error' : 'warning';
    const text = document.createElement('p');
    text.textContent = `${error ? 'Erreur' : 'Attention'} : ${group.message}`;
    li.append(text);
    if (group.key !== undefined && KEEPS_AS_TEXT.has(group.kind)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary';
      button.textContent = `Garder « ${group.column} » en texte`;
      const key = group.key;
      button.addEventListener('click', () => keepAsText(key));
      li.append(button);
    }
    if (group.count > 1 || (group.problems[0]?.row ?? 0) > 0) li.append(allRows(group));
    return li;
  });
}
