import { defineConfig } from 'wxt';

// The extension's build. Permissions are the least the capture and sync need: no host permission at install,
// the collector's origin is requested at pairing time (optional_host_permissions).
export default defineConfig({
  srcDir: 'extension',
  manifestVersion: 3,
  manifest: ({ browser, mode }) => ({
    name: 'Repère',
    description: 'Garder une citation ou une observation depuis n’importe quelle page, pseudonymisée, pour votre registre d’impact.',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'scripting', 'alarms'],
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
