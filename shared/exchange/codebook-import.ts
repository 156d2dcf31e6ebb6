/**
 * What importing a codebook from another tool changes in the registry: codes already there are recognised (by their
 * exchange GUID, else by their name), the others become themes. A top-level code is one of the registry's outcomes
 * when it is one (its GUID, its id or its change); its codes, however deep, become that outcome's themes. A top-level
 * code that is no outcome needs one to be chosen: then it and its codes become that outcome's themes; until then
 * nothing is written, and the plan names those codes.
 */
import type { Code, Codebook } from '../codebook/codebook';
import type { Theme } from '../registry/model';
import { fold } from '../text/fold';
import type { RefiCode } from './refi-qda/codebook';

/** A theme the import will write: a registry theme before it has a row (its GUID is the file's, '' when it had none). */
export type NewTheme = Omit<Theme, 'row'>;

export interface CodebookPlan {
  themes: NewTheme[];
  /** Codes of the registry that had no exchange GUID yet and take the file's. */
  guids: Array<{ kind: Code['kind']; id: string; guid: string }>;
  /** Codes of the file that are already in the registry. */
  present: number;
  /** The registry code each code of the file stands for, by the file's GUID (a project's codings point at these). */
  codeOfGuid: Map<string, string>;
  /** Top-level codes that are no outcome, while no outcome was chosen for them: nothing may be written. */
  loose: string[];
}

/** How a nested code is named once flattened into one theme: « Parent › Enfant ». */
const PATH = ' › ';

function nextThemeId(taken: Set<string>): string {
  for (let i = 1; ; i++) if (!taken.has(fold(`T${i}`))) return `T${i}`;
}

export function planCodebookImport(codes: readonly RefiCode[], codebook: Codebook, looseOutcome?: string): CodebookPlan {
  const plan: CodebookPlan = { themes: [], guids: [], present: 0, codeOfGuid: new Map(), loose: [] };
  const byGuid = new Map(codebook.codes.filter((c) => c.guid).map((c) => [c.guid, c]));
  const outcomes = codebook.codes.filter((c) => c.kind === 'outcome');
  const taken = new Set(codebook.codes.map((c) => fold(c.id)));
  const chosen = looseOutcome ? outcomes.find((o) => fold(o.id) === fold(looseOutcome)) : undefined;
  if (looseOutcome && !chosen) throw new Error(`unknown outcome ${looseOutcome}`);

  const recognise = (file: RefiCode, code: Code) => {
    plan.present++;
    if (file.guid) plan.codeOfGuid.set(file.guid, code.id);
    if (file.guid && !code.guid && !plan.guids.some((g) => g.id === code.id)) plan.guids.push({ kind: code.kind, id: code.id, guid: file.guid });
  };
  /** A code (and those below it) as themes of `outcome`; a name already there, or a GUID already known, is recognised. */
  const asThemes = (file: RefiCode, outcome: Code, path: string) => {
    const label = path ? `${path}${PATH}${file.name}` : file.name;
    const known = (file.guid ? byGuid.get(file.guid) : undefined) ?? codebook.themesOf(outcome.id).find((t) => fold(t.label) === fold(label));
    const planned = plan.themes.find((t) => fold(t.outcome) === fold(outcome.id) && fold(t.label) === fold(label));
    if (known) recognise(file, known);
    else if (planned) {
      plan.present++;
      if (file.guid) plan.codeOfGuid.set(file.guid, planned.id);
    } else {
      const id = nextThemeId(taken);
      taken.add(fold(id));
      plan.themes.push({ id, outcome: outcome.id, label, description: file.description, colour: file.color, guid: file.guid });
      if (file.guid) plan.codeOfGuid.set(file.guid, id);
    }
    for (const child of file.children) asThemes(child, outcome, label);
  };

  for (const top of codes) {
    const byId = top.guid ? byGuid.get(top.guid) : undefined;
    const outcome = byId?.kind === 'outcome' ? byId : byId ? undefined : outcomes.find((o) => fold(o.label) === fold(top.name) || fold(o.id) === fold(top.name));
    if (outcome) {
      recognise(top, outcome);
      for (const child of top.children) asThemes(child, outcome, '');
    } else if (byId) {
      // A theme of the registry exported alone, or moved to the top by the other tool: it keeps its outcome.
      recognise(top, byId);
      const parent = outcomes.find((o) => fold(o.id) === fold(byId.outcome))!;
      for (const child of top.children) asThemes(child, parent, byId.label);
    } else if (chosen) {
      asThemes(top, chosen, '');
    } else {
      plan.loose.push(top.name);
    }
  }
  return plan;
}

/** « 3 thèmes créés, 5 codes déjà présents » and what is missing, for the sidebar, the CLI and the Journal. */
export function codebookPlanSummary(plan: CodebookPlan): string {
  const created = plan.themes.length;
  return `${created} thème${created > 1 ? 's' : ''} créé${created > 1 ? 's' : ''}, ${plan.present} code${plan.present > 1 ? 's' : ''} déjà présent${plan.present > 1 ? 's' : ''}` +
    (plan.guids.length > 0 ? `, ${plan.guids.length} identifiant${plan.guids.length > 1 ? 's' : ''} d’échange repris du fichier` : '') + '.';
}

/** The message when top-level codes need an outcome. */
export function looseCodesMessage(loose: readonly string[]): string {
  const names = loose.slice(0, 5).map((n) => `« ${n} »`).join(', ') + (loose.length > 5 ? `… (${loose.length} en tout)` : '');
  return `${loose.length} code${loose.length > 1 ? 's' : ''} de premier niveau ne correspond${loose.length > 1 ? 'ent' : ''} à aucun changement visé (${names}) : choisissez le changement auquel les rattacher comme thèmes, puis importez de nouveau. Rien n’a été modifié.`;
}
