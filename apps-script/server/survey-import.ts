/** The survey's responses tab (« Réponses <id> »), found by its survey metadata, created with the contract columns. */
import { SURVEY_METADATA_KEY, TAB_METADATA_KEY, tabSpec } from '../../shared/contract/tabs';
import type { Lang } from '../../shared/contract/words';
import { sheetsWithMetadata, tagSheet } from './registry';
import { emptyReport, ensureContractColumns } from './setup';
import type { Sheet, Spreadsheet } from './spreadsheet';

export function findOrCreateResponsesTab(ss: Spreadsheet, surveyId: string, lang: Lang): { sheet: Sheet; created: boolean } {
  const existing = sheetsWithMetadata(ss, SURVEY_METADATA_KEY, surveyId)[0];
  if (existing) return { sheet: existing, created: false };
  const spec = tabSpec('responses');
  const base = `${spec.label[lang]} ${surveyId}`;
  let name = base;
  for (let i = 2; ss.getSheetByName(name); i++) name = `${base} (${i})`;
  const sheet = ss.insertSheet(name);
  tagSheet(sheet, TAB_METADATA_KEY, 'responses');
  tagSheet(sheet, SURVEY_METADATA_KEY, surveyId);
  ensureContractColumns(ss, sheet, spec, lang, emptyReport());
  return { sheet, created: true };
}
