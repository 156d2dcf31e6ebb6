// Every survey fixture (CSV, .xlsx, .ods) imported through the built bundle the way `repere import` does it, with
// the default choices only: every answer row goes in, nothing is refused, and importing the same file again adds
// nothing. The tool's own columns are written apart from the questions, and personal data not at all.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOOL_COLUMN_METADATA_KEY, QUESTION_METADATA_KEY } from '../../shared/contract/tabs';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import { importServer, importSummary, prepareAsSuggested, runImport, tableHash } from '../../shared/survey/mapping-run';
import { succeeded, testRegistry, type TestRegistry } from './runtime';

const DIR = 'tests/fixtures/surveys';
const FILES = readdirSync(DIR).filter((f) => f !== 'README.md').sort();

async function importAsTheCommandDoes(registry: TestRegistry, file: string) {
  const bytes = new Uint8Array(readFileSync(`${DIR}/${file}`));
  const setup = succeeded(registry.run('getImportSetup', 'E1'));
  const { prepared, mapping } = prepareAsSuggested(bytes, setup);
  const result = await runImport(prepared, { surveyId: 'E1', wave: 'T1', fileName: file, fileHash: tableHash(sha256BytesHex(bytes), prepared), mapping }, importServer(registry.importCall));
  return { prepared, result };
}

describe('every fixture imports at the first try with the default choices', () => {
  it.each(FILES)('%s: every answer row in, a second import adds nothing', async (file) => {
    const registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr' });
    const first = await importAsTheCommandDoes(registry, file);
    if (!first.result.ok) throw new Error(first.result.message);
    const answers = first.prepared.keys.length;
    const excluded = first.prepared.problems.excluded.length;
    expect(answers).toBeGreaterThan(0);
    expect(first.result).toMatchObject({ read: answers + excluded, inserted: answers, alreadyPresent: 0, rejected: excluded, resumed: false });
    expect(first.result.inserted + first.result.alreadyPresent).toBe(answers);
    const second = await importAsTheCommandDoes(registry, file);
    if (!second.result.ok) throw new Error(second.result.message);
    expect(second.result).toMatchObject({ inserted: 0, alreadyPresent: answers, resumed: false });
    expect(importSummary(second.result)).toMatch(new RegExp(`^0 nouvelle réponse, ${answers} déjà présentes?`));

    // Questions under their own key, the tool's kept columns apart, personal data nowhere.
    const sheet = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Réponses E1')!;
    const tagged = (key: string) => sheet.createDeveloperMetadataFinder().withKey(key).find().map((m) => m.getValue());
    const questions = first.prepared.questions;
    expect(tagged(QUESTION_METADATA_KEY).sort()).toEqual(questions.filter((q) => q.role === undefined).map((q) => q.key).sort());
    expect(tagged(TOOL_COLUMN_METADATA_KEY).sort()).toEqual(questions.filter((q) => q.role !== undefined && q.use === 'kept').map((q) => q.key).sort());
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    for (const q of questions.filter((x) => x.use === 'personal')) expect(headers).not.toContain(q.label);
  });
});
