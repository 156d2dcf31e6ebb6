/**
 * The ordinal answer scales people commonly use in French and English questionnaires, lowest level first, so a
 * Likert column gets its levels in order whatever order the answers came in.
 */
import { fold } from '../text/fold';

interface Level {
  /** How the level is shown when the file does not use it. */
  label: string;
  /** Every spelling that means this level (folded when compared). */
  spellings: string[];
  /** A middle level some versions of the scale leave out: listed only when the file uses it. */
  optional?: boolean;
}

export interface OrdinalScale {
  id: string;
  levels: Level[];
}

const l = (label: string, others: string[] = [], optional = false): Level => ({ label, spellings: [label, ...others], optional });

export const ORDINAL_SCALES: OrdinalScale[] = [
  {
    id: 'accord-fr',
    levels: [
      l('Pas du tout d’accord', ['Pas du tout d accord', 'Totalement en désaccord', 'Tout à fait en désaccord']),
      l('Plutôt pas d’accord', ['Pas d’accord', 'Plutôt en désaccord', 'En désaccord']),
      l('Ni d’accord ni pas d’accord', ['Ni d’accord, ni pas d’accord', 'Ni en accord ni en désaccord', 'Neutre', 'Mitigé'], true),
      l('Plutôt d’accord', ['D’accord', 'Assez d’accord']),
      l('Tout à fait d’accord', ['Totalement d’accord', 'Complètement d’accord']),
    ],
  },
  {
    id: 'agree-en',
    levels: [
      l('Strongly disagree'),
      l('Disagree', ['Somewhat disagree', 'Tend to disagree']),
      l('Neither agree nor disagree', ['Neutral', 'Neither agree or disagree'], true),
      l('Agree', ['Somewhat agree', 'Tend to agree']),
      l('Strongly agree'),
    ],
  },
  {
    id: 'frequence-fr',
    levels: [
      l('Jamais'),
      l('Rarement', ['Presque jamais']),
      l('Parfois', ['De temps en temps', 'Quelquefois', 'De temps à autre']),
      l('Souvent', ['Assez souvent', 'La plupart du temps']),
      l('Toujours', ['Tout le temps', 'Très souvent']),
    ],
  },
  {
    id: 'frequency-en',
    levels: [
      l('Never'),
      l('Rarely', ['Hardly ever', 'Seldom']),
      l('Sometimes', ['Some of the time', 'Occasionally']),
      l('Often', ['Most of the time', 'Usually']),
      l('Always', ['All of the time', 'Very often']),
    ],
  },
  {
    id: 'who5-fr',
    levels: [
      l('Jamais'),
      l('De temps en temps'),
      l('Moins de la moitié du temps'),
      l('Plus de la moitié du temps'),
      l('La plupart du temps'),
      l('Tout le temps'),
    ],
  },
  {
    id: 'satisfaction-fr',
    levels: [
      l('Très insatisfait', ['Très insatisfaite', 'Très insatisfait(e)', 'Pas du tout satisfait', 'Pas du tout satisfaite', 'Pas du tout satisfait(e)']),
      l('Insatisfait', ['Insatisfaite', 'Insatisfait(e)', 'Plutôt insatisfait', 'Plutôt insatisfaite', 'Plutôt insatisfait(e)', 'Peu satisfait', 'Peu satisfaite', 'Peu satisfait(e)', 'Plutôt pas satisfait', 'Plutôt pas satisfaite', 'Plutôt pas satisfait(e)']),
      l('Ni satisfait ni insatisfait', ['Ni satisfaite ni insatisfaite', 'Ni satisfait(e) ni insatisfait(e)'], true),
      l('Satisfait', ['Satisfaite', 'Satisfait(e)', 'Plutôt satisfait', 'Plutôt satisfaite', 'Plutôt satisfait(e)', 'Assez satisfait', 'Assez satisfaite', 'Assez satisfait(e)']),
      l('Très satisfait', ['Très satisfaite', 'Très satisfait(e)', 'Tout à fait satisfait', 'Tout à fait satisfaite', 'Tout à fait satisfait(e)']),
    ],
  },
  {
    id: 'satisfaction-en',
    levels: [
      l('Very dissatisfied'),
      l('Dissatisfied', ['Somewhat dissatisfied']),
      l('Neither satisfied nor dissatisfied', ['Neutral'], true),
      l('Satisfied', ['Somewhat satisfied']),
      l('Very satisfied'),
    ],
  },
  {
    id: 'intensite-fr',
    levels: [l('Pas du tout'), l('Un peu', ['Légèrement']), l('Moyennement', ['Assez', 'Modérément']), l('Beaucoup'), l('Énormément', ['Extrêmement', 'Tout à fait'])],
  },
  {
    id: 'intensity-en',
    levels: [l('Not at all'), l('A little', ['Slightly', 'A bit']), l('Moderately', ['Somewhat', 'Quite a bit']), l('A lot', ['Very much']), l('Extremely')],
  },
  {
    id: 'qualite-fr',
    levels: [l('Très mauvais', ['Très mauvaise']), l('Mauvais', ['Mauvaise']), l('Moyen', ['Moyenne', 'Passable']), l('Bon', ['Bonne', 'Bien']), l('Très bon', ['Très bonne', 'Très bien', 'Excellent', 'Excellente'])],
  },
  {
    id: 'quality-en',
    levels: [l('Very poor'), l('Poor'), l('Fair', ['Average']), l('Good'), l('Very good', ['Excellent'])],
  },
];

