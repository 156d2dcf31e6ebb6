/** The « Vérifier » panel: lists the registry's problems, then the advice on questionnaires; each leads to its cell. */
import { $, onClick, say, sayFailure } from '../dom';
import { call } from '../rpc';

function goButton(text: string, className: string, sheetId: number, cell: string): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('button');
  link.type = 'button';
  link.className = className;
  link.textContent = text;
  link.title = 'Aller à la cellule';
  link.addEventListener('click', () => void call('goToCell', sheetId, cell).catch(sayFailure));
  item.append(link);
  return item;
}

export function initCheckPanel(): void {
  onClick($('check'), async () => {
    const result = await call('checkRegistry');
    const list = $('problems');
    list.replaceChildren();
    $('advice').replaceChildren();
    $('advice-block').hidden = true;
    if (!result.ok) return say($('check-result'), result.message, true);
    say($('check-result'), result.summary, result.errors > 0);
    list.append(...result.problems.map((p) => goButton(`${p.severity === 'error' ? 'Erreur' : 'Attention'} — ${p.message}`, p.severity, p.sheetId, p.cell)));
    $('advice').append(...result.advice.map((a) => goButton(`Conseil — ${a.message}`, 'advice', a.sheetId, a.cell)));
    $('advice-block').hidden = result.advice.length === 0;
  });
}
