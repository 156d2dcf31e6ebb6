/**
 * The coordinator's « Tableau de cohorte » in plain French: one line per shared indicator × version × period × group,
 * with how many members it pools, the person-weighted figure (« 301 aidants sur 412 (73 %) ») and its interval, the
 * clustering and its corrected interval, the structure-weighted median with the spread across members, what was left
 * out and why, and how it was computed. Members are never ranked, and named only when the coordinator chose to show
 * names to the members themselves (codes otherwise); a figure hidden everywhere reads « < 11 ».
 */
import { frNumber, frP, frPercent } from '../indicators/text';
import type { CohortDefinition, MemberLabel, Pooled, PooledFigure } from './pooling';
import { MIN_MEMBERS_FOR_POOLED_CHANGE } from './pooling';

export interface DashboardLine {
  indicator: string;
  version: number;
  period: string;
  segment: string;
  members: string;
  n: number | '';
  pooled: string;
  interval: string;
  clustering: string;
  median: string;
  excluded: string;
  method: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const signed = (x: number, decimals = 1) => `${x > 0 ? '+' : ''}${frNumber(x, decimals)}`;

/** A figure with its unit: « 73 % », « 6,2 », « 19 h ». */
function withUnit(x: number, unit: string, decimals = 1): string {
  const u = unit.trim();
  if (u === '%') return `${Math.round(x)} %`;
  return u === '' || u === 'score' ? frNumber(x, decimals) : `${frNumber(x, decimals)} ${u}`;
}

/** « 48 à 63 % » (an interval), or « entre 48 et 63 % » (a spread). */
function range(low: number, high: number, unit: string, sign = false, between = false): string {
  const f = (x: number) => (sign ? signed(x, unit.trim() === '%' ? 0 : 1) : unit.trim() === '%' ? String(Math.round(x)) : frNumber(x));
  return `${between ? 'entre ' : ''}${f(low)} ${between ? 'et' : 'à'} ${f(high)}${unit.trim() === '%' ? ' %' : ''}`;
}

function changeUnit(figure: PooledFigure, unit: string): string {
  return figure.changeKind === 'binary' ? 'points' : figure.changeKind === 'ordinal' ? '%' : unit;
}

function pooledText(figure: PooledFigure, pooled: Pooled, definition: CohortDefinition): { pooled: string; interval: string } {
  switch (pooled.kind) {
    case 'proportion':
      return { pooled: `${pooled.k} ${definition.who} sur ${pooled.n} (${frPercent(pooled.k / pooled.n)})`, interval: pooled.interval ? range(pooled.interval.low, pooled.interval.high, '%') : '' };
    case 'count':
      return { pooled: `${pooled.k} ${definition.who} sur ${pooled.n}`, interval: pooled.interval ? `${range(pooled.interval.low, pooled.interval.high, '%')} des personnes` : '' };
    case 'mean':
      return { pooled: `${withUnit(pooled.value, definition.unit)} en moyenne, sur ${pooled.n} ${definition.who}`, interval: pooled.interval ? range(pooled.interval.low, pooled.interval.high, definition.unit) : '' };
    case 'total':
      return { pooled: `${withUnit(pooled.value, definition.unit, 0)} au total${pooled.n !== null ? ` (n = ${pooled.n})` : ''}`, interval: '' };
    case 'change': {
      const unit = changeUnit(figure, definition.unit);
      const counts = pooled.counts
        ? ` ; ${pooled.counts.improved} ${definition.who} sur ${pooled.counts.pairs} suivis ont progressé (${frPercent(pooled.counts.improved / pooled.counts.pairs)}), ${pooled.counts.stable} stables, ${pooled.counts.worse} en baisse`
        : '';
      const re = pooled.randomEffects;
      if (!re) {
        const count = figure.contributing;
        return {
          pooled: `Pas de mise en commun : ${plural(count, 'structure', 'structures')} (il en faut ${MIN_MEMBERS_FOR_POOLED_CHANGE}) ; chacune avec son intervalle dans « Graphiques de cohorte »${counts}`,
          interval: '',
        };
      }
      const value = unit === '%' ? `${signed(re.estimate, 0)} % ont progressé` : unit === 'score' || unit === '' ? `${signed(re.estimate)} points de score` : `${signed(re.estimate)} ${unit}`;
      return { pooled: `${value} en moyenne (effets aléatoires, ${plural(re.members, 'structure', 'structures')})${counts}`, interval: range(re.low, re.high, unit === '%' ? '%' : '', true) };
    }
  }
}

function clusteringText(pooled: Pooled | null, unit: string): string {
  if (!pooled) return '';
  if (pooled.kind === 'change') {
    const re = pooled.randomEffects;
    return re ? `Écart entre structures : τ² = ${frNumber(re.tau2, 2)}, I² = ${Math.round(100 * re.i2)} % (la part de l’écart entre structures qui ne vient pas du hasard) ; ${frP(re.p)}${re.p >= 0.05 ? ' : pas de changement démontré' : ''}.` : '';
  }
  if (pooled.kind === 'total') return '';
  const c = pooled.clustering;
  if (!c) return 'Une seule structure : pas d’effet de grappe à estimer.';
  if (c.deff <= 1) return `ICC 0 : les structures ne diffèrent pas plus que le hasard ne le voudrait ; effet de plan 1.`;
  const effective = Math.round(pooled.n / c.deff);
  return `ICC ${frNumber(c.icc, 3)}, effet de plan ${frNumber(c.deff, 2)} : les ${pooled.n} personnes comptent comme ${effective} indépendantes ; intervalle corrigé ${pooled.adjusted ? range(pooled.adjusted.low, pooled.adjusted.high, pooled.kind === 'mean' ? unit : '%') : 'non calculable'}.`;
}

function medianText(figure: PooledFigure, unit: string): string {
  const s = figure.spread;
  if (!s) return '';
  const u = figure.measure === 'change' ? changeUnit(figure, unit) : figure.measure === 'proportion' ? '%' : unit;
  const value = figure.measure === 'change' && u !== '%' ? signed(s.median) : withUnit(s.median, u);
  if (s.members === 1) return `${value} (une seule structure)`;
  if (s.members < 4) return `${value} (${s.members} structures : trop peu pour décrire l’écart entre elles)`;
  return `${value} ; la moitié des structures ${range(s.q1, s.q3, u === '%' ? '%' : '', false, true)} (${s.members} structures)`;
}

function excludedText(figure: PooledFigure, label: MemberLabel): string {
  const parts: string[] = [];
  const { hidden, otherVersion, otherDefinition } = figure.excluded;
  if (hidden) parts.push(`${plural(hidden, 'structure', 'structures')} à moins de 11 personnes (« < 11 ») : non comptée${hidden > 1 ? 's' : ''}`);
  for (const o of otherVersion) parts.push(`${label(o.member)} a publié la version ${o.version} : pas mise en commun avec la version ${figure.version} (voir sa ligne)`);
  if (otherDefinition.length) parts.push(`${otherDefinition.map(label).join(', ')} : définition appliquée différente de la version ${figure.version} partagée, pas mise en commun (rejoindre à nouveau la cohorte la remet à jour)`);
  return parts.join(' ; ');
}

const METHODS: Record<string, string> = {
  proportion: 'Pondéré par personne : les comptes des structures additionnés (Σk / Σn), intervalle de Wilson. Pondéré par structure : médiane des pourcentages des structures.',
  count: 'Pondéré par personne : les comptes des structures additionnés. Pondéré par structure : médiane des effectifs des structures.',
  mean: 'Pondéré par personne : la moyenne de toutes les personnes (Σ des sommes / Σ n), intervalle t de Student. Pondéré par structure : médiane des moyennes des structures.',
  median: 'Une médiane ne s’additionne pas : seulement la médiane des médianes des structures, chacune comptant une fois.',
  sum: 'Total des sommes des structures ; médiane des structures.',
  value: 'Total des valeurs des structures quand elles s’additionnent (personnes, heures) ; médiane des structures.',
  change: 'Évolution de chaque structure avec son intervalle à 95 % (erreur type déduite de l’intervalle) ; à partir de 5 structures, mise en commun à effets aléatoires (DerSimonian–Laird) ; personnes qui ont progressé : comptes additionnés.',
};

export function dashboardLines(figures: readonly PooledFigure[], definitions: readonly CohortDefinition[], memberCount: number, label: MemberLabel = (code) => code): DashboardLine[] {
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  return figures.map((figure) => {
    const definition = byCode.get(figure.indicator)!;
    const everywhereHidden = figure.contributing === 0 && figure.excluded.hidden > 0;
    const shown = figure.pooled
      ? pooledText(figure, figure.pooled, definition)
      : { pooled: everywhereHidden ? '< 11 dans chaque structure' : figure.measure === 'median' ? 'Une médiane ne s’additionne pas : voir la médiane des structures.' : '', interval: '' };
    return {
      indicator: `${figure.indicator} — ${definition.name}`,
      version: figure.version,
      period: figure.before ? `${figure.before} → ${figure.period}` : figure.period,
      segment: figure.segment,
      members: `${figure.contributing} sur ${memberCount}`,
      n: figure.contributing > 0 ? figure.n : '',
      pooled: shown.pooled,
      interval: shown.interval,
      clustering: clusteringText(figure.pooled, definition.unit),
      median: medianText(figure, definition.unit),
      excluded: excludedText(figure, label),
      method: `${figure.current ? '' : `Ancienne version (en cours : ${definition.version}). `}${METHODS[figure.measure] ?? ''}`,
    };
  });
}