/** Folded spelling → level index, per scale; built once. */
const LOOKUP: Array<Map<string, number>> = ORDINAL_SCALES.map((scale) => {
  const map = new Map<string, number>();
  scale.levels.forEach((level, i) => level.spellings.forEach((s) => map.set(fold(s), i)));
  return map;
});

export interface ScaleMatch {
  scale: OrdinalScale;
  /** Levels lowest → highest, as the file writes them where it uses them. */
  levels: string[];
  /** Share of the answers (weighted by count) that are levels of the scale. */
  coverage: number;
}

/**
 * The known scale that best explains a column's distinct answers (raw text → count, missing answers left out),
 * provided at least two of its levels are used.
 */
export function matchScale(distinct: ReadonlyMap<string, number>): ScaleMatch | null {
  let total = 0;
  for (const count of distinct.values()) total += count;
  if (total === 0) return null;
  let best: ScaleMatch | null = null;
  let bestCovered = 0;
  let bestUnused = Infinity;
  ORDINAL_SCALES.forEach((scale, s) => {
    const lookup = LOOKUP[s]!;
    const seen: Array<{ text: string; count: number } | undefined> = [];
    let covered = 0;
    let used = 0;
    for (const [text, count] of distinct) {
      const index = lookup.get(fold(text));
      if (index === undefined) continue;
      covered += count;
      const current = seen[index];
      if (!current) used++;
      if (!current || count > current.count) seen[index] = { text: text.trim(), count };
    }
    // A scale that explains more answers wins; on a tie, the one leaving fewer of its levels unused (the closer fit).
    const unused = scale.levels.filter((level, i) => !seen[i] && !level.optional).length;
    if (used < 2 || covered < bestCovered || (covered === bestCovered && unused >= bestUnused)) return;
    const levels = scale.levels.flatMap((level, i) => (seen[i] ? [seen[i]!.text] : level.optional ? [] : [level.label]));
    best = { scale, levels, coverage: covered / total };
    bestCovered = covered;
    bestUnused = unused;
  });
  return best;
}

/** Position of an answer on the given levels (folded comparison), or -1. */
export function levelIndex(levels: readonly string[], text: string): number {
  const t = fold(text);
  for (let i = 0; i < levels.length; i++) if (fold(levels[i]!) === t) return i;
  return -1;
}
