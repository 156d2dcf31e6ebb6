/**
 * The words a non-statistician meets beside a figure, explained once in plain French: the sidebar's glossary shows
 * them, and every note, flag and column header uses these same words.
 */
export interface GlossaryEntry {
  /** The anchor the sidebar links to. */
  id: string;
  term: string;
  definition: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'n',
    term: 'n',
    definition: 'Le nombre de personnes (ou de réponses) derrière un chiffre. Il est toujours donné : 72 % de 10 personnes ne pèse pas comme 72 % de 200.',
  },
  {
    id: 'ic',
    term: 'Intervalle de confiance à 95 % (IC)',
    definition:
      'Un groupe de répondants ne donne qu’une estimation. L’intervalle dit entre quelles valeurs se trouve vraisemblablement la vraie valeur : « 62 – 82 % » veut dire qu’avec ces réponses, la vraie part est très probablement entre 62 et 82 %. Plus il y a de réponses, plus il est étroit. Il ne sort jamais de l’échelle (pas de score sous 0 ou au-dessus de 100).',
  },
  {
    id: 'n-minimum',
    term: 'n minimum et « trop peu de réponses »',
    definition:
      'En dessous du n minimum de l’indicateur (5 sinon), Repère ne donne pas d’intervalle : il écrit « trop peu de réponses ». Un chiffre sur moins de 5 personnes est masqué sur le tableau de bord ; sur moins de 11 personnes (ou quand moins de 11 personnes ont répondu autrement), il ne sort jamais de la structure.',
  },
  {
    id: 'vague',
    term: 'Vague',
    definition: 'Un passage de l’enquête auprès des mêmes personnes : T0 à l’entrée, T1 au suivi… Une question posée seulement au suivi n’est comptée qu’à cette vague.',
  },
  {
    id: 'groupe',
    term: 'Groupe (segment)',
    definition:
      'Une partie des répondants, selon une réponse ou une information (tranche d’âge, lien avec la personne aidée, qui a répondu). La colonne « Groupe » de l’onglet Valeurs l’écrit « colonne = valeur » ; vide, c’est l’ensemble des répondants.',
  },
  {
    id: 'mediane',
    term: 'Médiane',
    definition: 'La valeur du milieu : la moitié des personnes en dessous, la moitié au-dessus. Quelques valeurs extrêmes la déplacent peu, contrairement à une moyenne.',
  },
  {
    id: 'evolution',
    term: 'Ont progressé, stables, en baisse',
    definition:
      'Pour une évolution avant/après, Repère compare chaque personne à elle-même, entre deux vagues : combien vont dans le sens souhaité, combien ne bougent pas, combien reculent. Les personnes qui n’ont pas répondu aux deux vagues (ou qui ont répondu par un proche à l’une d’elles) sont comptées à part, avec la raison.',
  },
  {
    id: 'proxy',
    term: 'Réponse par un proche (pour autrui)',
    definition:
      'Quelqu’un a répondu à la place de la personne. Ce n’est pas son avis à elle : un indicateur « auto-déclaration seulement » laisse ces réponses de côté et dit combien. Une personne aidée seulement pour lire ou noter ses réponses répond bien pour elle-même.',
  },
  {
    id: 'p',
    term: 'p',
    definition:
      'La probabilité d’observer un tel changement par le seul hasard si rien n’avait changé en réalité. Petit (moins de 0,05), le changement n’est probablement pas dû au hasard ; p ne dit ni la taille du changement, ni sa cause.',
  },
  {
    id: 'test-non-informatif',
    term: 'Test non informatif',
    definition: 'Avec moins de 6 personnes dont la réponse a changé, aucun test ne peut conclure, quel que soit le résultat : Repère le dit au lieu de donner un p.',
  },
  {
    id: 'methodes',
    term: 'Wilson, t de Student, Newcombe, Wilcoxon, McNemar',
    definition:
      'Les méthodes nommées dans la colonne « Test et intervalle » : Wilson pour l’intervalle d’une part (%), t de Student pour celui d’une moyenne, Newcombe pour l’écart entre deux parts mesurées sur les mêmes personnes ; Wilcoxon pour tester une évolution de scores ou de réponses ordonnées, McNemar pour une évolution oui / non.',
  },
];
