#!/usr/bin/env node
/** The executable: run the command line and set the exit code; nothing else lives here. */
import module from 'node:module';

// Node 22.1+ can cache compiled modules on disk: most of a one-page pre-commit run is loading modules.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import('./cli.js');

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
});
