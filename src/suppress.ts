/**
 * Inline suppression in HTML comments: `<!-- doc-drift-disable-next-line rule-id -->`, `-disable` / `-enable`,
 * `-disable-file` (in MDX, the same words in a comment expression).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rules } from '../rules/index.js';
import type { Directive, DirectiveKind, FileDirectives, Finding, LintResult, Severity } from './types.js';

export interface Range {
  directive: Directive;
  rules: string[];
  from: number;
  /** Inclusive; Infinity to the end of the file. */
  to: number;
  used: boolean;
}

// `<!-- doc-drift-… -->` in Markdown; `{/* doc-drift-… */}` in MDX, where HTML comments are not allowed.
const DIRECTIVE = /(?:<!--|\{\/\*)\s*doc-drift-(disable-next-line|disable-file|disable|enable)(?=\s|-->|\*\/)([^]*?)(?:-->|\*\/\})/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Find the directives of a Markdown text, line by line. Comments inside fenced code and front matter are code, not
 * directives. Returns each directive and, for each line that opens a fence, the line that closes it.
 */
export function parseDirectives(text: string): { directives: Directive[]; fenceEnds: Map<number, number> } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const directives: Directive[] = [];
  const fenceEnds = new Map<number, number>();
  let fence: { marker: string; line: number } | undefined;
  let start = 0;
  if (lines[0] === '---') {
    const close = lines.findIndex((line, index) => index > 0 && (line === '---' || line === '...'));
    if (close > 0) start = close + 1;
  }
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!;
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence.marker[0] && marker.length >= fence.marker.length && line.trim() === marker) {
        fenceEnds.set(fence.line, index + 1);
        fence = undefined;
      }
      continue;
    }
    if (marker && !(marker[0] === '`' && line.slice(line.indexOf(marker) + marker.length).includes('`'))) {
      fence = { marker, line: index + 1 };
      continue;
    }
    for (const match of line.matchAll(DIRECTIVE)) {
      // `-- a reason` after the rule ids is a comment for people.
      const names = match[2]!.split(/\s--\s|^--\s/)[0]!;
      const rules = names.split(/[\s,]+/).filter(Boolean);
      directives.push({ kind: match[1] as DirectiveKind, rules, line: index + 1, column: match.index + 1 });
    }
  }
  if (fence) fenceEnds.set(fence.line, lines.length);
  return { directives, fenceEnds };
}

/** The directives of a text, or undefined when it has none (most files: only a substring test is paid for them). */
export function fileDirectives(text: string): FileDirectives | undefined {
  if (!text.includes('doc-drift-')) return undefined;
  const { directives, fenceEnds } = parseDirectives(text);
  return directives.length ? { directives, fenceEnds: [...fenceEnds] } : undefined;
}

/** The line ranges of a file's directives. */
export function rangesFor(known: FileDirectives): Range[] {
  return rangesOf(known.directives, new Map(known.fenceEnds));
}

/** The ranges that suppress `finding`: on its line and naming its rule, or every rule. */
export function coveringRanges(ranges: Range[], finding: Pick<Finding, 'line' | 'ruleId'>): Range[] {
  return ranges.filter((range) => finding.line >= range.from && finding.line <= range.to && (range.rules.length === 0 || range.rules.includes(finding.ruleId)));
}

/** Turn directives into line ranges: next line (a whole fenced block when it opens one), disable…enable, whole file. */
function rangesOf(directives: Directive[], fenceEnds: Map<number, number>): Range[] {
  const ranges: Range[] = [];
  const open: Range[] = [];
  for (const directive of directives) {
    if (directive.kind === 'disable-file') ranges.push({ directive, rules: directive.rules, from: 1, to: Infinity, used: false });
    else if (directive.kind === 'disable-next-line') {
      const next = directive.line + 1;
      ranges.push({ directive, rules: directive.rules, from: next, to: fenceEnds.get(next) ?? next, used: false });
    } else if (directive.kind === 'disable') {
      const range: Range = { directive, rules: directive.rules, from: directive.line, to: Infinity, used: false };
      ranges.push(range);
      open.push(range);
    } else {
      // `enable` closes the open ranges it names (all of them when it names none).
      for (const range of [...open]) {
        const closes = directive.rules.length === 0 || (range.rules.length > 0 && range.rules.every((rule) => directive.rules.includes(rule)));
        if (!closes) continue;
        range.to = directive.line;
        open.splice(open.indexOf(range), 1);
      }
    }
  }
  return ranges;
}

