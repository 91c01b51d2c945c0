/**
 * On-disk cache of each file's summary and each page group's findings, so that a run over an unchanged tree reads no
 * Markdown file, parses nothing and compares nothing.
 *
 * Layout, under `<location>/<fingerprint>/`:
 * - `results-<xx>.json`, 256 buckets by the hash of a page's id: each page's findings and directives, under a key made
 *   of every copy's content hash and the settings, with each copy's size and modification time. A full run reads
 *   256 files instead of one per page; a pre-commit run reads one bucket.
 * - `<page hash>.summaries.json`: each copy's summary under its content hash, read only when a page must be linted
 *   again, so that its unchanged copies are not parsed again.
 *
 * Results are written when a run ends (a run stopped midway leaves the results as they were); summaries as pages are
 * linted, by the thread that linted them (they never cross threads, and a full run writes one file per page).
 * The fingerprint covers the tool's version, its own code, its parsers' versions and the extraction options, so a
 * cache written by another version is never read. Files are written to a temporary file and renamed into place, so
 * two runs sharing the cache never see half a file (the last one to write a bucket wins; the other's pages are only
 * linted again next time); an entry that does not parse or does not fit is a miss, never an error.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extracted } from './group-task.js';
import type { FileDirectives, Finding } from './types.js';

/** Where the cache lives by default, relative to the working directory. */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/doc-drift';

/** One copy as the cache stores it: what parsing gave, under the hash of the bytes it came from. */
export interface CachedCopy {
  hash: string;
  locale: string;
  extracted: Extracted;
}

/**
 * A copy as the run that linted its page saw it: size and time, the hash of its bytes, and when it was read (taken
 * just before reading, so that it never vouches for bytes written later).
 */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
  hash: string;
  /** When the file was read and hashed. */
  checkedAt: number;
}

/** A page group's findings as the cache keeps them. */
export interface PageResult {
  /** The key of the settings and every copy's content hash they were found under. */
  key: string;
  /** Each copy as it was read, in the group's order; null for a copy that could not be read. */
  files: Array<FileStamp | null>;
  findings: Finding[];
  directives?: Record<string, FileDirectives>;
}

interface Bucket {
  fingerprint: string;
  pages: Record<string, PageResult>;
}

interface SummariesEntry {
  fingerprint: string;
  copies: Record<string, CachedCopy>;
}

/** Where a page group's summaries go, and the fingerprint to write with them: all a worker needs to store them. */
export interface SummariesTarget {
  path: string;
  fingerprint: string;
}

/** Write a page group's copies' summaries (from any thread); a cache that cannot be written only makes the next run slower. */
export function writeSummaries(target: SummariesTarget, copies: Record<string, CachedCopy>): void {
  writeJsonAtomically(target.path, { fingerprint: target.fingerprint, copies } satisfies SummariesEntry);
}

/** Write `value` as JSON to a temporary file and rename it into place: a reader never sees half a file. */
function writeJsonAtomically(target: string, value: unknown): void {
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const text = JSON.stringify(value);
    try {
      writeFileSync(temporary, text);
    } catch (error) {
      // The directory is made on the first write, and again if it was removed since (by hand, or by another version).
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(temporary, text);
    }
    renameSync(temporary, target);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was left behind that a later run would read: temporary names are never read.
    }
  }
}

/** Hash of a file's bytes, as the cache keys it. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Hash of any plain data, through a stable JSON form. */
export function keyOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** The version in the tool's package.json. */
export function toolVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '..', '..', 'package.json'), join(here, '..', 'package.json')]) {
    try {
      return (JSON.parse(readFileSync(candidate, 'utf8')) as { version: string }).version;
    } catch {
      // try the next layout (built or from source)
    }
  }
  return 'unknown';
}

/** Packages whose version changes what a file's summary holds. */
const PARSERS = ['remark-parse', 'remark-gfm', 'remark-mdx', 'remark-frontmatter', 'yaml', 'micromark', 'mdast-util-from-markdown'];

/** The installed version of each parsing package: upgrading one must not reuse summaries it would now make differently. */
export function parserVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of PARSERS) {
    try {
      let dir = dirname(fileURLToPath(import.meta.resolve(name)));
      // Walk up from the entry point to the package's own package.json.
      for (let depth = 0; depth < 6; depth++, dir = dirname(dir)) {
        try {
          const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
          if (manifest.name === name) {
            versions[name] = manifest.version ?? '';
            break;
          }
        } catch {
          // no package.json at this level
        }
      }
    } catch {
      versions[name] = 'unresolved';
    }
  }
  return versions;
}

let codeHash: string | undefined;

/** Hash of the tool's own modules (src and rules, built or not): a rebuilt tool never trusts an older cache. */
export function toolCodeHash(): string {
  if (codeHash) return codeHash;
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, join(here, '..', 'rules')]) hashTree(dir, hash);
  codeHash = hash.digest('hex');
  return codeHash;
}

function hashTree(dir: string, hash: ReturnType<typeof createHash>): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) hashTree(path, hash);
    else if (/\.(js|ts)$/.test(name) && !name.endsWith('.d.ts')) hash.update(name).update(readFileSync(path));
  }
}

/** The cache of one run: reads entries, keeps the results to write at the end, says where summaries go. */
export class SummaryCache {
  private readonly dir: string;
  /** Result buckets read so far, by name; null for one that was missing or broken. */
  private readonly buckets = new Map<string, Bucket | null>();
  private readonly dirty = new Set<string>();

  /** The cache's key for this version of the tool, its code and the extraction options. */
  readonly fingerprint: string;

