/** `repere start` / `npm start`: the local registry, its page and its collector on 127.0.0.1, until Ctrl+C. */
import { resolve } from 'node:path';
import { UserError } from './user-error';
import { APPS_SCRIPT_BUILD, EXTENSION_BUILD, EXTENSION_DIR, ensureFresh } from './builds.mjs';
import { startHttpServer, type LocalServer } from './http-server';
import { LocalRegistry } from './registry-host';
import { forgetServer, recordServer } from './server-file';

export interface LocalMode {
  registry: LocalRegistry;
  server: LocalServer;
  connectionCode: string;
  stop(): Promise<void>;
}

/** Opens the workbook and serves it; used by the CLI and by the end-to-end tests (with port 0). */
export async function openLocalMode(options: { workbook: string; port: number; clock?: () => number }): Promise<LocalMode> {
  const registry = await LocalRegistry.open({ workbookPath: options.workbook, webAppUrl: '' });
  let server: LocalServer;
  try {
    server = await startHttpServer(registry, options.port, options.clock ? { clock: options.clock } : {});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UserError(`Le port ${options.port} est déjà utilisé (Repère tourne peut-être déjà). Choisissez-en un autre : npm start -- --port ${options.port + 1}`);
    }
    throw error;
  }
  registry.setWebAppUrl(server.execUrl);
  // Beside the workbook while it runs: `repere pairing-code` finds the port there.
  recordServer(registry.workbookPath, server.port);
  const code = (await registry.callOrThrow('getConnectionCode', [])) as { ok: boolean; code?: string };
  return {
    registry,
    server,
    connectionCode: code.code ?? '',
    stop: async () => {
      forgetServer(registry.workbookPath);
      await server.close();
    },
  };
}

export async function startLocalMode(options: { workbook: string; port: number }): Promise<void> {
  ensureFresh(APPS_SCRIPT_BUILD);
  ensureFresh(EXTENSION_BUILD);
  const mode = await openLocalMode(options);
  console.log(`
Repère tourne en mode local.
  Page locale (classeur + panneau) : ${mode.server.url}
  Collecteur (pour l’extension)    : ${mode.server.execUrl}
  Classeur                         : ${resolve(options.workbook)}
  Code de connexion de l’extension : ${mode.connectionCode}
  Extension à charger (Chromium : chrome://extensions › Mode développeur › Charger l’extension non empaquetée) :
                                     ${EXTENSION_DIR}
Ctrl+C pour arrêter.`);
  await new Promise<void>((done) => process.once('SIGINT', () => void mode.stop().then(done)));
}
