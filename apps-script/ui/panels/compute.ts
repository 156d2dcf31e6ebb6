/**
 * The « Calculer » panel: runs the computation and shows its summary, the checks of each survey wave and the answer
 * sheets to review (also written to the « Contrôles » tab).
 */
import { $, onClick, say } from '../dom';
import { call } from '../rpc';
import { count } from '../../../shared/text/plural';

function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}

export function initComputePanel(): void {
  onClick($('compute'), async () => {
    const result = await call('computeRegistry');
    const list = $('survey-checks');
    list.replaceChildren();
    if (!result.ok) return say($('compute-result'), result.message, true);
    say($('compute-result'), result.summary, result.registryErrors > 0);
    list.append(
      ...result.surveyChecks.map((check) => {
        const item = document.createElement('li');
        const head = `${check.survey} ${check.wave} : ${count(check.respondents, 'réponse', 'réponses')}, taux de réponse ${percent(check.responseRate)}, réponses pour autrui ${percent(check.proxyShare)}.`;
        item.textContent = [head, ...check.flags.map((f) => `${f.level === 'alerte' ? '⚠ ' : ''}${f.message}`)].join('\n');
        return item;
      }),
      ...result.personFlags.map((flag) => {
        const item = document.createElement('li');
        item.textContent = `À revoir — ${flag.survey} ${flag.wave}, ${flag.who} : ${flag.message}`;
        return item;
      }),
    );
  });
}
