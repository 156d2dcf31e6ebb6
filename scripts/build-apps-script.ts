/**
 * Builds dist/apps-script/ (the clasp rootDir): one Code.js whose entry points are top-level functions, the manifest,
 * and Sidebar.html with its JS and CSS inlined (Apps Script serves no separate files).
 */
import { build, type BuildOptions } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import vm from 'node:vm';

/** Trailing underscore: Apps Script hides it from google.script.run, so only the generated stubs are callable. */
const NAMESPACE = 'RepereBundle_';
const OUT = 'dist/apps-script';

const common: BuildOptions & { write: false } = {
  bundle: true,
  write: false,
  format: 'iife',
  target: 'es2020',
  legalComments: 'none',
  charset: 'utf8',
  // papaparse's Node-stream branch is never used here.
  external: ['stream'],
};

async function buildServer(): Promise<string> {
  const { outputFiles } = await build({
    ...common,
    entryPoints: ['apps-script/server/main.ts'],
    globalName: NAMESPACE,
    platform: 'neutral',
    mainFields: ['browser', 'module', 'main'],
    minify: false,
  });
  const code = outputFiles![0]!.text;
  // Evaluating in a bare context lists the entry points, and proves that loading touches no service.
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext(code, context);
  const api = vm.runInContext(NAMESPACE, context) as Record<string, unknown>;
  const names = Object.keys(api).filter((name) => typeof api[name] === 'function');
  const stubs = names.map((name) => `function ${name}(...args) { return ${NAMESPACE}.${name}(...args); }`);
  return `${code}\n${stubs.join('\n')}\n`;
}

async function buildSidebar(): Promise<string> {
  const { outputFiles } = await build({
    ...common,
    entryPoints: ['apps-script/ui/sidebar.ts'],
    platform: 'browser',
    minify: true,
  });
  const js = outputFiles![0]!.text.replace(/<\/script/gi, '<\\/script');
  const css = readFileSync('apps-script/ui/sidebar.css', 'utf8');
  // Function replacers: `$&` or `$'` inside the code must not be expanded.
  return readFileSync('apps-script/ui/Sidebar.template.html', 'utf8')
    .replace('/*CSS*/', () => css)
    .replace('/*JS*/', () => js);
}

/** Whole then renamed: `repere` commands started meanwhile (they rebuild what is stale) never read half a file. */
function writeWhole(name: string, text: string): void {
  const temporary = `${OUT}/.${name}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, `${OUT}/${name}`);
}

mkdirSync(OUT, { recursive: true });
writeWhole('Code.js', await buildServer());
writeWhole('Sidebar.html', await buildSidebar());
writeWhole('appsscript.json', readFileSync('apps-script/appsscript.json', 'utf8'));
console.log(`Apps Script : ${OUT}/Code.js, Sidebar.html, appsscript.json`);
