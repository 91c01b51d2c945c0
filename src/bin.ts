#!/usr/bin/env node
/** The executable: run the command line and set the exit code; nothing else lives here. */
import { statSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ can cache compiled modules on disk: most of a one-page pre-commit run is loading modules.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/** The bundled command line (src/bundle.mjs) when it was built after the modules it bundles, else the modules. */
function cliModule(): string {
  try {
    // tsc rewrites every module, cli.js included: a bundle older than cli.js would run yesterday's code.
    const bundle = statSync(new URL('./cli.bundle.js', import.meta.url));
    const modules = statSync(new URL('./cli.js', import.meta.url));
    if (bundle.mtimeMs >= modules.mtimeMs) return './cli.bundle.js';
  } catch {
    // No bundle (esbuild not installed, or running from a plain tsc build): the modules work the same.
  }
  return './cli.js';
}

const { main } = (await import(cliModule())) as typeof import('./cli.js');

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
});
