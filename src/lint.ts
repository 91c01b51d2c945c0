/** Run every rule over every page group and stamp the findings: ids, severities, positions, fingerprints. */
import { statSync, type Stats } from 'node:fs';
import { relative, resolve } from 'node:path';
import { rules as allRules } from '../rules/index.js';
import { contentHash, keyOf, SummaryCache } from './cache.js';
import { ruleOptions, type Config } from './config.js';
import { discover, type DiscoveryProblem } from './discover.js';
import { hash, numberFingerprints } from './fingerprint.js';

import { readBytes } from './read.js';
import { inShard, type Shard } from './shard.js';
import type { GroupOutcome, ReadCopy, RunSettings } from './group-task.js';
import { defaultThreads, GroupRunner } from './workers.js';
import type { FileDirectives, Finding, LintResult, PageGroup, Rule, Severity } from './types.js';

export interface LintOptions extends Config {
  /** Directory to lint, relative to `cwd`. */
  root?: string;
  /** Working directory: paths in findings are relative to it. */
  cwd?: string;
  /** Only lint the page groups these files (relative to cwd) belong to; deleted files count by their path. */
  only?: string[];
  /** Cache summaries and findings in this directory (absolute, or relative to cwd); no cache when unset. */
  cacheLocation?: string;
  /** Threads that lint, this one included; 0 or 1 lints in-process (default: one per core, only for runs large enough). */
  threads?: number;
  /** Called as files are done: how many of how many. */
  onProgress?(done: number, total: number): void;
  /** Only lint the page groups of this shard (`--shard i/n`). */
  shard?: Shard;
}

/** Options that change what extraction produces; part of the cache key. None today: extraction is fixed. */
const EXTRACTION_OPTIONS = {};

/** Discover the page groups of the tree `options` describe. */
export function discoverTree(options: LintOptions, cwd: string) {
  return discover({
    root: options.root ?? '.',
    cwd,
    patterns: options.patterns,
    source: options.source,
    locales: options.locales,
    ignore: options.ignore,
    // A pre-commit run names a few files: find their copies by name instead of walking the whole tree.
    only: options.only,
  });
}

/** The rules that are on, each with its configured or default severity. */
export function activeRules(settings: LintOptions['rules'] = {}): Array<{ rule: Rule; severity: Severity }> {
  return allRules
    .map((rule) => ({ rule, severity: (settings[rule.id] ?? rule.defaultSeverity) as Severity | 'off' }))
    .filter((entry): entry is { rule: Rule; severity: Severity } => entry.severity !== 'off');
}

/** Lint a localized documentation tree and return the findings as data. */
export async function lint(options: LintOptions = {}): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const discovery = await discoverTree(options, cwd);
  const active = activeRules(options.rules);
  const settings = ruleOptions(options);
  // tldr translates the text inside {{…}} on purpose: a detected tldr tree gets its preset's default.
  if (discovery.layout.name === 'tldr' && options.translatablePlaceholders === undefined) settings.translatablePlaceholders = true;
  const source = discovery.layout.source;
  let groups = discovery.groups;
  if (options.only) {
    // `./de/a.md`, `de\a.md` or an absolute path name the same file as `de/a.md`.
    const wanted = new Set(options.only.map((file) => relative(cwd, resolve(cwd, file)).split('\\').join('/')));
    // A deleted file still selects its page, by the page id its path would have.
    const pages = new Set([...wanted].flatMap((file) => discovery.pageOf(file) ?? []));
    groups = groups.filter((group) => pages.has(group.id) || group.files.some((file) => wanted.has(file.file)));
  }
  if (options.shard) groups = groups.filter((group) => inShard(group.id, options.shard!));
  const locales = discovery.layout.locales;
  const run: RunSettings = { source, locales, active: active.map(({ rule, severity }) => [rule.id, severity]), settings };
  // Where the copies a group lacks would be (and the source's, for orphans): what messages about them name.
  const expectedPaths = (group: PageGroup): Record<string, string> => {
    const present = new Set(group.files.map((file) => file.locale));
    const wanted = locales.filter((locale) => !present.has(locale) || locale === source);
    return Object.fromEntries(wanted.flatMap((locale) => {
      const path = discovery.expectedPath(group, locale);
      return path === undefined ? [] : [[locale, path]];
    }));
  };
  // What decides a group's findings besides its files' contents: the cache key of its result.
  // The layout decides where missing copies are expected (named in findings): part of the key too.
  const settingsKey = keyOf({ run, layout: discovery.layout });
  const cache = options.cacheLocation ? new SummaryCache(resolve(cwd, options.cacheLocation), EXTRACTION_OPTIONS) : undefined;
  const runner = new GroupRunner(run, options.threads ?? defaultThreads());
  const total = groups.reduce((sum, group) => sum + group.files.length, 0);
  // Directories and links discovery could not walk; left out when only some pages are linted (in shard 1 only).
  const partial = options.only !== undefined || (options.shard !== undefined && options.shard.index !== 1);
  const findings: Finding[] = partial ? [] : discoveryFindings(discovery.problems, active);
  let files = 0;
  const directives: Record<string, FileDirectives> = {};
  const lintOne = async (group: PageGroup) => {
    const outcome = await lintOneGroup(group, () => expectedPaths(group), settingsKey, runner, cache);
    files += group.files.length;
    for (const finding of outcome.findings) findings.push(finding);
    Object.assign(directives, outcome.directives);
    options.onProgress?.(files, total);
  };
  try {
    await streamGroups(groups, lintOne);
  } finally {
    await runner.close();
  }
  // A full run knows every page: the results of pages that are gone need not be kept.
  if (cache && options.only === undefined && options.shard === undefined) cache.forgetGone(new Set(groups.map((group) => group.id)));
  cache?.flush();
  findings.sort(compareFindings);
  numberFingerprints(findings);
  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  return {
    version: 1,
    summary: { pages: groups.length, files, errors: count('error'), warnings: count('warning'), infos: count('info') },
    findings,
    layout: discovery.layout,
    files: groups.flatMap((group) => group.files.map((file) => file.file)),
    directives,
  };
}

