import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';

/**
 * zod 4 probes `new Function("")` and compiles fast parsers with it. MV3 pages forbid eval (the probe only logs a CSP
 * violation) and `web-ext lint` flags it (DANGEROUS_EVAL): the extension bundle gets zod's eval-free path only. The
 * build fails if a zod upgrade changes the patched code, rather than shipping the eval silently.
 */
function zodWithoutEval(): Plugin {
  const patches: { file: RegExp; from: RegExp; to: string }[] = [
    {
      file: /[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
      from: /const F = Function;\s*new F\(""\);\s*return true;/,
      to: 'return false;',
    },
    {
      file: /[\\/]zod[\\/]v4[\\/]core[\\/]doc\.js$/,
      from: /const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);/,
      to: 'throw new Error("zod JIT is disabled in the extension");',
    },
  ];
  return {
    name: 'repere:zod-without-eval',
    enforce: 'pre',
    transform(code, id) {
      const patch = patches.find((p) => p.file.test(id));
      if (!patch) return null;
      if (!patch.from.test(code)) throw new Error(`zod-without-eval: pattern not found in ${id} (zod changed?)`);
      return { code: code.replace(patch.from, patch.to), map: null };
    },
  };
}

// The extension's build. Permissions are the least the capture and sync need: no host permission at install,
// the collector's origin is requested at pairing time (optional_host_permissions).
export default defineConfig({
  srcDir: 'extension',
  manifestVersion: 3,
  // One suggested shortcut of our own (Chrome allows four): no dev reload command competing for it.
  dev: { reloadCommand: false },
  vite: () => ({ plugins: [zodWithoutEval()] }),
  manifest: ({ browser, mode }) => ({
    // French and English from public/_locales, chosen by the browser's language.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // WXT adds `sidePanel` on Chrome (there is a side panel entrypoint); Firefox gets a sidebar_action instead.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'scripting', 'alarms'],
    // sidePanel.open() from a gesture needs Chrome 116.
    minimum_chrome_version: '116',
    // Alt+Shift+L is free of the usual clippers' shortcuts (Obsidian Alt+Shift+O/H, Ctrl+Shift+O; Zotero and
    // Trilium Ctrl+Shift+S, Alt+Shift+S, Ctrl+Shift+E). Chrome may still leave it unbound: the options page says so.
    commands: {
      'capture-selection': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_cmdCapture__',
      },
      ...(browser === 'firefox' ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+K' } } } : {}),
    },
    optional_host_permissions: [
      'https://script.google.com/*',
      'https://script.googleusercontent.com/*',
      'http://127.0.0.1/*',
    ],
    // End-to-end tests cannot click a permission prompt: the e2e build is granted the local collector up front.
    host_permissions: mode === 'e2e' ? ['http://127.0.0.1/*'] : undefined,
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'repere@repere-impact.fr',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
