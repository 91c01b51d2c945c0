#!/usr/bin/env node
/** The executable: run the command line and set the exit code; nothing else lives here. */
import module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { freshBundle } from './bundled.js';

type Cli = typeof import('./cli.js');

/** Load the command line: the bundle when it is fresh, else the modules. */
async function loadCli(): Promise<Cli> {
  // Node 22.1+ caches compiled code on disk: later runs start faster.
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const bundle = freshBundle('cli.bundle.cjs');
  return bundle ? (createRequire(import.meta.url)(fileURLToPath(bundle)) as Cli) : await import('./cli.js');
}

const cli = await loadCli();
process.exitCode = await cli.main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
});
