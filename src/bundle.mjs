// Bundle the built command line (dist/src/cli.js and everything it imports) into one file, dist/src/cli.bundle.js.
// Node loads one file several times faster than the ~350 modules it replaces: on a pre-commit run of one page that is
// most of the start-up. bin.js uses the bundle only when it is newer than the modules it was made from (a later `tsc`
// makes it stale), so a forgotten bundle step costs speed, never correctness. The library entry stays unbundled.
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
  console.error('doc-drift: esbuild is not installed; dist/src/cli.bundle.js not built (the command line still works)');
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

await esbuild.build({
  entryPoints: [fileURLToPath(entry)],
  outfile: fileURLToPath(new URL('dist/src/cli.bundle.js', root)),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [oneAcorn],
  // Bundled CommonJS (yaml) calls require() for Node's own modules, which an ES module does not have.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
