/** Run every rule over every page group and stamp the findings: ids, severities, positions, fingerprints. */
import { createHash } from 'node:crypto';
import { relative, resolve } from 'node:path';
import { rules as allRules } from '../rules/index.js';
import { contentHash, keyOf, SummaryCache, type CachedCopy } from './cache.js';
import { ruleOptions, type Config } from './config.js';
import { discover, type DiscoveryProblem } from './discover.js';
import { baseFingerprint, numberFingerprints } from './fingerprint.js';
import { readBytes } from './read.js';
import { inShard, type Shard } from './shard.js';
import { revisionOf } from './revisions.js';
import { defaultThreads, Extractor } from './workers.js';
import type {
  AgreementGroup,
  FileSummary,
  Finding,
  LintResult,
  PageCopy,
  PageGroup,
  Report,
  Rule,
  RuleOptions,
  Severity,
  Span,
} from './types.js';

export interface LintOptions extends Config {
  /** Directory to lint, relative to `cwd`. */
  root?: string;
  /** Working directory: paths in findings are relative to it. */
  cwd?: string;
  /** Only lint the page groups these files (relative to cwd) belong to; deleted files count by their path. */
  only?: string[];
  /** Cache summaries and findings in this directory (absolute, or relative to cwd); no cache when unset. */
  cacheLocation?: string;
  /** Worker threads for parsing; 0 or 1 parses in-process (default: one per core, only for runs large enough). */
  threads?: number;
  /** Called as files are done: how many of how many. */
  onProgress?(done: number, total: number): void;
  /** Only lint the page groups of this shard (`--shard i/n`). */
  shard?: Shard;
}

/** Options that change what extraction produces; part of the cache key. None today: extraction is fixed. */
const EXTRACTION_OPTIONS = {};

