/** Runs the real `repere` command and keeps what a person would see: exit code, standard output and error. */
import { execFile } from 'node:child_process';
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
