/**
 * Problems grouped by column and kind, as the sidebar, `repere inspect` and the Journal show them: one line per
 * group with its count and a few example rows (« Horodateur : 3 valeurs sur 120 ne sont pas des dates, par exemple
 * ligne 12 « hier » »), the full list kept beside it.
 */
import type { Problem, ProblemKind } from './types';
import { count } from '../text/plural';

/** Example rows named in a group's line. */
export const EXAMPLE_ROWS = 3;
/** Problems kept per group (the count stays exact past it). */
const KEPT_PER_GROUP = 10_000;

export interface ProblemGroup {
  kind: ProblemKind;
  /** The column's header as written; '' for rows or the whole file. */
  column: string;
  /** The file question key, when the group is about one question (what a correction applies to). */
  key?: string;
  count: number;
  /** One French line: where, how many, examples, what happens, how to fix. */
  message: string;
  /** Every problem of the group, in file order (at most 10,000). */
  problems: Problem[];
}

/** What a question's values were expected to be, for the cell kinds: one and several. */
const EXPECTED: Partial<Record<ProblemKind, { one: string; many: string; fix: string }>> = {
  'not-date': { one: 'une date', many: 'des dates', fix: 'Corrigez ces cases dans le fichier, ou gardez la colonne en texte.' },
  'not-number': { one: 'un nombre', many: 'des nombres', fix: 'Corrigez ces cases dans le fichier (12 ou 1 234,5), ou gardez la colonne en texte.' },
  'not-level': { one: 'un niveau de l’échelle', many: 'des niveaux de l’échelle', fix: 'Ajoutez ces réponses aux niveaux de l’échelle dans l’aperçu, ou gardez la colonne en texte.' },
};


function example(p: Problem): string {
  return p.value !== undefined ? `ligne ${p.row} « ${p.value.length > 40 ? `${p.value.slice(0, 40)}…` : p.value} »` : `ligne ${p.row}`;
}

/** « ligne 4 », « lignes 4 et 7 », « lignes 4, 7, 9 et 12 autres ». */
function rowsText(group: ProblemGroup): string {
  const rows = group.problems.filter((p) => p.row > 0).slice(0, EXAMPLE_ROWS).map((p) => p.row);
  const more = group.count - rows.length;
  if (rows.length === 0) return '';
  if (more > 0) return `lignes ${rows.join(', ')} et ${count(more, 'autre', 'autres')}`;
  return rows.length === 1 ? `ligne ${rows[0]}` : `lignes ${rows.slice(0, -1).join(', ')} et ${rows.at(-1)}`;
}

/** The line of one group; `answered` is the number of answers of the column, when it is a question. */
function groupMessage(group: ProblemGroup, answered: number | undefined): string {
  const first = group.problems[0]!;
  const n = group.count;
  const expected = EXPECTED[group.kind];
  if (expected) {
    const examples = group.problems.slice(0, EXAMPLE_ROWS).map(example).join(', ');
    const out = answered !== undefined ? `${count(n, 'valeur', 'valeurs')} sur ${answered}` : count(n, 'valeur', 'valeurs');
    const what = n > 1 ? `ne sont pas ${expected.many}` : `n’est pas ${expected.one}`;
    const kept = n > 1 ? 'Elles sont gardées telles quelles, en texte.' : 'Elle est gardée telle quelle, en texte.';
    const levels = group.kind === 'not-level' && first.detail ? ` (${first.detail})` : '';
    return `${group.column} : ${out} ${what}${levels}, par exemple ${examples}. ${kept} ${expected.fix}`;
  }
  if (n === 1) return first.message;
  const where = rowsText(group);
  switch (group.kind) {
    case 'incomplete':
      return `${n} réponses incomplètes (sans ${group.column}) laissées de côté, ${where}. Pour les importer quand même, exportez les réponses complètes et incomplètes et remplissez ${group.column}.`;
    case 'declined':
      return `${group.column} : ${n} personnes n’ont pas accepté de répondre, ou leur accord n’est pas indiqué, ${where} : leurs réponses ne sont pas importées. Si l’une a accepté, complétez sa case puis réimportez le fichier.`;
    case 'duplicate-id':
      return `${group.column} : ${n} identifiants de réponse déjà vus plus haut dans le fichier, ${where} : ces réponses sont comptées comme déjà présentes. Vérifiez que l’outil n’a pas exporté deux fois les mêmes réponses.`;
    case 'missing-id':
      return `${group.column} : ${n} réponses sans identifiant, ${where} : elles sont repérées par leur contenu. Vérifiez ces lignes dans l’export.`;
    case 'too-long':
      return `${group.column} : ${n} réponses de plus de 50 000 caractères, ce qu’aucune cellule ne peut contenir, ${where}. Raccourcissez-les dans le fichier, puis réimportez-le.`;
    case 'identical-row':
      return `${n} réponses identiques à une ligne plus haut, ${where} : gardées comme des réponses distinctes. Supprimez-les de l’export si ce sont des doublons.`;
    default:
      return `${n} fois, ${where} : ${first.message}`;
  }
}

/** Groups problems by column and kind, in the order each group first appears. */
export function groupProblems(problems: readonly Problem[], answered: (column: string) => number | undefined = () => undefined): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const kind = p.kind ?? 'other';
    // Problems without a kind are each their own line: they already say everything.
    const id = kind === 'other' ? `other\u0000${groups.size}` : `${kind}\u0000${p.column}`;
    let group = groups.get(id);
    if (!group) {
      group = { kind, column: p.column, ...(p.key !== undefined && { key: p.key }), count: 0, message: '', problems: [] };
      groups.set(id, group);
    }
    group.count++;
    if (group.problems.length < KEPT_PER_GROUP) group.problems.push(p);
  }
  const out = [...groups.values()];
  for (const g of out) g.message = groupMessage(g, answered(g.column));
  return out;
}