const ZERO: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** Discover the page groups of the tree `options` describe. */
export function discoverTree(options: LintOptions, cwd: string) {
  return discover({
    root: options.root ?? '.',
    cwd,
    patterns: options.patterns,
    source: options.source,
    locales: options.locales,
    ignore: options.ignore,
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
  const context = (group: PageGroup): GroupContext => ({
    source,
    locales: discovery.layout.locales,
    active,
    settings,
    expectedPath: (locale) => discovery.expectedPath(group, locale),
  });
  // What decides a group's findings besides its files' contents: the cache key of its result.
  const settingsKey = keyOf({ source, locales: discovery.layout.locales, active: active.map(({ rule, severity }) => [rule.id, severity]), settings });
  const cache = options.cacheLocation ? new SummaryCache(resolve(cwd, options.cacheLocation), EXTRACTION_OPTIONS) : undefined;
  const extractor = new Extractor(options.threads ?? defaultThreads());
  const total = groups.reduce((sum, group) => sum + group.files.length, 0);
  // Directories and links discovery could not walk; left out when only some pages are linted (in shard 1 only).
  const partial = options.only !== undefined || (options.shard !== undefined && options.shard.index !== 1);
  const findings: Finding[] = partial ? [] : discoveryFindings(discovery.problems, active);
  let files = 0;
  const lintOne = async (group: PageGroup) => {
    const groupFindings = await readAndLintGroup(group, context(group), settingsKey, extractor, cache);
    files += group.files.length;
    for (const finding of groupFindings) findings.push(finding);
    options.onProgress?.(files, total);
  };
  try {
    await streamGroups(groups, lintOne);
  } finally {
    await extractor.close();
  }
  await cache?.flush();
  findings.sort(compareFindings);
  numberFingerprints(findings);
  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  return {
    version: 1,
    summary: { pages: groups.length, files, errors: count('error'), warnings: count('warning'), infos: count('info') },
    findings,
    layout: discovery.layout,
    files: groups.flatMap((group) => group.files.map((file) => file.file)),
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

/** Read a group's copies, take what the cache has, parse the rest, and lint the group (or take its cached findings). */
async function readAndLintGroup(group: PageGroup, context: GroupContext, settingsKey: string, extractor: Extractor, cache: SummaryCache | undefined): Promise<Finding[]> {
  const reads = await Promise.all(group.files.map((file) => readBytes(file.path)));
  const hashes = reads.map((read) => (read.ok ? contentHash(read.bytes) : `unreadable:${read.message}`));
  const expected = context.locales.map((locale) => context.expectedPath(locale) ?? '');
  const key = keyOf({ settingsKey, group: group.id, files: group.files.map((file, index) => [file.locale, file.file, hashes[index]]), expected });
  const cachedFindings = await cache?.findings(group.id, key);
  if (cachedFindings) return cachedFindings;
  const stored = (await cache?.copies(group.id)) ?? {};
  const fresh: Record<string, CachedCopy> = {};
  const copies = await Promise.all(
    group.files.map(async (file, index): Promise<PageCopy> => {
      const read = reads[index]!;
      if (!read.ok) return { locale: file.locale, file: file.file, unreadable: read.message };
      const hit = stored[file.file];
      const extracted =
        hit && hit.hash === hashes[index] && hit.locale === file.locale && hit.extracted && typeof hit.extracted === 'object'
          ? hit.extracted
          : await extractor.extract({ bytes: read.bytes, file: file.file, locale: file.locale });
      fresh[file.file] = { hash: hashes[index]!, locale: file.locale, extracted };
      return extracted.summary ? { locale: file.locale, file: file.file, summary: extracted.summary } : { locale: file.locale, file: file.file, unreadable: extracted.unreadable };
    }),
  );
  const findings = lintGroup(group, copies, context);
  await cache?.store(group.id, key, findings, fresh);
  return findings;
}

interface GroupContext {
  source?: string;
  locales: string[];
  active: Array<{ rule: Rule; severity: Severity }>;
  settings: RuleOptions;
  expectedPath(locale: string): string | undefined;
}

/** Lint the copies of one page: each translation against the source, or every copy against every other. */
export function lintGroup(group: PageGroup, copies: PageCopy[], context: GroupContext): Finding[] {
  const findings: Finding[] = [];
  const summaries = new Map(copies.flatMap((copy) => (copy.summary ? [[copy.file, copy.summary] as const] : [])));
  for (const { rule, severity } of context.active) {
    if (!rule.checkPage) continue;
    const reportPage = (copy: { locale: string; file: string }, report: Omit<Report, 'span'> & { span?: Span }) => {
      findings.push(stamp(rule, severity, group.id, copy.locale, copy.file, { ...report, span: report.span ?? ZERO }, summaries.get(copy.file)));
    };
    guard(rule, group, copies[0], findings, () =>
      rule.checkPage!({
        page: group.id,
        copies,
        source: context.source,
        locales: context.locales,
        options: context.settings,
        expectedPath: context.expectedPath,
        report: reportPage,
      }),
    );
  }
  const readable = copies.filter((copy): copy is PageCopy & { summary: FileSummary } => copy.summary !== undefined);
  const pairRules = context.active.filter(({ rule }) => rule.compare);
  const reference = context.source ? readable.find((copy) => copy.locale === context.source) : undefined;
  if (context.source) {
    if (!reference) return findings;
    for (const translation of readable) {
      if (translation === reference) continue;
      for (const { rule, severity } of pairRules) {
        guard(rule, group, translation, findings, () =>
          rule.compare!({
            reference: reference.summary,
            translation: translation.summary,
            hasSource: true,
            options: context.settings,
            report: (report) => findings.push(stamp(rule, severity, group.id, translation.locale, translation.file, report, translation.summary, reference.summary)),
          }),
        );
      }
    }
    return findings;
  }
  findings.push(...comparePeers(group, readable, pairRules, context.settings));
  return findings;
}

/**
 * With no source locale, compare every copy with every other and, for each element where they disagree, report on
 * each copy the groups of locales that agree, with the revisions they were translated from. No copy is taken as right.
 */
function comparePeers(
  group: PageGroup,
  copies: Array<PageCopy & { summary: FileSummary }>,
  pairRules: Array<{ rule: Rule; severity: Severity }>,
  settings: RuleOptions,
): Finding[] {
  type Copy = PageCopy & { summary: FileSummary };
  const findings: Finding[] = [];
  const revision = (summary: FileSummary) => revisionOf(summary, settings.revisionKeys)?.value;
  const sameValue = (report: Report) => `${report.subject ?? ''}|${report.category ?? ''}|${report.expected ?? ''}|${report.found ?? ''}`;
  for (const { rule, severity } of pairRules) {
    // reports[f][g]: what the rule says of copy f compared with copy g.
    const reports = new Map<Copy, Map<Copy, Report[]>>();
    for (const translation of copies) {
      const row = new Map<Copy, Report[]>();
      reports.set(translation, row);
      for (const other of copies) {
        if (other === translation) continue;
        const list: Report[] = [];
        row.set(other, list);
        guard(rule, group, translation, findings, () =>
          rule.compare!({ reference: other.summary, translation: translation.summary, hasSource: false, options: settings, report: (report) => list.push(report) }),
        );
      }
    }
    for (const translation of copies) {
      const byElement = new Map<string, Array<{ other: Copy; report: Report }>>();
      for (const [other, list] of reports.get(translation)!) {
        for (const report of list) {
          const key = report.key ?? `${report.span.start.offset}:${report.category ?? ''}:${report.found ?? ''}`;
          byElement.set(key, [...(byElement.get(key) ?? []), { other, report }]);
        }
      }
      for (const entries of byElement.values()) {
        const disagreeing = new Set(entries.map((entry) => entry.other));
        const first = entries[0]!.report;
        // Another copy agrees with this one when it differs from the same copies in the same way.
        const agreeing = [
          translation,
          ...copies.filter(
            (copy) =>
              copy !== translation &&
              !disagreeing.has(copy) &&
              entries.some(({ other, report }) => reports.get(copy)?.get(other)?.some((theirs) => sameValue(theirs) === sameValue(report))),
          ),
        ];
        const groups: AgreementGroup[] = [{ locales: agreeing.map((copy) => copy.locale), value: first.found, revisions: revisionsOf(agreeing, revision) }];
        const byValue = new Map<string, Copy[]>();
        for (const { other, report } of entries) {
          const value = report.expected ?? report.message;
          byValue.set(value, [...(byValue.get(value) ?? []), other]);
        }
        for (const [value, others] of byValue) groups.push({ locales: others.map((copy) => copy.locale), value, revisions: revisionsOf(others, revision) });
        const largest = [...byValue.values()].sort((a, b) => b.length - a.length)[0]!;
        const representative = entries.find((entry) => entry.other === largest[0])!;
        const message = peerMessage(first.subject ?? first.message, groups);
        const finding = stamp(rule, severity, group.id, translation.locale, translation.file, { ...representative.report, message }, translation.summary, representative.other.summary);
        finding.groups = groups;
        findings.push(finding);
      }
    }
  }
  return findings;
}

function revisionsOf(copies: Array<{ locale: string; summary: FileSummary }>, revision: (summary: FileSummary) => string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const copy of copies) {
    const value = revision(copy.summary);
    if (value) out[copy.locale] = value;
  }
  return out;
}

function peerMessage(subject: string, groups: AgreementGroup[]): string {
  const parts = groups.map((group) => {
    const revisions = [...new Set(Object.values(group.revisions))].map((value) => (/^[0-9a-f]{40}$/i.test(value) ? value.slice(0, 7) : value));
    const value = group.value === undefined || group.value === '(none)' ? 'none' : `\`${group.value.replace(/`/g, "'").slice(0, 80)}\``;
    return `${value} in ${group.locales.join(', ')}${revisions.length ? ` (from ${revisions.join(', ')})` : ''}`;
  });
  return `${subject}: copies disagree, no source locale to decide: ${parts.join('; ')}`;
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

/** Run a rule; a rule that throws becomes a finding on the page, never a crash. */
function guard(rule: Rule, group: PageGroup, copy: PageCopy | undefined, findings: Finding[], run: () => void): void {
  try {
    run();
  } catch (error) {
    findings.push({
      ruleId: rule.id,
      severity: 'error',
      locale: copy?.locale ?? '',
      file: copy?.file ?? group.id,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      message: `Internal error in rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}; please report it`,
      category: 'internal-error',
      fingerprint: hash(`${rule.id}|${group.id}|${copy?.locale}|internal`),
      page: group.id,
    });
  }
}

/** Turn a rule's report into a finding: id, severity, positions checked, fingerprint. */
function stamp(
  rule: Rule,
  severity: Severity,
  page: string,
  locale: string,
  file: string,
  report: Report,
  summary: FileSummary | undefined,
  reference?: FileSummary,
): Finding {
  const span = report.span;
  if (span.start.line < 1 || span.end.line < span.start.line) {
    throw new Error(`rule ${rule.id} reported an impossible position ${span.start.line}:${span.start.column}-${span.end.line}:${span.end.column}`);
  }
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    locale,
    file,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    message: report.message,
    fingerprint: baseFingerprint({ ruleId: rule.id, page, locale, category: report.category, expected: report.expected, found: report.found, message: report.message }),
    page,
  };
  if (report.category) finding.category = report.category;
  if (reference) {
    finding.reference = { locale: reference.locale, file: reference.file, line: report.referenceSpan?.start.line ?? 1 };
  }
  if (report.fix?.length) {
    finding.fixable = true;
    finding.fix = report.fix;
  }
  void summary;
  return finding;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
