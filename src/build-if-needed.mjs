// Build dist/ after `npm install` in a checkout (a git dependency, a pre-commit hook environment, a fresh clone).
// Not a `prepare` script: npm prints lifecycle banners on standard output during `npm pack`, and pre-commit reads the
// tarball name from that output. A published package already has dist/, so this does nothing there.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const tsconfig = new URL('tsconfig.json', root);
// A published package ships dist/ and no tsconfig.json: nothing to build.
if (!existsSync(tsconfig)) process.exit(0);
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  if (existsSync(new URL('dist/src/bin.js', root))) process.exit(0);
  console.error('doc-drift: dist/ is missing and TypeScript is not installed to build it (run npm install with dev dependencies)');
  process.exit(1);
}
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
if (result.status !== 0) process.exit(result.status ?? 1);
// npm linked the bin before it existed, so it could not mark it executable: `npx doc-drift` needs that.
chmodSync(new URL('dist/src/bin.js', root), 0o755);
// The one-file command line that starts faster (see bundle.mjs); skipped quietly without esbuild.
const bundled = spawnSync(process.execPath, [fileURLToPath(new URL('bundle.mjs', import.meta.url))], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
// Without the bundle the command line runs from the modules, only slower to start: never fail an install for it.
if (bundled.status !== 0) console.error('doc-drift: the one-file command line was not built; it runs from the modules');