  /** Open the cache at `location` (absolute) for extraction `options`; directories left by other versions are removed. */
  constructor(location: string, options: unknown, fingerprint?: string) {
    this.fingerprint = fingerprint ?? keyOf({ version: toolVersion(), code: toolCodeHash(), parsers: parserVersions(), options }).slice(0, 20);
    this.dir = join(location, this.fingerprint);
    pruneOtherVersions(location, this.fingerprint);
  }

  /** The result stored for a page group, if any; callers check its key. */
  result(group: string): PageResult | undefined {
    const entry = this.bucket(bucketOf(group))?.pages[group];
    return entry && typeof entry.key === 'string' && Array.isArray(entry.files) && Array.isArray(entry.findings) ? entry : undefined;
  }

  /**
   * The content hashes `result` recorded for `paths`, when each file has the size and modification time it had then
   * and had not been modified within a second before it was read (two writes in one tick leave the time unchanged, as
   * git's "racily clean" entries): then no file need be read to trust the result's key.
   */
  unchangedHashes(result: PageResult, paths: string[], stats: Array<Stats | undefined>): string[] | undefined {
    if (result.files.length !== paths.length) return undefined;
    const hashes: string[] = [];
    for (const [index, stamp] of result.files.entries()) {
      const stat = stats[index];
      if (!stamp || !stat || stamp.path !== paths[index] || stamp.size !== stat.size || stamp.mtimeMs !== stat.mtimeMs) return undefined;
      if (!(stat.mtimeMs < stamp.checkedAt - 1000)) return undefined;
      hashes.push(stamp.hash);
    }
    return hashes;
  }

  /** The copies stored for a page group, by file; callers check each hash. */
  copies(group: string): Record<string, CachedCopy> {
    const entry = this.readJson<SummariesEntry>(this.summariesPath(group));
    if (!entry || entry.fingerprint !== this.fingerprint || typeof entry.copies !== 'object' || entry.copies === null) return {};
    return entry.copies;
  }

  /** Keep a page group's result for the next run; flush writes it. */
  keepResult(group: string, result: PageResult): void {
    const name = bucketOf(group);
    let bucket = this.bucket(name);
    if (!bucket) this.buckets.set(name, (bucket = { fingerprint: this.fingerprint, pages: {} }));
    bucket.pages[group] = result;
    this.dirty.add(name);
  }

  /** Where the thread that lints a page group writes its copies' summaries (see writeSummaries). */
  summariesTarget(group: string): SummariesTarget {
    return { path: this.summariesPath(group), fingerprint: this.fingerprint };
  }

  /**
   * After a full run, forget the results and summaries of the pages that are gone: not linted, and none of their
   * copies still on disk (a page another configuration lints from the same cache stays), and remove temporary files
   * a killed run left behind.
   */
  forgetGone(linted: Set<string>): void {
    let names: string[] = [];
    try {
      names = readdirSync(this.dir);
    } catch {
      // No cache yet: nothing to forget.
    }
    const hourAgo = Date.now() - 3_600_000;
    for (const file of names) {
      const name = /^results-([0-9a-f]{2})\.json$/.exec(file)?.[1];
      if (name) this.bucket(name);
      else if (file.endsWith('.tmp')) removeIfOlder(join(this.dir, file), hourAgo);
    }
    for (const [name, bucket] of this.buckets) {
      if (!bucket) continue;
      for (const [group, result] of Object.entries(bucket.pages)) {
        if (linted.has(group) || !Array.isArray(result?.files) || result.files.some((stamp) => stamp && exists(stamp.path))) continue;
        delete bucket.pages[group];
        this.dirty.add(name);
        try {
          rmSync(this.summariesPath(group), { force: true });
        } catch {
          // Left behind, it is only never read.
        }
      }
    }
  }

  /** Write the buckets that changed; a cache that cannot be written only makes the next run slower. */
  flush(): void {
    for (const name of this.dirty) writeJsonAtomically(join(this.dir, `results-${name}.json`), this.buckets.get(name));
    this.dirty.clear();
  }

  private bucket(name: string): Bucket | undefined {
    if (!this.buckets.has(name)) {
      const bucket = this.readJson<Bucket>(join(this.dir, `results-${name}.json`));
      const valid = bucket?.fingerprint === this.fingerprint && typeof bucket.pages === 'object' && bucket.pages !== null && !Array.isArray(bucket.pages);
      this.buckets.set(name, valid ? bucket : null);
    }
    return this.buckets.get(name) ?? undefined;
  }

  private summariesPath(group: string): string {
    return join(this.dir, `${keyOf(group).slice(0, 32)}.summaries.json`);
  }

  private readJson<T>(path: string): T | undefined {
    try {
      const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
      return value !== null && typeof value === 'object' ? (value as T) : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The bucket a page group's result goes in: the first two hex digits of its id's hash. */
function bucketOf(group: string): string {
  return keyOf(group).slice(0, 2);
}

function pruneOtherVersions(location: string, fingerprint: string): void {
  let names: string[];
  try {
    names = readdirSync(location);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === fingerprint || !/^[0-9a-f]{20}$/.test(name)) continue;
    try {
      rmSync(join(location, name), { recursive: true, force: true });
    } catch {
      // Not ours to remove (another user's files, a read-only mount), or being written by another run: left as is.
    }
  }
}

/** Remove `path` if it was last modified before `time`; a file that cannot be removed is left. */
function removeIfOlder(path: string, time: number): void {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats && stats.mtimeMs < time) rmSync(path, { force: true });
  } catch {
    // Another run's, or not ours: left as is.
  }
}

/** Whether `path` is there; a path that cannot be looked at counts as there (never forget what may still exist). */
function exists(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}
