/** How an import's counts read: the same words in the sidebar, the `repere import` command and the Journal. */

export interface AnswerCounts {
  read: number;
  inserted: number;
  alreadyPresent: number;
  rejected: number;
}

/** « 30 réponse(s) lue(s) = 28 ajoutée(s) + 1 déjà présente(s) + 1 refusée(s) »: every answer read is accounted for. */
export function answerCountsText(c: AnswerCounts): string {
  return `${c.read} réponse(s) lue(s) = ${c.inserted} ajoutée(s) + ${c.alreadyPresent} déjà présente(s) + ${c.rejected} refusée(s)`;
}

/** The quotes the import took to « Observations », or nothing when it had none to take. */
export function quoteCountsText(quotes: { sent: number; added: number } | undefined): string {
  return quotes && quotes.sent > 0 ? `Citations vers Observations : ${quotes.added} ajoutée(s) sur ${quotes.sent}.` : '';
}
