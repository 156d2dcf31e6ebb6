/**
 * The cohort's charts, one per shared indicator at its latest period (current version, everyone): the members side by
 * side under their codes, in code order (never ranked), each figure with its interval, and the person-weighted figure
 * of all of them; a member's hidden figure keeps its place and reads « < 11 ». A before/after change is a forest plot:
 * each member's change with its interval on both sides of 0, and the random-effects estimate as a diamond when at
 * least five members published it. Names replace codes only when the coordinator chose to show them to the members.
 */
import { comparePeriods } from '../indicators/periods';
import { FOREST_HEADER, INDICATOR_COLOURS, INTERVAL_COLOUR, POOLED_LABEL, type ChartCell, type ChartSpecification } from '../charts/specs';
import { frNumber } from '../indicators/text';
import type { CohortDefinition, CohortPooling, MemberFigure, MemberLabel, PooledFigure } from './pooling';
import { MIN_MEMBERS_FOR_POOLED_CHANGE } from './pooling';
import { count } from '../text/plural';

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const INTERVAL = ['Borne basse (IC 95 %)', 'Borne haute (IC 95 %)'];
const intervalSeries = [{ colour: INTERVAL_COLOUR, role: 'low' as const, neutral: false }, { colour: INTERVAL_COLOUR, role: 'high' as const, neutral: false }];

/** Member codes in order: S2 before S10 (codes are « S » and a number), never by their figures. */
const byCode = (a: MemberFigure, b: MemberFigure) => a.member.length - b.member.length || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0);

/** Members in their codes' order, a hidden figure in its place reading « < 11 ». */
function memberRows(members: readonly MemberFigure[], label: MemberLabel): ChartCell[][] {
  return [...members]
    .sort(byCode)
    .map((m) => (m.hidden ? [`${label(m.member)} : < 11`, null, null, null] : [`${label(m.member)} (n = ${m.n ?? '?'})`, round1(m.value), round1(m.low), round1(m.high)]));
}

function sideBySide(definition: CohortDefinition, figure: PooledFigure, members: readonly MemberFigure[], colour: string, label: MemberLabel): ChartSpecification {
  const percent = definition.unit.trim() === '%' || figure.measure === 'proportion';
  const unit = percent ? '%' : definition.unit.trim();
  const table: ChartCell[][] = [['Structure', unit || 'Valeur', ...INTERVAL], ...memberRows(members, label)];
  const p = figure.pooled;
  let finding = `${count(figure.contributing, 'structure', 'structures')} en ${figure.period}`;
  if (p && (p.kind === 'proportion' || p.kind === 'count' || p.kind === 'mean')) {
    table.push([`${POOLED_LABEL.fr} (n = ${p.n})`, round1(p.value), round1(p.interval?.low ?? null), round1(p.interval?.high ?? null)]);
    const figureText = p.kind === 'mean' ? `${frNumber(p.value)}${unit && unit !== 'score' ? ` ${unit}` : ''} en moyenne` : `${Math.round(p.value)} % (${p.k} ${definition.who} sur ${p.n})`;
    finding = `${POOLED_LABEL.fr} : ${figureText} en ${figure.period}, ${count(figure.contributing, 'structure', 'structures')}`;
  } else if (p && p.kind === 'total') finding = `${frNumber(p.value, 0)} ${unit} au total en ${figure.period}, ${count(figure.contributing, 'structure', 'structures')}`;
  if (figure.spread && figure.spread.members >= 4) finding += ` ; la moitié des structures entre ${frNumber(figure.spread.q1)} et ${frNumber(figure.spread.q3)}`;
  return {
    key: `${definition.code}:cohort:members`, indicator: definition.code, kind: 'segments', type: 'COMBO', stacked: false,
    title: `${definition.code} — ${definition.name}`, finding, axisTitle: unit || 'Valeur', table,
    series: [{ colour, role: 'value', neutral: false }, ...intervalSeries], min: 0, max: percent ? 100 : null,
  };
}

function forest(definition: CohortDefinition, figure: PooledFigure, members: readonly MemberFigure[], colour: string, label: MemberLabel): ChartSpecification {
  const unit = figure.changeKind === 'binary' ? 'points' : figure.changeKind === 'ordinal' ? '% qui ont progressé' : definition.unit.trim() || 'score';
  const table: ChartCell[][] = [[FOREST_HEADER.fr, unit, ...INTERVAL], ...memberRows(members, label)];
  const re = figure.pooled?.kind === 'change' ? figure.pooled.randomEffects : null;
  const span = `${figure.before} → ${figure.period}`;
  let finding: string;
  if (re) {
    table.push([`${POOLED_LABEL.fr} (effets aléatoires, ${re.members} structures)`, round1(re.estimate), round1(re.low), round1(re.high)]);
    const what = unit === 'score' ? 'points de score' : unit;
    finding = `${re.estimate > 0 ? '+' : ''}${frNumber(re.estimate)} ${what} en moyenne entre ${span} (de ${frNumber(re.low)} à ${frNumber(re.high)}, effets aléatoires), ${re.members} structures`;
  } else {
    finding = `${count(figure.contributing, 'structure', 'structures')} côte à côte entre ${span}, sans mise en commun (il en faut ${MIN_MEMBERS_FOR_POOLED_CHANGE})`;
  }
  return {
    key: `${definition.code}:cohort:forest`, indicator: definition.code, kind: 'forest', type: 'COMBO', stacked: false,
    title: `${definition.code} — ${definition.name}`, finding, axisTitle: unit, table,
    series: [{ colour, role: 'value', neutral: false }, ...intervalSeries], min: null, max: null,
  };
}

export function cohortCharts(definitions: readonly CohortDefinition[], pooling: CohortPooling, label: MemberLabel = (code) => code): ChartSpecification[] {
  const out: ChartSpecification[] = [];
  definitions.forEach((definition, i) => {
    // The latest period at least one member published a figure for (one where every member's is hidden says nothing).
    const overall = pooling.figures.filter((f) => f.indicator === definition.code && f.current && f.segment === '' && f.contributing > 0);
    const latest = [...overall].sort((a, b) => comparePeriods(a.period, b.period)).pop();
    if (!latest) return;
    const colour = INDICATOR_COLOURS[i % INDICATOR_COLOURS.length]!;
    const members = pooling.members(latest);
    out.push(latest.measure === 'change' ? forest(definition, latest, members, colour, label) : sideBySide(definition, latest, members, colour, label));
  });
  return out;
}
