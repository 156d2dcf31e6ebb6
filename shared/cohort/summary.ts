/**
 * The cohort summary for the programme's funders, built from the pooled figures only: never a member's figure, code or
 * name (no league table), never a figure of an old definition version beside the current one. Each figure carries its
 * n (and k for a share); one hidden in every structure reads « moins de 11 personnes ». It is a document of the report
 * generator (shared/report/model.ts), rendered by its HTML renderer and printed to PDF like its other documents.
 */
import { comparePeriods } from '../indicators/periods';
import { frNumber, frP, frPercent } from '../indicators/text';
import type { HiddenFigure, Inline, ReportDocument, Section, Text } from '../report/model';
import { EXPORT_MIN_N } from '../stats/suppression';
import type { CohortDefinition, Pooled, PooledFigure } from './pooling';
import { MIN_MEMBERS_FOR_POOLED_CHANGE } from './pooling';

export interface CohortSummaryInput {
  /** The programme (the coordinator's registry's name). */
  programme: string;
  cohort: string;
  /** « 12 mars 2026 ». */
  date: string;
  /** Structures invited and not withdrawn. */
  members: number;
  definitions: readonly CohortDefinition[];
  figures: readonly PooledFigure[];
}

/** A figure from one structure is that structure's own: not a cohort figure, not for funders. */
const SINGLE = 'une seule structure : pas de chiffre de cohorte';

const HIDDEN_TEXT = `moins de ${EXPORT_MIN_N} personnes`;
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const signed = (x: number) => `${x > 0 ? '+' : ''}${frNumber(x)}`;

function unitText(x: number, unit: string): string {
  const u = unit.trim();
  return u === '' || u === 'score' ? frNumber(x) : `${frNumber(x)} ${u}`;
}

/** The person-weighted figure and its interval, or null for what does not add up (a median, a share's « value »). */
function pooledCells(about: string, pooled: Pooled, definition: CohortDefinition): [Inline, Inline, Inline] | null {
  const clustered = (adjusted: { low: number; high: number } | null, deff: number | undefined, unit: string): Inline => {
    if (adjusted && deff) return `${frNumber(adjusted.low, 0)} à ${frNumber(adjusted.high, 0)}${unit} (effet de plan ${frNumber(deff, 2)})`;
    return deff !== undefined ? 'le même : les structures ne diffèrent pas plus que le hasard (effet de plan 1)' : '—';
  };
  switch (pooled.kind) {
    case 'proportion':
    case 'count':
      return [
        { kind: 'shown', text: `${pooled.k} ${definition.who} sur ${pooled.n} (${frPercent(pooled.k / pooled.n)})`, about, n: pooled.n, k: pooled.k },
        pooled.interval ? `${frNumber(pooled.interval.low, 0)} à ${frNumber(pooled.interval.high, 0)} %` : '—',
        clustered(pooled.adjusted, pooled.clustering?.deff, ' %'),
      ];
    case 'mean': {
      const u = definition.unit.trim() && definition.unit.trim() !== 'score' ? ` ${definition.unit.trim()}` : '';
      return [
        { kind: 'shown', text: `${unitText(pooled.value, definition.unit)} en moyenne, sur ${pooled.n} ${definition.who}`, about, n: pooled.n },
        pooled.interval ? `${frNumber(pooled.interval.low)} à ${frNumber(pooled.interval.high)}${u}` : '—',
        clustered(pooled.adjusted, pooled.clustering?.deff, u),
      ];
    }
    case 'total':
      return [{ kind: 'shown', text: `${unitText(pooled.value, definition.unit)} au total`, about, n: pooled.n }, '—', '—'];
    case 'change':
      return null;
  }
}

/** Each member counting once: shown from five members on (fewer, and the median is one member's own figure). */
function medianCell(figure: PooledFigure, definition: CohortDefinition): Inline {
  const s = figure.spread;
  if (!s || s.members < MIN_MEMBERS_FOR_POOLED_CHANGE) return `trop peu de structures (${figure.contributing}) pour une médiane`;
  const u = figure.measure === 'proportion' ? ' %' : definition.unit.trim() && definition.unit.trim() !== 'score' ? ` ${definition.unit.trim()}` : '';
  return `${frNumber(s.median, figure.measure === 'proportion' ? 0 : 1)}${u} ; la moitié des structures entre ${frNumber(s.q1, 0)} et ${frNumber(s.q3, 0)}${u}`;
}

