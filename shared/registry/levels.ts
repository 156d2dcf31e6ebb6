/**
 * The « Modalités » cell of the « Questions » tab, read and written in one place: levels separated by « | » (lowest
 * first for a scale), then the answers offered apart that are never a level (« Ne sait pas »…); for a number, the
 * accepted bounds (« 0 à 10 »).
 */
import { RANGE_TO, type Lang } from '../contract/words';
import { isMissingAnswer, parseNumber } from '../survey/values';

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

const NUMBER = String.raw`-?\d+(?:[.,]\d+)?`;
const RANGE = new RegExp(String.raw`^(?:de\s+|from\s+)?(${NUMBER})\s*(?:à|a|to|-|–|—)\s*(${NUMBER})$`, 'i');

/** « 0 à 10 », « de 0 à 744 », « 0-10 », « 0 to 10 »: the bounds, or null when the cell says something else. */
export function readRange(cell: string): { min: number; max: number } | null {
  const m = RANGE.exec(cell.trim());
  if (!m) return null;
  const min = parseNumber(m[1]!);
  const max = parseNumber(m[2]!);
  return min !== null && max !== null && min <= max ? { min, max } : null;
}

export function rangeCell(min: number, max: number, lang: Lang): string {
  const n = (x: number) => (lang === 'fr' ? String(x).replace('.', ',') : String(x));
  return `${n(min)} ${RANGE_TO[lang]} ${n(max)}`;
}
