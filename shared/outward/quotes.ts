/**
 * Which quotes a report shows, theme by theme, and the sentence that tells its reader how they were chosen. Only quotes
 * the outward gate lets reach the audience are candidates (`quoteMayLeave`); among them the team's choice comes first.
 */
import type { Code, Codebook } from '../codebook/codebook';
import type { Audience, Consent, Lang, ObservationKind, Scope } from '../contract/words';
import { quoteMayLeave } from './gate';

export interface QuoteCandidate {
  id: string;
  kind: ObservationKind;
  text: string;
  /** ISO date (or date-time) of the fact, else of the capture: « most recent » is read from it. */
  date: string;
  tags: readonly string[];
  consent: Consent | null;
  scope: Scope;
  /** Marked « à citer » by the team in « Observations ». */
  toQuote: boolean;
  personId: string | null;
}

export interface ThemeQuotes {
  code: Code;
  quotes: QuoteCandidate[];
  /** Quotes of this theme that could have been shown to this audience (before the cap). */
  available: number;
}

export const QUOTES_PER_THEME = 3;

/** The rule as the report prints it, in the registry's language. */
export function quoteRuleText(perTheme = QUOTES_PER_THEME, lang: Lang = 'fr'): string {
  return lang === 'en'
    ? 'Quotes chosen by theme, among those whose author agreed (consent « obtained » or « not required ») and whose usage covers this document: ' +
        `first those the team marked « to quote », then the most recent; at most ${perTheme} per theme, one per person, each quote once. Names are replaced by pseudonyms.`
    : 'Citations choisies par thème, parmi celles dont la personne a donné son accord (consentement « obtenu » ou « non requis ») ' +
        'et dont l’usage couvre ce document : d’abord celles que l’équipe a marquées « à citer », puis les plus récentes ; ' +
        `${perTheme} au plus par thème, une par personne, chaque citation une seule fois. Les noms sont remplacés par des pseudonymes.`;
}

/** The team's marks first, then the most recent; equal ones by id, so that the choice does not move between runs. */
function order(a: QuoteCandidate, b: QuoteCandidate): number {
  return Number(b.toQuote) - Number(a.toQuote) || b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

/** Whether a candidate may be quoted to `audience` at all: a citation with text, its consent and usage allowing it. */
export function mayBeQuoted(c: Pick<QuoteCandidate, 'kind' | 'text' | 'consent' | 'scope'>, audience: Audience): boolean {
  return c.kind === 'citation' && c.text.trim() !== '' && quoteMayLeave(c.consent, c.scope, audience);
}

/**
 * Per code of the codebook (outcomes and their themes, in order), the quotes that may reach `audience`: citations only,
 * allowed by consent and usage, ordered as the rule says, one per person and per theme, each quote under the first
 * code it carries that still has room.
 */
export function selectQuotes(candidates: readonly QuoteCandidate[], codebook: Codebook, audience: Audience, perTheme = QUOTES_PER_THEME): ThemeQuotes[] {
  const allowed = candidates.filter((c) => mayBeQuoted(c, audience)).sort(order);
  const used = new Set<string>();
  const out: ThemeQuotes[] = [];
  for (const code of codebook.codes) {
    const carries = codebook.matcher([code.id]);
    // An outcome's own list holds the quotes tagged with the outcome itself, not those of its themes (listed apart).
    const own = (tags: readonly string[]) => (code.kind === 'theme' ? carries(tags) : tags.some((t) => codebook.codeOf(t) === code));
    const mine = allowed.filter((c) => own(c.tags));
    const people = new Set<string>();
    const quotes: QuoteCandidate[] = [];
    for (const c of mine) {
      if (quotes.length >= perTheme) break;
      const person = c.personId?.trim().toLowerCase() ?? '';
      if (used.has(c.id) || (person !== '' && people.has(person))) continue;
      quotes.push(c);
      used.add(c.id);
      if (person !== '') people.add(person);
    }
    if (mine.length > 0) out.push({ code, quotes, available: mine.length });
  }
  return out;
}
