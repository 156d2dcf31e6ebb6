/**
 * Global setup of every test project: the local mode keeps each person's properties (the collector secret) in their
 * configuration folder; tests get a temporary one, inherited by the CLI processes they start, never the real one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'repere-config-'));
  process.env.XDG_CONFIG_HOME = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
