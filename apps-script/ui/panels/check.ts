/** The « Vérifier » panel: lists the registry's problems; each one leads to its cell. */
import { $, onClick, say, sayFailure } from '../dom';
import { call } from '../rpc';

export function initCheckPanel(): void {
  onClick($('check'), async () => {
    const result = await call('checkRegistry');
    const list = $('problems');
    list.replaceChildren();
    if (!result.ok) return say($('check-result'), result.message, true);
    say($('check-result'), result.summary, result.errors > 0);
    list.append(
      ...result.problems.map((problem) => {
        const item = document.createElement('li');
        const link = document.createElement('button');
        link.type = 'button';
        link.className = problem.severity;
        link.textContent = `${problem.severity === 'error' ? 'Erreur' : 'Attention'} — ${problem.message}`;
        link.title = 'Aller à la cellule';
        link.addEventListener('click', () => void call('goToCell', problem.sheetId, problem.cell).catch(sayFailure));
        item.append(link);
        return item;
      }),
    );
  });
}
