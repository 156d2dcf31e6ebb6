/** Folds a text for comparison: what survey reading and the registry's words both use to match what people typed. */

/** Lowercase, no accents, straight apostrophes, single spaces: the form every label comparison uses. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2019\u2018\u02bc`´]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}