function changeItem(figure: PooledFigure, definition: CohortDefinition): Text {
  const about = `${definition.code} ${figure.before} → ${figure.period}`;
  const head = `${definition.code} — ${definition.name}, de ${figure.before} à ${figure.period} : `;
  const pooled = figure.pooled?.kind === 'change' ? figure.pooled : null;
  const counts = pooled?.counts;
  const progressed: Inline[] = counts
    ? [' ; au total, ', { kind: 'shown', text: `${counts.improved} ${definition.who} sur ${counts.pairs} suivis ont progressé (${frPercent(counts.improved / counts.pairs)})`, about, n: counts.pairs, k: counts.improved }]
    : [];
  if (figure.contributing === 0) return [head, { kind: 'hidden', text: HIDDEN_TEXT, about }, ' dans chaque structure.'];
  if (figure.contributing === 1) return [head, `${SINGLE}.`];
  const re = pooled?.randomEffects;
  if (!re) {
    return [head, `${plural(figure.contributing, 'structure', 'structures')} : trop peu pour une estimation commune (il en faut ${MIN_MEMBERS_FOR_POOLED_CHANGE}), chacune suit sa propre évolution`, ...progressed, '.'];
  }
  const unit = figure.changeKind === 'binary' ? ' points' : figure.changeKind === 'ordinal' ? ' points de % de personnes qui ont progressé' : definition.unit.trim() && definition.unit.trim() !== 'score' ? ` ${definition.unit.trim()}` : ' points de score';
  return [
    head,
    { kind: 'shown', text: `${signed(re.estimate)}${unit} en moyenne (de ${signed(re.low)} à ${signed(re.high)})`, about, n: figure.n },
    `, estimation à effets aléatoires sur ${plural(re.members, 'structure', 'structures')} (${frP(re.p)}${re.p >= 0.05 ? ' : pas de changement démontré' : ''}) ; I² = ${Math.round(100 * re.i2)} % de l’écart entre structures ne vient pas du hasard`,
    ...progressed,
    '.',
  ];
}

