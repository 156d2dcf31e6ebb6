/**
 * Builds the local mode once (`npm run build:local`), as scripts/build-apps-script.ts builds the Apps Script bundle, so
 * that no command transpiles TypeScript when it starts: dist/local/repere.mjs is the `repere` CLI with the emulation,
 * the local server and their packages in one ES module for Node, dist/local/local-page.js the local page's script.
 * Each file is written whole then renamed, so a command starting meanwhile never reads half of one.
 */
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';

const OUT = 'dist/local';

const [cli, page] = await Promise.all([
  build({
    entryPoints: ['apps-script/local/cli.ts'],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages included: resolving and loading exceljs's few hundred CommonJS files took about 15 % of a command.
    // Their require() of Node's modules needs a real require in an ES module (esbuild's documented workaround).
    banner: { js: "import { createRequire as __repereRequire } from 'node:module'; const require = __repereRequire(import.meta.url);" },
    charset: 'utf8',
    legalComments: 'none',
    // Loaded from node_modules: a native module (the chart renderer, built by npm for this computer), a browser
    // driver loaded only to print a questionnaire to PDF, which has no place in the bundle, and archiver-utils (under
    // exceljs's streaming writer), which still calls new Buffer(): Node lets that pass silently only from node_modules.
    external: ['@resvg/resvg-js', 'playwright-core', 'archiver-utils'],
  }),
  build({ entryPoints: ['apps-script/local/page/local-page.ts'], bundle: true, write: false, format: 'iife', target: 'es2020', minify: true }),
]);

mkdirSync(OUT, { recursive: true });
for (const [name, { outputFiles }] of /** @type {const} */ ([['repere.mjs', cli], ['local-page.js', page]])) {
  const [file] = outputFiles;
  if (!file) throw new Error(`esbuild wrote nothing for ${name}`);
  const temporary = `${OUT}/.${name}.${process.pid}.tmp`;
  writeFileSync(temporary, file.text);
  renameSync(temporary, `${OUT}/${name}`);
}
console.log(`Mode local : ${OUT}/repere.mjs, local-page.js`);
