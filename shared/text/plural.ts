/**
 * A word agreed with the count it goes with, for every sentence Repère writes (messages, Journal lines): French takes
 * the singular for 0 and 1 (« 0 réponse », « 1 réponse », « 2 réponses »), English only for 1.
 */

/** `one` or `many`, as the count `n` asks. */
export function agree(n: number, one: string, many: string, lang: 'fr' | 'en' = 'fr'): string {
  return (lang === 'fr' ? n < 2 : n === 1) ? one : many;
}

/** The count and its words, agreed: « 1 réponse lue », « 3 réponses lues ». */
export function count(n: number, one: string, many: string, lang: 'fr' | 'en' = 'fr'): string {
  return `${n} ${agree(n, one, many, lang)}`;
}