/** Files in flight at once: enough to keep every worker busy, few enough that memory stays flat on any tree. */
const FILES_IN_FLIGHT = 256;

/** Run `work` over the groups, several at once, holding no more than a bounded number of files in memory. */
async function streamGroups(groups: PageGroup[], work: (group: PageGroup) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  let inFlight = 0;
  let failure: unknown;
  for (const group of groups) {
    while (running.size > 0 && inFlight + group.files.length > FILES_IN_FLIGHT) await Promise.race(running);
    if (failure) break;
    const size = group.files.length;
    inFlight += size;
    const task: Promise<void> = work(group)
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        inFlight -= size;
        running.delete(task);
      });
    running.add(task);
  }
  await Promise.all(running);
  if (failure) throw failure;
}

/**
 * Lint one group. Without a cache a worker reads the files itself. With one, the group's stored result is taken when
 * its key matches: the key is rebuilt from the content hashes the result recorded when every copy's size and time are
 * unchanged, else from the files read and hashed here. Only a miss goes to a worker, with the summaries the cache
 * still has for the copies that did not change.
 */
async function lintOneGroup(group: PageGroup, expected: () => Record<string, string>, settingsKey: string, runner: GroupRunner, cache: SummaryCache | undefined): Promise<GroupOutcome> {
  if (!cache) return runner.lint({ group, expected: expected() });
  const keyFor = (hashes: string[]) => keyOf({ settingsKey, group: group.id, files: group.files.map((file, index) => [file.locale, file.file, hashes[index]]) });
  const paths = group.files.map((file) => file.path);
  const stats = paths.map(statOf);
  const stored = cache.result(group.id);
  const unchanged = stored && cache.unchangedHashes(stored, paths, stats);
  if (stored && unchanged && keyFor(unchanged) === stored.key) return stored;
  const checkedAt = Date.now();
  const reads: ReadCopy[] = group.files.map((file) => {
    const read = readBytes(file.path);
    return read.ok ? { ok: true as const, bytes: read.bytes, hash: contentHash(read.bytes) } : read;
  });
  const stamps = reads.map((read, index) => (read.ok && stats[index] ? { path: paths[index]!, size: stats[index].size, mtimeMs: stats[index].mtimeMs, hash: read.hash, checkedAt } : null));
  const key = keyFor(reads.map((read) => (read.ok ? read.hash : `unreadable:${read.message}`)));
  // Same contents with new times (a checkout, a touch): the findings stand; only the stamps are new.
  if (stored?.key === key) {
    cache.keepResult(group.id, { ...stored, files: stamps });
    return stored;
  }
  const outcome = await runner.lint({ group, expected: expected(), reads, stored: cache.copies(group.id), storeAt: cache.summariesTarget(group.id) });
  cache.keepResult(group.id, { key, files: stamps, findings: outcome.findings, directives: outcome.directives });
  return outcome;
}

/** A file's size and times, or undefined when it cannot be stat'ed (reading it will say why). */
function statOf(path: string): Stats | undefined {
  try {
    // A missing file answers undefined without an exception to build: a fifth faster over a whole tree.
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Findings for what discovery could not walk (unreadable directories, link loops), under the unreadable-file rule. */
function discoveryFindings(problems: DiscoveryProblem[], active: Array<{ rule: Rule; severity: Severity }>): Finding[] {
  const unreadable = active.find(({ rule }) => rule.id === 'unreadable-file');
  if (!unreadable) return [];
  return problems.map((problem) => ({
    ruleId: unreadable.rule.id,
    severity: unreadable.severity,
    locale: '',
    file: problem.file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    message: problem.message,
    category: 'unreadable',
    fingerprint: hash(`${unreadable.rule.id}|${problem.file}|${problem.message}`),
    page: '',
  }));
}

function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
