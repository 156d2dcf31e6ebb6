#!/usr/bin/env node
// The `repere` command: builds the local mode when it is missing or older than its sources (see ../builds.mjs), then
// runs the built module, so no TypeScript is transpiled when a command starts.
import { LOCAL_BUILD, ensureFresh } from '../builds.mjs';

ensureFresh(LOCAL_BUILD);
/** @type {typeof import('../cli')} */
const { main } = await import(new URL('../../../dist/local/repere.mjs', import.meta.url).href);
await main(process.argv.slice(2));
