/**
 * Repair drift from the reference copy: apply the byte-range fixes rules attach to findings, and nothing else.
 *
 * Fix ranges are offsets of the decoded text (BOM removed, see read.ts). Decoding is lossless (strict UTF-8), so
 * applying them to the text and encoding it again, BOM first, leaves every byte outside the ranges as it was.
 */
import { randomBytes } from 'node:crypto';
import { chmod, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { rules as allRules } from '../rules/index.js';
import { ruleOptions, UsageError } from './config.js';
import type { Discovery } from './discover.js';
import { extract } from './extract.js';
import { markerMoveFix } from './fix-edits.js';
import { coveringRanges, fileDirectives, rangesFor, type Range } from './suppress.js';
import { activeRules, discoverTree, type LintOptions } from './lint.js';
import { lintGroup } from './lint-group.js';
import { decode, type TextFile } from './read.js';
import type { FileSummary, Finding, Fix, PageCopy, PageFile, PageGroup, Rule, RuleOptions, Severity } from './types.js';

/** Kinds of fixes `--fix-type` can select; a rule id selects that rule's fixes too. */
export const FIX_TYPES = ['code', 'placeholders', 'headers', 'links', 'frontmatter', 'anchors', 'markers', 'admonitions', 'spacing'] as const;
export type FixType = (typeof FIX_TYPES)[number];

const TYPES_BY_RULE: Record<string, FixType[]> = {
  'code-block-content': ['code'],
  'code-block-language': ['code'],
  'inline-code': ['code'],
  'table-inline-code': ['code'],
  'link-target': ['links'],
  'frontmatter-values': ['frontmatter'],
  'frontmatter-keys': ['frontmatter'],
  'heading-anchor': ['anchors'],
  'do-not-translate': ['markers'],
  'admonition-keyword': ['admonitions'],
  'inline-code-spacing': ['spacing'],
};

/** The kinds a finding's fix belongs to, plus its rule id: what `--fix-type` matches. */
export function fixTypesOf(finding: Pick<Finding, 'ruleId' | 'category'>): string[] {
  const types: string[] = [...(TYPES_BY_RULE[finding.ruleId] ?? []), finding.ruleId];
  if (finding.category === 'placeholder-renamed') types.push('placeholders');
  if (finding.category === 'header-spacing' || finding.category === 'header-renamed') types.push('headers');
  return types;
}

/** Parse `--fix-type a,b`: fix types or rule ids; throws a UsageError for anything else. */
export function parseFixTypes(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const wanted = value.split(',').map((type) => type.trim()).filter(Boolean);
  const known = new Set<string>([...FIX_TYPES, ...allRules.filter((rule) => rule.fixable).map((rule) => rule.id)]);
  const unknown = wanted.filter((type) => !known.has(type));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new UsageError(`--fix-type: unknown type ${unknown.map((t) => `\`${t}\``).join(', ') || '(empty)'} (known: ${FIX_TYPES.join(', ')}, or a fixable rule id)`);
  }
  return wanted;
}

export interface AppliedFixes {
  text: string;
  /** Edits made, in offsets of the input text, sorted, with line breaks already in the file's style. */
  edits: Fix[];
  /** Indexes of the fix groups that were applied; the others overlapped an earlier one. */
  applied: number[];
}

/**
 * Apply groups of fixes (each group all or nothing, the fixes of one finding) to `text`: groups sorted by position,
 * a group that overlaps or touches one already taken is skipped (a later pass picks it up), and line breaks in
 * replacement text follow `eol`.
 */
export function applyFixes(text: string, groups: Fix[][], eol: '\n' | '\r\n'): AppliedFixes {
  const order = groups
    .map((fixes, index) => ({ fixes, index, start: Math.min(...fixes.map((fix) => fix.range[0])) }))
    .filter((group) => group.fixes.length > 0 && group.fixes.every((fix) => valid(fix, text.length)))
    .sort((a, b) => a.start - b.start || a.index - b.index);
  const taken: Fix[] = [];
  const applied: number[] = [];
  const clash = (a: Fix, b: Fix) => a.range[0] <= b.range[1] && b.range[0] <= a.range[1];
  for (const group of order) {
    const own = group.fixes.every((fix, i) => group.fixes.every((other, j) => i === j || !clash(fix, other)));
    if (!own || group.fixes.some((fix) => taken.some((other) => clash(fix, other)))) continue;
    taken.push(...group.fixes);
    applied.push(group.index);
  }
  taken.sort((a, b) => a.range[0] - b.range[0]);
  const edits = taken.map((fix) => ({ range: fix.range, text: withLineBreaks(fix.text, eol) }));
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.range[0]) + edit.text;
    at = edit.range[1];
  }
  return { text: out + text.slice(at), edits, applied };
}

function valid(fix: Fix, length: number): boolean {
  const [start, end] = fix.range;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length;
}

function withLineBreaks(text: string, eol: '\n' | '\r\n'): string {
  const lf = text.replace(/\r\n/g, '\n');
  return eol === '\n' ? lf : lf.replace(/\n/g, '\r\n');
}

/** The bytes of a decoded file: its BOM, if it had one, then its text as UTF-8. */
export function encode(file: Pick<TextFile, 'text' | 'bom'>): Uint8Array {
  return new TextEncoder().encode((file.bom ? '\ufeff' : '') + file.text);
}

export interface FixOptions extends LintOptions {
  /** The reference locale to take fixes from; default: the source locale. */
  from?: string;
  /** Fix types or rule ids to fix (see FIX_TYPES); default: every fixable finding. */
  types?: string[];
  /** Compute the fixes and diffs, write nothing. */
  dryRun?: boolean;
  /** Honour inline `doc-drift-disable` directives (default true). */
  inlineConfig?: boolean;
  /** Most fix passes per page (fixes that overlapped are applied in the next pass). */
  maxPasses?: number;
}

/** What was fixed in one file. */
export interface FixedFile {
  file: string;
  path: string;
  locale: string;
  before: TextFile;
  after: TextFile;
  /** Edits applied, pass by pass, in offsets of the text as it was before that pass. */
  passes: Fix[][];
  /** The findings fixed: rule, category and line (in the text before that pass). */
  fixed: Array<{ ruleId: string; category?: string; line: number; message: string }>;
  /** Why the file was not written, when it was not. */
  notWritten?: string;
}

export interface FixResult {
  /** The locale fixes were taken from. */
  reference?: string;
  /** Why nothing was fixed at all (no unambiguous reference). */
  refused?: string;
  files: FixedFile[];
  /** Findings left in translations after fixing: for a person, or outside `--fix-type`. */
  left: Finding[];
  /** Findings that still carried a fix after the last pass (fixes that keep producing fixes). */
  unsettled: number;
  dryRun: boolean;
}

/** Fix the drift of a localized tree from its reference copy; writes files unless `dryRun`. */
export async function fix(options: FixOptions): Promise<FixResult> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.root ?? '.');
  const dryRun = options.dryRun ?? false;
  const discovery = await discoverTree(options, cwd);
  const { layout } = discovery;
  if (options.from !== undefined && !layout.locales.includes(options.from)) {
    throw new UsageError(`--fix-from ${options.from}: no such locale (found: ${layout.locales.join(', ')})`);
  }
  const reference = options.from ?? layout.source;
  if (!reference) {
    return {
      refused:
        'no fix made: this tree has no source locale, so the copies are compared as peers and where they disagree nothing tells which one is right. ' +
        `Name the copy to take fixes from with --fix-from <locale> (one of ${layout.locales.join(', ')}), or set a source locale with --source.`,
      files: [],
      left: [],
      unsettled: 0,
      dryRun,
    };
  }
  const active = activeRules(options.rules);
  const settings = ruleOptions(options);
  const wanted = options.types ? new Set(options.types) : undefined;
  // The source copy is never rewritten, even when --fix-from names another locale.
  const selected = (finding: Finding) =>
    finding.fix !== undefined && finding.locale !== reference && finding.locale !== layout.source && (!wanted || fixTypesOf(finding).some((type) => wanted.has(type)));
  const maxPasses = options.maxPasses ?? 10;
  let groups = discovery.groups;
  if (options.only) {
    const only = new Set(options.only);
    groups = groups.filter((group) => group.files.some((file) => only.has(file.file)));
  }

  const result: FixResult = { reference, files: [], left: [], unsettled: 0, dryRun };
  const context: GroupFixContext = { reference, inlineConfig: options.inlineConfig ?? true, locales: layout.locales, active, settings, selected, maxPasses, discovery };
  for (const group of groups) {
    const outcome = await fixGroup(group, context);
    result.unsettled += outcome.unsettled;
    result.left.push(...outcome.left);
    for (const entry of outcome.files) {
      if (!dryRun) entry.notWritten = await writeFixed(root, entry.path, outcome.bytes.get(entry.file)!, encode(entry.after));
      result.files.push(entry);
    }
  }
  return result;
}

interface GroupFixContext {
  reference: string;
  /** Honour inline directives (false with `--no-inline-config`). */
  inlineConfig: boolean;
  locales: string[];
  active: Array<{ rule: Rule; severity: Severity }>;
  settings: RuleOptions;
  selected(finding: Finding): boolean;
  maxPasses: number;
  discovery: Discovery;
}

/**
 * Fix one page group in memory: lint, apply the selected fixes, lint again, until nothing selected is left or the
 * passes run out. Returns the changed files, the original bytes and what is left.
 */
async function fixGroup(
  group: PageGroup,
  context: GroupFixContext,
): Promise<{ files: FixedFile[]; bytes: Map<string, Uint8Array>; left: Finding[]; unsettled: number }> {
  const { reference, locales, active, settings, selected, maxPasses } = context;
  const texts = new Map<string, { page: PageFile; original: TextFile; bytes: Uint8Array; current: string; fixed: FixedFile | undefined; summary?: { text: string; summary: FileSummary } }>();
  const unreadable = new Map<string, string>();
  for (const page of group.files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(page.path);
    } catch (error) {
      unreadable.set(page.file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
    const decoded = decode(bytes);
    if (decoded.ok) texts.set(page.file, { page, original: decoded.file, bytes, current: decoded.file.text, fixed: undefined });
    else unreadable.set(page.file, decoded.message);
  }
  const lintNow = (): Finding[] => {
    const copies: PageCopy[] = group.files.map((page) => {
      const entry = texts.get(page.file);
      if (!entry) return { locale: page.locale, file: page.file, unreadable: unreadable.get(page.file) ?? 'cannot be read' };
      // Parse again only the files a pass changed.
      if (entry.summary?.text !== entry.current) entry.summary = { text: entry.current, summary: extract({ ...entry.original, text: entry.current }, page.file, page.locale) };
      return { locale: page.locale, file: page.file, summary: entry.summary.summary };
    });
    return lintGroup(group, copies, {
      source: reference,
      locales,
      active,
      settings,
      expectedPath: (locale) => context.discovery.expectedPath(group, locale),
    });
  };
  // Fixes that need the text itself, which rules do not see: markers moved out of their sentence.
  const withTextFixes = (list: Finding[]): Finding[] => {
    const referenceFile = group.files.find((page) => page.locale === reference)?.file;
    const referenceText = referenceFile ? texts.get(referenceFile)?.current : undefined;
    for (const finding of list) {
      if (finding.fix || finding.ruleId !== 'do-not-translate' || finding.category !== 'moved' || !referenceText || !finding.reference) continue;
      const text = texts.get(finding.file)?.current;
      if (text === undefined) continue;
      const start = offsetOf(text, finding.line, finding.column);
      const end = offsetOf(text, finding.endLine, finding.endColumn);
      const referenceLine = referenceText.split('\n')[finding.reference.line - 1] ?? '';
      const fixes = markerMoveFix(text, start, end, referenceLine);
      if (fixes) finding.fix = fixes;
    }
    return list;
  };
  // Inline directives (`<!-- doc-drift-disable-next-line rule -->`) keep a finding from being fixed too.
  const notSuppressed = (list: Finding[]): Finding[] => {
    if (!context.inlineConfig) return list;
    const ranges = new Map<string, Range[]>();
    return list.filter((finding) => {
      const text = texts.get(finding.file)?.current;
      if (text === undefined) return true;
      if (!ranges.has(finding.file)) {
        const known = fileDirectives(text);
        ranges.set(finding.file, known ? rangesFor(known) : []);
      }
      return coveringRanges(ranges.get(finding.file)!, finding).length === 0;
    });
  };
  let findings = withTextFixes(notSuppressed(lintNow()));
  for (let pass = 0; pass < maxPasses; pass++) {
    const candidates = findings.filter((finding) => selected(finding) && texts.has(finding.file));
    if (candidates.length === 0) break;
    for (const [file, entry] of texts) {
      const mine = candidates.filter((finding) => finding.file === file);
      if (mine.length === 0) continue;
      const outcome = applyFixes(entry.current, mine.map((finding) => finding.fix!), entry.original.eol);
      if (outcome.edits.length === 0) continue;
      entry.fixed ??= { file, path: entry.page.path, locale: entry.page.locale, before: entry.original, after: entry.original, passes: [], fixed: [] };
      entry.fixed.passes.push(outcome.edits);
      const appliedKeys = new Set(outcome.applied.map((index) => JSON.stringify(mine[index]!.fix)));
      // A duplicate finding with the very same fix is fixed by the copy that was applied.
      for (const finding of mine) {
        if (!appliedKeys.has(JSON.stringify(finding.fix))) continue;
        entry.fixed.fixed.push({ ruleId: finding.ruleId, category: finding.category, line: finding.line, message: finding.message });
      }
      entry.current = outcome.text;
    }
    findings = withTextFixes(notSuppressed(lintNow()));
  }
  const files: FixedFile[] = [];
  for (const entry of texts.values()) {
    if (!entry.fixed || entry.current === entry.original.text) continue;
    entry.fixed.after = { ...entry.original, text: entry.current };
    files.push(entry.fixed);
  }
  return {
    files,
    bytes: new Map([...texts].map(([file, entry]) => [file, entry.bytes])),
    left: findings.filter((finding) => finding.locale !== reference),
    unsettled: findings.filter((finding) => selected(finding) && texts.has(finding.file)).length,
  };
}

function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) at = text.indexOf('\n', at) + 1;
  return at + column - 1;
}

/** Write `bytes` to `path` atomically, if it lies inside `root` and still holds `original`; returns why not, or undefined. */
export async function writeFixed(root: string, path: string, original: Uint8Array, bytes: Uint8Array): Promise<string | undefined> {
  let real: string;
  try {
    const [realRoot, realPath] = [await realpath(root), await realpath(path)];
    real = realPath;
    const inside = relative(realRoot, realPath);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return `not written: it lies outside the project root ${root}`;
    const now = await readFile(realPath);
    if (!Buffer.from(now).equals(Buffer.from(original))) return 'not written: it changed on disk while fixing';
  } catch (error) {
    return `not written: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
  const temporary = join(dirname(real), `.${basename(real)}.doc-drift-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const { mode } = await stat(real);
    await writeFile(temporary, bytes, { flag: 'wx' });
    await chmod(temporary, mode & 0o7777);
    await rename(temporary, real);
    return undefined;
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    return `not written: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
}

/** A unified diff per changed file (line breaks shown as LF), for `--fix-dry-run`. */
export function fixDiff(result: FixResult): string {
  return result.files
    .map((file) => {
      const lf = (text: string) => text.replace(/\r\n/g, '\n');
      return createTwoFilesPatch(`a/${file.file}`, `b/${file.file}`, lf(file.before.text), lf(file.after.text), undefined, undefined, { context: 2 });
    })
    .join('');
}

/** A plain-text summary: what was fixed, by rule, and what is left for a person. */
export function fixSummary(result: FixResult): string {
  if (result.refused) return `doc-drift --fix: ${result.refused}\n`;
  const lines: string[] = [];
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;
  const fixedAll = result.files.flatMap((file) => file.fixed);
  const verb = result.dryRun ? 'would fix' : 'fixed';
  const byRule = new Map<string, number>();
  for (const item of fixedAll) byRule.set(item.ruleId, (byRule.get(item.ruleId) ?? 0) + 1);
  lines.push(
    `doc-drift --fix${result.dryRun ? '-dry-run' : ''}: ${verb} ${count(fixedAll.length, 'finding')} in ${count(result.files.length, 'file')}, taking ${result.reference} as the reference` +
      (byRule.size ? ` (${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ')})` : ''),
  );
  for (const file of result.files) {
    lines.push(`  ${file.file}: ${count(file.fixed.length, 'fix')}${file.notWritten ? `; ${file.notWritten}` : ''}`);
  }
  const notWritten = result.files.filter((file) => file.notWritten).length;
  if (notWritten) lines.push(`  ${count(notWritten, 'file')} could not be written: see above`);
  const fixable = result.left.filter((finding) => finding.fix).length;
  const byPerson = result.left.length - fixable;
  lines.push(`  left for a person: ${count(byPerson, 'finding')} with no safe automatic fix (prose, missing or extra content, peer disagreement)`);
  if (fixable > result.unsettled) lines.push(`  not selected by --fix-type: ${count(fixable - result.unsettled, 'fixable finding')}`);
  if (result.unsettled) lines.push(`  still fixable after the last pass: ${count(result.unsettled, 'finding')}; please report this`);
  return `${lines.join('\n')}\n`;
}
