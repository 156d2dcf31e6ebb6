/**
 * The kinds of document the generator makes, one file each, listed here. A kind says which audiences it may be
 * generated for, which one the panel offers first, how it is laid out, and builds its sections from the context (the
 * figures through the gate, the quotes through their rule); rendering and the rules it keeps are shared. Adding a
 * kind (a cohort summary…) is adding a file that exports a `DocumentKindSpec` and listing it below.
 */
import type { Audience } from '../../contract/words';
import type { ReportContext } from '../context';
import type { ReportDocument, Section } from '../model';
import { EQUIPE } from './equipe';
import { RAPPORT } from './rapport';
import { UNE_PAGE } from './une-page';

export interface DocumentKindSpec {
  id: string;
  defaultAudience: Audience;
  audiences: readonly Audience[];
  layout: ReportDocument['layout'];
  build(ctx: ReportContext): Section[];
}

export const DOCUMENT_KINDS: Readonly<Record<string, DocumentKindSpec>> = {
  [RAPPORT.id]: RAPPORT,
  [UNE_PAGE.id]: UNE_PAGE,
  [EQUIPE.id]: EQUIPE,
};
