// Bundle the built command line (dist/src/cli.js and everything it imports) into one file, dist/src/cli.bundle.cjs,
// and the worker thread's script (dist/src/lint-worker.js) into dist/src/lint-worker.bundle.cjs. Node loads one file
// several times faster than the ~350 modules it replaces: on a pre-commit run of one page that is most of the
// start-up, and every worker of a large run starts that much sooner. bin.js and the worker pool use a bundle only when
// it is newer than the modules it was made from (src/bundled.ts; a later `tsc` makes it stale), so a forgotten bundle
// step costs speed, never correctness. The library entry stays unbundled.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const entry = new URL('dist/src/cli.js', root);
if (!existsSync(entry)) {
  console.error('doc-drift: dist/src/cli.js is missing: run tsc first');
  process.exit(1);
}
const require = createRequire(import.meta.url);
let esbuild;
try {
  esbuild = await import(require.resolve('esbuild'));
} catch {
  // A dev dependency: without it the command line runs from the modules, just slower to start.
  console.error('doc-drift: esbuild is not installed; dist/src/cli.bundle.cjs not built (the command line still works)');
  process.exit(0);
}

// acorn-jsx requires acorn's CommonJS build while the MDX parser imports its ES module: bundle one copy, not two.
const acornModule = require.resolve('acorn').replace(/acorn\.js$/, 'acorn.mjs');
const oneAcorn = {
  name: 'one-acorn',
  setup(build) {
    build.onResolve({ filter: /^acorn$/ }, () => ({ path: acornModule }));
  },
};

/** Bundle the built module `from` and everything it imports into the CommonJS file `to`. */
async function bundle(from, to) {
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL(from, root))],
    outfile: fileURLToPath(new URL(to, root)),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [oneAcorn],
    // The modules find their neighbours (the worker script, package.json) from import.meta.url: the bundle's own URL.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
}

await bundle('dist/src/cli.js', 'dist/src/cli.bundle.cjs');
await bundle('dist/src/lint-worker.js', 'dist/src/lint-worker.bundle.cjs');
