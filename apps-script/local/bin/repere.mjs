#!/usr/bin/env node
// The `repere` command: runs the TypeScript CLI through tsx, so the local mode needs no separate compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli.ts');
await main(process.argv.slice(2));
