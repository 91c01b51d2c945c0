#!/usr/bin/env node
/** The executable: run the command line and set the exit code; nothing else lives here. */
import { readdirSync, statSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type Cli = typeof import('./cli.js');

/** The bundled command line (src/bundle.mjs) when it was built after every module it bundles. */
function freshBundle(): string | undefined {
  try {
    const bundle = fileURLToPath(new URL('./cli.bundle.cjs', import.meta.url));
    const built = statSync(bundle).mtimeMs;
    // A bundle older than any module (a later tsc, even one that rewrote a single rule) would run yesterday's code.
    for (const directory of [new URL('./', import.meta.url), new URL('../rules/', import.meta.url)]) {
      for (const name of readdirSync(directory)) {
        if (name.endsWith('.js') && statSync(new URL(name, directory)).mtimeMs > built) return undefined;
      }
    }
    return bundle;
  } catch {
    // No bundle (esbuild not installed, or a plain tsc build): the modules work the same, only start slower.
  }
  return undefined;
}

/** Load the command line: the bundle when it is fresh, else the modules. */
async function loadCli(): Promise<Cli> {
  // Node 22.1+ caches compiled code on disk: later runs start faster.
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const bundle = freshBundle();
  return bundle ? (createRequire(import.meta.url)(bundle) as Cli) : await import('./cli.js');
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
