/**
 * The « Modalités » cell of the « Questions » tab, read and written in one place: levels separated by « | » (lowest
 * first for a scale; a number's smallest and largest values), then the answers offered apart that are never a level
 * (« Ne sait pas »…).
 */
import { isMissingAnswer } from '../survey/values';

export interface LevelsCell {
  levels: string[];
  nonAnswers: string[];
}

export function readLevels(cell: string): LevelsCell {
  const out: LevelsCell = { levels: [], nonAnswers: [] };
  for (const part of cell.split('|')) {
    const label = part.trim();
    if (label !== '') (isMissingAnswer(label) ? out.nonAnswers : out.levels).push(label);
  }
  return out;
}

export function levelsCell(levels: readonly string[], nonAnswers: readonly string[] = []): string {
  return [...levels, ...nonAnswers].join(' | ');
}