export interface SuppressOptions {
  cwd: string;
  /** Honour directives (false with `--no-inline-config`). */
  inlineConfig: boolean;
  /** Report directives that suppressed nothing, at this severity. */
  reportUnused?: Severity;
}

/** Rule id of the finding reported for a directive that suppressed nothing. */
export const UNUSED_DIRECTIVE = 'unused-disable-directive';

/** Drop the findings that inline directives suppress, and report unused directives when asked; counts are redone. */
export function applyInlineConfig(result: LintResult, options: SuppressOptions): LintResult {
  if (!options.inlineConfig) return result;
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  // Unused directives can sit in any linted file, not only in files with findings.
  const files = options.reportUnused ? new Set([...(result.files ?? []), ...byFile.keys()]) : new Set(byFile.keys());
  const recorded = new Set(result.files ?? []);
  const unreadable = new Set(result.findings.filter((finding) => finding.ruleId === 'unreadable-file').map((finding) => finding.file));
  const kept: Finding[] = [];
  const added: Finding[] = [];
  for (const file of files) {
    const findings = byFile.get(file) ?? [];
    const known = directivesOf(file, result, options.cwd, recorded, unreadable);
    if (!known) {
      kept.push(...findings);
      continue;
    }
    const ranges = rangesFor(known);
    for (const finding of findings) {
      const covering = coveringRanges(ranges, finding);
      for (const range of covering) range.used = true;
      if (covering.length === 0) kept.push(finding);
    }
    if (!options.reportUnused) continue;
    const page = findings[0]?.page ?? '';
    const locale = findings[0]?.locale ?? '';
    for (const range of ranges.filter((candidate) => !candidate.used)) {
      const { directive } = range;
      const names = directive.rules.length ? ` (${directive.rules.map((rule) => `\`${rule}\``).join(', ')})` : '';
      const unknown = directive.rules.filter((rule) => !rules.some((known) => known.id === rule));
      added.push({
        ruleId: UNUSED_DIRECTIVE,
        severity: options.reportUnused,
        locale,
        file,
        line: directive.line,
        column: directive.column,
        endLine: directive.line,
        endColumn: directive.column,
        message: unknown.length
          ? `\`doc-drift-${directive.kind}\` directive names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((rule) => `\`${rule}\``).join(', ')} (see --list-rules)`
          : `Unused \`doc-drift-${directive.kind}\` directive${names}: nothing to suppress here`,
        fingerprint: `${UNUSED_DIRECTIVE}:${file}:${directive.kind}:${directive.rules.join(',')}:${directive.line}`,
        page,
      });
    }
  }
  const findings = [...kept, ...added].sort(byPosition);
  return recount({ ...result, findings });
}

/**
 * A file's directives: those lint() recorded when it parsed the file, else read from the file. Only the files of
 * `result.files` were recorded (a result combined from others reads the rest), and a file that could not be parsed
 * (not UTF-8, say) is read as well as it can be, so that `disable-file` still silences its unreadable-file finding.
 */
function directivesOf(file: string, result: LintResult, cwd: string, recorded: Set<string>, unreadable: Set<string>): FileDirectives | undefined {
  if (result.directives && recorded.has(file) && !unreadable.has(file)) return result.directives[file];
  try {
    return fileDirectives(readFileSync(resolve(cwd, file), 'utf8'));
  } catch {
    return undefined;
  }
}

function byPosition(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Redo the summary counts after findings were filtered. */
export function recount(result: LintResult): LintResult {
  const count = (severity: Severity) => result.findings.filter((finding) => finding.severity === severity).length;
  return { ...result, summary: { ...result.summary, errors: count('error'), warnings: count('warning'), infos: count('info') } };
}
