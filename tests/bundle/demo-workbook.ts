/**
 * The README's demo workbook, made in this process as `repere` makes it: the « aidants » framework set up, its two
 * survey waves imported (tests/fixtures/demo), the indicators computed.
 */
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import type { RegistryQuestion } from '../../shared/survey/mapping';
import { importServer, prepareAsSuggested, runImport } from '../../shared/survey/mapping-run';
import { LocalRegistry } from '../../apps-script/local/registry-host';

export async function makeDemoWorkbook(path: string): Promise<LocalRegistry> {
  const registry = await LocalRegistry.open({ workbookPath: path, webAppUrl: 'http://127.0.0.1:8787/exec', command: 'test' });
  await registry.callOrThrow('configureRegistry', [{ lang: 'fr', template: 'aidants' }]);
  for (const wave of ['T0', 'T1']) {
    const file = `tests/fixtures/demo/aidants-${wave.toLowerCase()}-google-forms.csv`;
    const bytes = new Uint8Array(readFileSync(file));
    const setup = (await registry.callOrThrow('getImportSetup', ['E1'])) as { mapping: unknown; questions: RegistryQuestion[] };
    const { prepared, mapping } = prepareAsSuggested(bytes, setup);
    const result = await runImport(prepared, { surveyId: 'E1', wave, fileName: basename(file), fileHash: sha256BytesHex(bytes), mapping }, importServer((fn, arg) => registry.callOrThrow(fn, [arg])));
    if (!result.ok) throw new Error(result.message);
  }
  await registry.callOrThrow('computeRegistry', []);
  return registry;
}

/**
 * A copy of the demo workbook at `path`, made once per test run (several files need it as it is, none changes how it
 * is made): kept in the run's temporary configuration folder (tests/config-home.ts).
 */
export async function copyOfDemoWorkbook(path: string): Promise<void> {
  const made = join(process.env.XDG_CONFIG_HOME!, 'demo.xlsx');
  if (!existsSync(made)) {
    const making = `${made}.${process.pid}.xlsx`;
    await makeDemoWorkbook(making);
    renameSync(making, made);
  }
  copyFileSync(made, path);
}
