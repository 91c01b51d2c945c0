/**
 * Which file to load for an entry point: its one-file bundle (src/bundle.mjs) when that was built after every module
 * it bundles, else the module itself. Node loads one file several times faster than the ~350 modules it replaces.
 */
import { readdirSync, statSync } from 'node:fs';

/** The URL of the bundle `name` (e.g. `cli.bundle.cjs`) beside this module, when it is fresh. */
export function freshBundle(name: string): URL | undefined {
  try {
    const bundle = new URL(`./${name}`, import.meta.url);
    const built = statSync(bundle).mtimeMs;
    // A bundle older than any module (a later tsc, even one that rewrote a single rule) would run yesterday's code.
    for (const directory of [new URL('./', import.meta.url), new URL('../rules/', import.meta.url)]) {
      for (const file of readdirSync(directory)) {
        if (file.endsWith('.js') && statSync(new URL(file, directory)).mtimeMs > built) return undefined;
      }
    }
    return bundle;
  } catch {
    // No bundle (esbuild not installed, or a plain tsc build): the modules work the same, only start slower.
    return undefined;
  }
}
