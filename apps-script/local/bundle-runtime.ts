/**
 * Loads the built Code.js into a bare node:vm context (no browser or Node globals, no code generation from strings)
 * with the emulated Apps Script services as its only globals: what the local mode and the bundle tests run.
 */
import vm from 'node:vm';
import { createAppsScriptServices, type AppsScriptServices, type FetchTransport, type WorkbookModel } from './emulator';

export interface BundleRuntime {
  services: AppsScriptServices;
  context: vm.Context;
  /** A top-level function of Code.js, as Google would call it. */
  entry(name: string): (...args: unknown[]) => unknown;
}

export interface RuntimeOptions {
  model: WorkbookModel;
  code: string;
  htmlDir?: string;
  webAppUrl?: string;
  userEmail?: string;
  now?: () => Date;
  /** How UrlFetchApp reaches a URL: real HTTP in the local mode (./http-fetch.ts), a function in tests, else nowhere. */
  fetch?: FetchTransport;
}

export function loadBundle(options: RuntimeOptions): BundleRuntime {
  const context = vm.createContext({ console }, { codeGeneration: { strings: false, wasm: false } });
  const realm = vm.runInContext('({ Date, Array, Error })', context) as { Date: DateConstructor; Array: ArrayConstructor; Error: ErrorConstructor };
  const { code, ...rest } = options;
  const services = createAppsScriptServices({ ...rest, realm });
  Object.assign(context, services.globals);
  vm.runInContext(code, context, { filename: 'Code.js' });
  return {
    services,
    context,
    entry(name) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      return fn as (...args: unknown[]) => unknown;
    },
  };
}
