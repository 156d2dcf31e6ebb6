/** Runs the real `repere` command and keeps what a person would see: exit code, standard output and error. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export async function repere(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return repereWith({}, ...args);
}

/** The same, with some environment variables changed (e.g. CHROME_PATH). */
export async function repereWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', ['apps-script/local/bin/repere.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export interface ServedWorkbook {
  /** The local page, and the collector at /exec. */
  url: string;
  exec: string;
  stop(): Promise<void>;
}

/** `repere start` on a free port, in its own process (as a person runs it beside another): its page and its /exec. */
export function serveWorkbook(workbook: string): Promise<ServedWorkbook> {
  const child: ChildProcess = spawn('node', ['apps-script/local/bin/repere.mjs', 'start', '--workbook', workbook, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const exec = /Collecteur \(pour l’extension\)\s*: (\S+)/.exec(out)?.[1];
      if (exec) resolve({ url: exec.replace(/exec$/, ''), exec, stop });
    });
    child.once('exit', (code) => reject(new Error(`repere start stopped (${code}): ${out}`)));
  });
}
