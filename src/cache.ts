/**
 * On-disk cache of each file's summary and each page group's findings, so that a run over an unchanged tree reads
 * files and hashes them but parses nothing and compares nothing.
 *
 * Layout: `<location>/<fingerprint>/<group hash>.result.json` (the group's findings, under a key made of every
 * copy's content hash and the settings) and `<group hash>.summaries.json` (each copy's summary, under its content
 * hash). The fingerprint covers the tool's version, its own code, its parsers' versions and the extraction options,
 * so a cache written by another version is never read. Entries are written to a temporary file and renamed into place, so two runs sharing
 * the cache never see half a file; an entry that does not parse or does not fit is a miss, never an error.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, type Stats } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extracted } from './group-task.js';
import type { Finding } from './types.js';

/** Where the cache lives by default, relative to the working directory. */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/doc-drift';

/** One copy as the cache stores it: what parsing gave, under the hash of the bytes it came from. */
export interface CachedCopy {
  hash: string;
  locale: string;
  extracted: Extracted;
}

/** A file as an earlier run saw it. */
interface KnownFile {
  path: string;
  size: number;
  mtimeMs: number;
  hash: string;
  /** When the file was read and hashed. */
  checkedAt: number;
}

interface ResultEntry {
  fingerprint: string;
  key: string;
  findings: Finding[];
}

interface SummariesEntry {
  fingerprint: string;
  copies: Record<string, CachedCopy>;
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

/** The cache of one run: read entries, remember what to write, write it all at the end. */
export class SummaryCache {
  private readonly dir: string;
  private readonly writes: Array<Promise<void>> = [];
  private made: Promise<unknown> | undefined;

  /** The cache's key for this version of the tool, its code and the extraction options. */
  readonly fingerprint: string;

  /** Content hashes earlier runs recorded, by path, with the size and modification time the file had then. */
  private readonly known = new Map<string, KnownFile>();

  /** Open the cache at `location` (absolute) for extraction `options`; directories left by other versions are removed. */
  constructor(location: string, options: unknown, fingerprint?: string) {
    this.fingerprint = fingerprint ?? keyOf({ version: toolVersion(), code: toolCodeHash(), parsers: parserVersions(), options }).slice(0, 20);
    this.dir = join(location, this.fingerprint);
    pruneOtherVersions(location, this.fingerprint);
    try {
      const index = join(this.dir, 'files.json');
      const entries: unknown = JSON.parse(readFileSync(index, 'utf8'));
      if (Array.isArray(entries)) {
        for (const entry of entries as KnownFile[]) {
          if (typeof entry?.path === 'string' && typeof entry.hash === 'string' && typeof entry.checkedAt === 'number') this.known.set(entry.path, entry);
        }
      }
    } catch {
      // No index yet, or a broken one: every file is read and hashed.
    }
  }

  /**
   * The content hash an earlier run recorded for `path`, when its size and modification time are the same and it had
   * not been modified within a second before it was read (two writes in one tick leave the time unchanged, as git's
   * "racily clean" entries): then the file need not be read to look its group up.
   */
  knownHash(path: string, stats: Stats): string | undefined {
    const known = this.known.get(path);
    if (!known || known.size !== stats.size || known.mtimeMs !== stats.mtimeMs) return undefined;
    return stats.mtimeMs < known.checkedAt - 1000 ? known.hash : undefined;
  }

  /** Record the content hash of a file just read (`stats` taken before reading it), for the next run. */
  remember(path: string, stats: Stats, hash: string): void {
    this.known.set(path, { path, size: stats.size, mtimeMs: stats.mtimeMs, hash, checkedAt: Date.now() });
  }

  /** The findings stored for a page group under `key`, when they are there and whole. */
  async findings(group: string, key: string): Promise<Finding[] | undefined> {
    const entry = await this.read<ResultEntry>(group, 'result');
    if (!entry || entry.fingerprint !== this.fingerprint || entry.key !== key || !Array.isArray(entry.findings)) return undefined;
    return entry.findings;
  }

  /** The copies stored for a page group, by file; callers check each hash. */
  async copies(group: string): Promise<Record<string, CachedCopy>> {
    const entry = await this.read<SummariesEntry>(group, 'summaries');
    if (!entry || entry.fingerprint !== this.fingerprint || typeof entry.copies !== 'object' || entry.copies === null) return {};
    return entry.copies;
  }

  /** Store a page group's findings and copies; resolves when written (awaiting it bounds what waits in memory). */
  store(group: string, key: string, findings: Finding[], copies: Record<string, CachedCopy>): Promise<void> {
    const written = this.write(group, 'summaries', { fingerprint: this.fingerprint, copies } satisfies SummariesEntry).then(() =>
      this.write(group, 'result', { fingerprint: this.fingerprint, key, findings } satisfies ResultEntry),
    );
    this.writes.push(written);
    return written;
  }

  /** Wait for every write, and write the index of known files; a cache that cannot be written only makes the next run slower. */
  async flush(): Promise<void> {
    await Promise.all(this.writes);
    if (this.known.size > 0) await this.writeFile(join(this.dir, 'files.json'), [...this.known.values()]);
  }

  private path(group: string, kind: string): string {
    return join(this.dir, `${keyOf(group).slice(0, 32)}.${kind}.json`);
  }

  private async read<T>(group: string, kind: string): Promise<T | undefined> {
    try {
      const value: unknown = JSON.parse(readFileSync(this.path(group, kind), 'utf8'));
      return value !== null && typeof value === 'object' ? (value as T) : undefined;
    } catch {
      return undefined;
    }
  }

  private async write(group: string, kind: string, value: unknown): Promise<void> {
    await this.writeFile(this.path(group, kind), value);
  }

  private async writeFile(target: string, value: unknown): Promise<void> {
    const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      this.made ??= mkdir(this.dir, { recursive: true });
      await this.made;
      await writeFile(temporary, JSON.stringify(value));
      await rename(temporary, target);
    } catch {
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}

function pruneOtherVersions(location: string, fingerprint: string): void {
  let names: string[];
  try {
    names = readdirSync(location);
  } catch {
    return;
  }
  for (const name of names) {
    if (name !== fingerprint && /^[0-9a-f]{20}$/.test(name)) rmSync(join(location, name), { recursive: true, force: true });
  }
}
