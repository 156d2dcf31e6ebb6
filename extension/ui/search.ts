// The list's search: every word typed must appear in the record's text, tags, stakeholder, page title or author.
import type { Observation } from '../../shared/observation/schema';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function matchesSearch(o: Observation, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([o.text, o.tags.join(' '), o.stakeholder, o.sourceTitle, o.author, o.kind].filter(Boolean).join(' '));
  return words.every((w) => haystack.includes(w));
}
