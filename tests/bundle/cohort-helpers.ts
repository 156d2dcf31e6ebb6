/**
 * A coordinator's registry and member registries through the built bundle, in one process: the members' UrlFetchApp
 * reaches the coordinator's doPost as Google's web app answers (a 302 to a one-time echo URL fetched with GET).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createEmptyWorkbook, type FetchRequest, type FetchResponse } from '../../apps-script/local/emulator';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import { importServer, prepareAsSuggested, runImport } from '../../shared/survey/mapping-run';
import { succeeded, testRegistry, type TestRegistry } from './runtime';

export const COORDINATOR_URL = 'https://script.google.com/macros/s/AKfycbCOORD/exec';

export interface Cohort {
  coordinator: TestRegistry;
  /** Every request the members made, as sent. */
  requests: FetchRequest[];
  member(name: string): TestRegistry;
  /** The coordinator's invitation code for a structure. */
  invite(name: string): string;
}

export function cohort(options: { template?: string } = {}): Cohort {
  const coordinator = testRegistry(createEmptyWorkbook({ name: 'Programme Répit 2026' }), COORDINATOR_URL);
  succeeded(coordinator.run('configureCohort', { lang: 'fr', template: options.template ?? 'aidants' }));
  const requests: FetchRequest[] = [];
  const echoes = new Map<string, string>();
  const transport = (request: FetchRequest): FetchResponse => {
    requests.push(request);
    if (request.method === 'POST' && request.url === COORDINATOR_URL) {
      const answer = coordinator.services.describeOutput(coordinator.entry('doPost')({ postData: { contents: request.body ?? '', type: 'text/plain', length: 0, name: 'postData' }, parameter: {} }))!;
      const key = `k${echoes.size}`;
      echoes.set(key, answer.content);
      return { status: 302, headers: { Location: `https://script.googleusercontent.com/macros/echo?user_content_key=${key}` }, body: '' };
    }
    const echo = /user_content_key=(\w+)/.exec(request.url)?.[1];
    if (request.method === 'GET' && echo && echoes.has(echo)) return { status: 200, headers: { 'Content-Type': 'application/json' }, body: echoes.get(echo)! };
    throw new Error(`unreachable ${request.url}`);
  };
  return {
    coordinator,
    requests,
    member: (name) => testRegistry(createEmptyWorkbook({ name }), `https://script.google.com/macros/s/AKfycb${name.replace(/\W/g, '')}/exec`, transport),
    invite: (name) => succeeded(coordinator.run('inviteCohortMember', { name, contact: 'contact@example.org' })).code,
  };
}

/** A survey export imported as `repere import` does (the saved mapping completed by suggestions). */
export async function importFile(registry: TestRegistry, file: string, wave: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const { prepared, mapping } = prepareAsSuggested(bytes, registry.run('getImportSetup', 'E1'));
  const result = await runImport(prepared, { surveyId: 'E1', wave, fileName: file.split('/').pop()!, fileHash: sha256BytesHex(bytes), mapping }, importServer(registry.importCall));
  expect(result).toMatchObject({ ok: true });
}

/** A tab's rows as records keyed by header. */
export function records(registry: TestRegistry, tab: string): Array<Record<string, unknown>> {
  const [header = [], ...rows] = registry.tab(tab);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}
