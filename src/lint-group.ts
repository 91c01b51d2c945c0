/** Lint the copies of one page group: each translation against the source, or every copy against every other. */
import { baseFingerprint, hash } from './fingerprint.js';
import { revisionOf } from './revisions.js';
import type { AgreementGroup, FileSummary, Finding, PageCopy, PageGroup, Report, Rule, RuleOptions, Severity, Span } from './types.js';

const ZERO: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** What linting a group needs besides its copies. */
export interface GroupContext {
  source?: string;
  locales: string[];
  active: Array<{ rule: Rule; severity: Severity }>;
  settings: RuleOptions;
  expectedPath(locale: string): string | undefined;
}

/** Lint the copies of one page: each translation against the source, or every copy against every other. */
export function lintGroup(group: PageGroup, copies: PageCopy[], context: GroupContext): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, severity } of context.active) {
    if (!rule.checkPage) continue;
    const reportPage = (copy: { locale: string; file: string }, report: Omit<Report, 'span'> & { span?: Span }) => {
      findings.push(stamp(rule, severity, group.id, copy.locale, copy.file, { ...report, span: report.span ?? ZERO }));
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
            report: (report) => findings.push(stamp(rule, severity, group.id, translation.locale, translation.file, report, reference.summary)),
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
        const finding = stamp(rule, severity, group.id, translation.locale, translation.file, { ...representative.report, message }, representative.other.summary);
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
  return finding;
}