export function cohortSummary(input: CohortSummaryInput): ReportDocument {
  const byCode = new Map(input.definitions.map((d) => [d.code, d]));
  const current = input.figures.filter((f) => f.current && f.segment === '' && byCode.has(f.indicator));
  const hidden: HiddenFigure[] = [];
  const rows: Text[][] = [];
  const changes: Text[] = [];
  for (const definition of input.definitions) {
    const own = current.filter((f) => f.indicator === definition.code).sort((a, b) => comparePeriods(a.period, b.period));
    for (const figure of own) {
      if (figure.measure === 'change') {
        changes.push(changeItem(figure, definition));
        if (figure.contributing === 0) hidden.push({ about: `${definition.code} ${figure.before} → ${figure.period}`, reason: 'small' });
        continue;
      }
      const about = `${definition.code} ${figure.period}`;
      const structures = `${figure.contributing} sur ${input.members}`;
      let cells: [Inline, Inline, Inline];
      if (figure.contributing === 0) {
        hidden.push({ about, reason: 'small' });
        cells = [{ kind: 'hidden', text: `${HIDDEN_TEXT} dans chaque structure`, about }, '—', '—'];
      } else if (figure.contributing === 1) {
        cells = [SINGLE, '—', '—'];
      } else {
        cells = (figure.pooled && pooledCells(about, figure.pooled, definition)) ?? ['ne s’additionne pas : voir la médiane des structures', '—', '—'];
      }
      rows.push([[`${definition.code} — ${definition.name}`], [figure.period], [structures], [cells[0]], [cells[1]], [cells[2]], [figure.contributing === 0 ? '—' : medianCell(figure, definition)]]);
    }
  }
  const older = input.figures.filter((f) => !f.current && f.segment === '').map((f) => f.indicator);
  const leftOut = input.figures.filter((f) => f.current && f.segment === '').reduce((s, f) => s + f.excluded.otherVersion.length + f.excluded.otherDefinition.length, 0);
  const periods = [...new Set(current.map((f) => f.period))].sort(comparePeriods);

  const sections: Section[] = [
    {
      id: 'cohorte',
      title: 'La cohorte',
      blocks: [
        {
          kind: 'paragraph',
          tone: 'lead',
          text: [
            `${input.programme} suit ${plural(input.members, 'structure', 'structures')} autour d’indicateurs partagés, définis ensemble (${plural(input.definitions.length, 'indicateur', 'indicateurs')}). ` +
              `Chaque structure garde les réponses des personnes dans son propre registre et ne publie que des comptes : un chiffre de moins de ${EXPORT_MIN_N} personnes ne quitte pas la structure. ` +
              `Cette synthèse est faite de ces seuls chiffres mis en commun${periods.length ? ` (périodes ${periods.join(', ')})` : ''}.`,
          ],
        },
      ],
    },
    {
      id: 'resultats',
      title: 'Résultats à l’échelle de la cohorte',
      blocks: rows.length
        ? [
            {
              kind: 'table',
              caption: 'Chiffres mis en commun, par indicateur partagé et par période',
              head: ['Indicateur', 'Période', 'Structures', 'Ensemble des personnes', 'Intervalle (IC 95 %)', 'Intervalle corrigé de l’effet de grappe', 'Médiane des structures'],
              rows,
            },
          ]
        : [{ kind: 'empty', reason: ['Aucune structure n’a encore publié de chiffre des indicateurs partagés.'] }],
    },
    {
      id: 'evolutions',
      title: 'Évolutions avant / après',
      blocks: changes.length ? [{ kind: 'list', items: changes }] : [{ kind: 'empty', reason: ['Aucun indicateur d’évolution n’a encore été publié par les structures.'] }],
    },
    {
      id: 'methode',
      title: 'Méthode et limites',
      blocks: [
        {
          kind: 'list',
          items: [
            ['« Ensemble des personnes » (pondéré par personne) additionne les comptes des structures : « 412 aidants sur 560 ». Jamais une moyenne de pourcentages.'],
            ['« Médiane des structures » (pondéré par structure) : chaque structure compte une fois, quelle que soit sa taille ; donnée à partir de 5 structures. Un chiffre d’une seule structure n’est pas un chiffre de cohorte : il n’est pas donné.'],
            ['Les personnes d’une même structure se ressemblent : l’intervalle corrigé de l’effet de grappe (corrélation intra-classe, effet de plan) est le plus honnête des deux.'],
            [`Un chiffre qu’une structure a masqué (moins de ${EXPORT_MIN_N} personnes, ou qu’on pourrait retrouver par soustraction) n’est pas compté.`],
            [`Les évolutions : chaque structure mesure la sienne avec son intervalle ; une estimation commune (effets aléatoires, DerSimonian–Laird) seulement à partir de ${MIN_MEMBERS_FOR_POOLED_CHANGE} structures.`],
            [
              `Une définition modifiée change de version ; des chiffres de versions différentes ne sont jamais mis ensemble.${leftOut ? ` ${plural(leftOut, 'chiffre publié sur une autre version de sa définition n’est', 'chiffres publiés sur une autre version de leur définition ne sont')} pas compté${leftOut > 1 ? 's' : ''} ici.` : ''}${older.length ? ` Versions antérieures publiées, laissées hors de cette synthèse : ${[...new Set(older)].join(', ')}.` : ''}`,
            ],
            ['Pas de groupe de comparaison : ces chiffres décrivent les personnes accompagnées, ils ne prouvent pas à eux seuls l’effet du programme. Aucune structure n’est nommée ni classée.'],
          ],
        },
      ],
    },
  ];
  return {
    kind: 'cohort-summary',
    lang: 'fr',
    title: 'Synthèse de la cohorte',
    organisation: input.programme,
    audience: { id: 'funders', label: 'financeurs', threshold: EXPORT_MIN_N },
    period: periods.length ? `Périodes : ${periods.join(', ')}` : 'Aucune période publiée',
    date: input.date,
    notice: `Pour les financeurs du programme — chiffres mis en commun seulement, aucun chiffre de moins de ${EXPORT_MIN_N} personnes (cohorte ${input.cohort}).`,
    sections,
    hidden,
    quotes: [],
    toComplete: [],
    layout: 'pages',
  };
}
