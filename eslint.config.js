// Lint rules, and the boundaries between folders that the build enforces instead of a reviewer (`npm run lint`, in
// `npm test`, warnings as errors). tests/unit/lint/boundaries.test.ts proves each boundary still fires.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What may not be imported, as no-restricted-imports patterns: each says why and what to do instead. */
const FORBIDDEN = {
  node: {
    regex: `^(node:.*|(${builtinModules.join('|')})(/.*)?)$`,
    message: 'Node built-ins run only in apps-script/local/ (the local mode): pass what you need in from there.',
  },
  wxt: {
    regex: '^(wxt|@wxt-dev/[^/]+|webextension-polyfill)(/.*)?$',
    message: 'WXT and the browser APIs belong to extension/.',
  },
  extension: {
    regex: '(^|/)extension(/|$)',
    message: 'extension/ is one half of Repère: nothing outside it imports it (shared code lives in shared/).',
  },
  appsScript: {
    regex: '(^|/)apps-script(/|$)',
    message: 'apps-script/ is the other half of Repère: extension/ and shared/ never import it (shared code lives in shared/).',
  },
  local: {
    regex: '(^|/)local(/|$)',
    message: 'apps-script/local/ is the local emulation: what runs in Google (server/, ui/) never imports it.',
  },
  packages: {
    regex: '^(?![./]|zod(/|$)|papaparse$|fflate$)',
    message: 'shared/ is pure: it imports zod, papaparse, fflate and other shared/ modules only.',
  },
  browserApi: {
    regex: '^(wxt/browser|@wxt-dev/browser|webextension-polyfill)$',
    message: 'browser.* is used only in extension/platform/: add a thin adapter there and import it.',
  },
  browserName: {
    regex: '^#imports$',
    importNames: ['browser'],
    message: 'browser.* is used only in extension/platform/: add a thin adapter there and import it.',
  },
};

const importsFrom = (...kinds) => ['error', { patterns: kinds.map((kind) => FORBIDDEN[kind]) }];

/** Apps Script's own globals (from @types/google-apps-script), but console and Date, which every runtime has. */
const APPS_SCRIPT_GLOBALS = [
  'Browser', 'CacheService', 'CalendarApp', 'CardService', 'Charset', 'Charts', 'ConferenceDataService', 'ContactsApp',
  'ContentService', 'DataStudioApp', 'DigestAlgorithm', 'DocumentApp', 'DriveApp', 'FormApp', 'GmailApp', 'GroupsApp',
  'HtmlService', 'Jdbc', 'LanguageApp', 'LinearOptimizationService', 'LockService', 'Logger', 'MacAlgorithm', 'MailApp',
  'Maps', 'MimeType', 'PropertiesService', 'RsaAlgorithm', 'ScriptApp', 'ScriptProperties', 'Session', 'SitesApp',
  'SlidesApp', 'SpreadsheetApp', 'UrlFetchApp', 'UserProperties', 'Utilities', 'XmlService', 'google',
];

/**
 * shared/ runs in Apps Script, in the extension and in Node: no global of any one platform (DOM, Node, Apps Script
 * services, browser.*). Only the language's own globals and console remain, which also keeps the Apps Script rules
 * (no URL, TextDecoder, setTimeout, fetch, atob, structuredClone).
 */
const language = new Set([...Object.keys(globals.es2020), 'console']);
const platformGlobals = [
  ...new Set([...APPS_SCRIPT_GLOBALS, ...Object.keys(globals.browser), ...Object.keys(globals.node), ...Object.keys(globals.webextensions)]),
].filter((name) => !language.has(name));
const sharedGlobals = [
  'error',
  ...platformGlobals.map((name) => ({
    name,
    message: 'shared/ is pure (it runs in Apps Script, the extension and Node): let the platform adapter pass this in.',
  })),
];
const browserGlobals = [
  'error',
  ...['browser', 'chrome'].map((name) => ({
    name,
    message: 'browser.* is used only in extension/platform/: add a thin adapter there and import it.',
  })),
];
const noDynamicImport = [
  'error',
  { selector: 'ImportExpression', message: 'Import modules statically here: the bundle must be one file with no loading at run time.' },
];
/** « 3 réponse(s) »: the words of a count agree with it, through shared/text/plural.ts (count, agree). */
const pluralPlaceholder = 'Agree the words with their count (count or agree from shared/text/plural.ts) rather than writing « (s) ».';
const noPluralPlaceholder = [
  { selector: 'Literal[value=/[A-Za-zÀ-ÿ]\\(s\\)/]', message: pluralPlaceholder },
  { selector: 'TemplateElement[value.raw=/[A-Za-zÀ-ÿ]\\(s\\)/]', message: pluralPlaceholder },
];

export default defineConfig([
  globalIgnores(['.output/', '.wxt/', 'dist/', 'node_modules/', 'tests/.tmp/', 'tests/fixtures/', 'web-ext-artifacts/']),
  {
    files: ['**/*.{js,mjs,ts}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  // Node: the local mode, the build scripts, the tests and the tools' configurations.
  {
    files: ['apps-script/local/**', 'scripts/**', 'tests/**', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  // The local page's script runs in the browser, beside the real sidebar.
  { files: ['apps-script/local/page/**/*.js'], languageOptions: { globals: globals.browser } },

  // The boundaries (README « Architecture »).
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': importsFrom('node', 'wxt', 'extension', 'appsScript', 'packages'),
      'no-restricted-globals': sharedGlobals,
      'no-restricted-syntax': [...noDynamicImport, ...noPluralPlaceholder],
    },
  },
  {
    files: ['apps-script/server/**', 'apps-script/ui/**'],
    rules: {
      'no-restricted-imports': importsFrom('local', 'node', 'wxt', 'extension'),
      'no-restricted-syntax': [...noDynamicImport, ...noPluralPlaceholder],
    },
  },
  { files: ['apps-script/local/**'], rules: { 'no-restricted-imports': importsFrom('wxt', 'extension'), 'no-restricted-syntax': ['error', ...noPluralPlaceholder] } },
  {
    files: ['extension/**'],
    ignores: ['extension/platform/**'],
    rules: {
      'no-restricted-imports': importsFrom('node', 'appsScript', 'browserApi', 'browserName'),
      'no-restricted-globals': browserGlobals,
      'no-restricted-syntax': ['error', ...noPluralPlaceholder],
    },
  },
  { files: ['extension/platform/**'], rules: { 'no-restricted-imports': importsFrom('node', 'appsScript'), 'no-restricted-syntax': ['error', ...noPluralPlaceholder] } },
]);
