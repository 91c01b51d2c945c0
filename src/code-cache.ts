/**
 * Run the bundled command line with V8's code cache on Node 20, which has no `module.enableCompileCache()`: the
 * functions a run compiled are kept on disk and the next run starts with them compiled. Any problem only costs the
 * cache, never the run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

/** A loaded file: its exports, and how to keep what this run compiled for the next one. */
export interface Cached {
  exports: unknown;
  /** Write the code cache when there was none or V8 refused it; call once the run is done. */
  save(): void;
}

/** A directory only this user can write, so that no one else's cache is ever run; undefined when there is none. */
function cacheDirectory(): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  const directory = join(tmpdir(), `doc-drift-code-cache-${uid}`);
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const stats = statSync(directory);
    return stats.uid === uid && (stats.mode & 0o022) === 0 ? directory : undefined;
  } catch {
    return undefined;
  }
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * Load the CommonJS file `file` (the bundle) like require(), with the code cache. A script given cached code cannot
 * import() on Node 20, so the bundle's import() calls go through `__dynamicImport`, which this module provides.
 */
export function requireWithCodeCache(file: string): Cached {
  const load = createRequire(file);
  const directory = cacheDirectory();
  if (!directory) return { exports: load(file), save() {} };
  const source = readFileSync(file, 'utf8');
  const stats = statSync(file);
  // One cache per installed bundle: a rebuild or another Node replaces it rather than adding one.
  const prefix = `${hash(file)}-`;
  const cacheFile = join(directory, `${prefix}${hash(`${stats.size}\0${stats.mtimeMs}\0${process.version}\0${process.arch}`)}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // The first run of this build: no cache yet.
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __dynamicImport) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as unknown };
  const dynamicImport = (specifier: string) => import(specifier);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, load, module, file, dirname(file), dynamicImport);
  return {
    exports: module.exports,
    save() {
      if (cachedData && !script.cachedDataRejected) return;
      try {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, cacheFile);
        for (const name of readdirSync(directory)) {
          if (name.startsWith(prefix) && name.endsWith('.bin') && join(directory, name) !== cacheFile) rmSync(join(directory, name), { force: true });
        }
      } catch {
        // A cache that cannot be written only means the next run compiles again.
      }
    },
  };
}
