/**
 * One page group's whole work as plain data: read its copies, parse what the cache does not have, run the rules.
 * The same function runs in-process and in a worker thread, so a worker sends back findings (and directives), never
 * summaries: the cache's copy of them is written by the thread that made them.
 */
import { rules as allRules } from '../rules/index.js';
import { writeSummaries, type CachedCopy, type SummariesTarget } from './cache.js';
import { extract } from './extract.js';
import { lintGroup } from './lint-group.js';
import { decode, readBytes } from './read.js';
import type { FileDirectives, FileSummary, Finding, PageCopy, PageGroup, Rule, RuleOptions, Severity } from './types.js';

/** What parsing one file gives: its summary, or why it could not be read. */
export type Extracted = { summary: FileSummary; unreadable?: undefined } | { summary?: undefined; unreadable: string };

/** One file to parse: its bytes, its path relative to the working directory, its locale. */
export interface ExtractTask {
  bytes: Uint8Array;
  file: string;
  locale: string;
  /** Read only what page-level rules use (see extract). */
  frontMatterOnly?: boolean;
}

/** The settings every group of a run shares; sent to each worker once. */
export interface RunSettings {
  source?: string;
  locales: string[];
  /** Rule ids that are on, with their severities. */
  active: Array<[string, Severity]>;
  settings: RuleOptions;
}

/** A file as the main thread already read it (when the cache needs its hash), or not read yet. */
export type ReadCopy = { ok: true; bytes: Uint8Array; hash: string } | { ok: false; message: string };

/** One page group to lint. */
export interface GroupTask {
  group: PageGroup;
  /** Where each locale's copy would be, for messages about missing copies. */
  expected: Record<string, string>;
  /** The copies, when the main thread read them already; otherwise the task reads them. */
  reads?: ReadCopy[];
  /** Summaries the cache has for this group, by file; used when the hash matches. */
  stored?: Record<string, CachedCopy>;
  /** Where to write the copies' summaries for the cache (with `reads`, which give their hashes). */
  storeAt?: SummariesTarget;
}

/** What linting a group gives: its findings and its files' inline directives. */
export interface GroupOutcome {
  findings: Finding[];
  /** The directives of the group's files that have any, by file: applied after the run without reading files again. */
  directives?: Record<string, FileDirectives>;
}

/** Decode and extract one file in this thread. */
export function summarize(task: ExtractTask): Extracted {
  const read = decode(task.bytes);
  if (!read.ok) return { unreadable: read.message };
  return { summary: extract(read.file, task.file, task.locale, { frontMatterOnly: task.frontMatterOnly }) };
}

/** Read (unless given), parse (unless stored) and lint one page group. */
export function runGroupTask(task: GroupTask, run: RunSettings): GroupOutcome {
  const { group } = task;
  // A page with one copy has nothing to compare it with: only page-level rules run, and they need its front matter.
  const alone = group.files.length === 1;
  const fresh: Record<string, CachedCopy> = {};
  const copies: PageCopy[] = [];
  for (const [index, file] of group.files.entries()) {
    const given = task.reads?.[index];
    const read = given ?? readBytes(file.path);
    if (!read.ok) {
      copies.push({ locale: file.locale, file: file.file, unreadable: read.message });
      continue;
    }
    const hash = given?.ok ? given.hash : undefined;
    const hit = task.stored?.[file.file];
    const usable = hit && hash !== undefined && hit.hash === hash && hit.locale === file.locale && hit.extracted && typeof hit.extracted === 'object';
    const extracted =
      usable && (alone || !hit.extracted.summary?.partial) ? hit.extracted : summarize({ bytes: read.bytes, file: file.file, locale: file.locale, frontMatterOnly: alone });
    if (hash !== undefined) fresh[file.file] = { hash, locale: file.locale, extracted };
    copies.push(extracted.summary ? { locale: file.locale, file: file.file, summary: extracted.summary } : { locale: file.locale, file: file.file, unreadable: extracted.unreadable });
  }
  const findings = lintGroup(group, copies, {
    source: run.source,
    locales: run.locales,
    active: activeFromIds(run.active),
    settings: run.settings,
    expectedPath: (locale) => task.expected[locale],
  });
  const outcome: GroupOutcome = { findings };
  for (const copy of copies) {
    if (copy.summary?.directives) (outcome.directives ??= {})[copy.file] = copy.summary.directives;
  }
  if (task.storeAt) writeSummaries(task.storeAt, fresh);
  return outcome;
}

const byId = new Map(allRules.map((rule) => [rule.id, rule]));
const resolved = new WeakMap<RunSettings['active'], Array<{ rule: Rule; severity: Severity }>>();

/** The rule objects behind a run's rule ids (a worker receives ids: functions cannot cross threads). */
function activeFromIds(active: RunSettings['active']): Array<{ rule: Rule; severity: Severity }> {
  let list = resolved.get(active);
  if (!list) {
    list = active.flatMap(([id, severity]) => {
      const rule = byId.get(id);
      return rule ? [{ rule, severity }] : [];
    });
    resolved.set(active, list);
  }
  return list;
}
