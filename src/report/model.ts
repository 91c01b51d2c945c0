/**
 * The report's data model: a plain function of a LintResult, shared by every format that summarises a run (the HTML
 * report, a Markdown summary), so that they never disagree with each other or with the JSON output.
 */
import { rules } from '../../rules/index.js';
import type { Finding, LayoutInfo, LintResult, LintSummary, Severity } from '../types.js';

/** Counts of findings by severity. */
export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
  total: number;
}

/** One cell of the pages × locales matrix. */
export interface MatrixCell extends SeverityCounts {
  worst: Severity;
}

/** One row of the matrix: a page group with at least one finding. */
export interface PageRow extends SeverityCounts {
  /** The page group's id (its path with the locale taken out). */
  page: string;
  worst: Severity;
  /** Only the locales with findings on this page. */
  cells: Record<string, MatrixCell>;
}

export interface RuleRow extends SeverityCounts {
  ruleId: string;
  description: string;
  /** Where the rule is documented. */
  docs: string;
  /** Pages with at least one finding of this rule. */
  pages: number;
}

export interface LocaleRow extends SeverityCounts {
  locale: string;
  /** Pages with at least one finding in this locale. */
  pages: number;
}

/** A finding as the report shows it: the JSON output's fields plus the page it belongs to. */
export type ReportFinding = Omit<Finding, 'fix'>;

export interface ReportModel {
  version: 1;
  /** The run's summary, exactly as in the JSON output. */
  summary: LintSummary;
  layout: LayoutInfo;
  /** Columns of the matrix: every locale of the tree, the source first. */
  locales: string[];
  /** Counts over all findings, by severity. */
  totals: SeverityCounts;
  /** Pages with findings, worst first, then by path. */
  pages: PageRow[];
  /** Pages of the run without any finding. */
  cleanPages: number;
  rules: RuleRow[];
  localeCounts: LocaleRow[];
  findings: ReportFinding[];
}

export interface ModelOptions {
  /** Documentation URL of a rule; defaults to `docs/rules/<id>.md`. */
  ruleDocs?: (ruleId: string) => string;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The more severe of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

function emptyCounts(): SeverityCounts {
  return { errors: 0, warnings: 0, infos: 0, total: 0 };
}

function count(counts: SeverityCounts, severity: Severity): void {
  if (severity === 'error') counts.errors++;
  else if (severity === 'warning') counts.warnings++;
  else counts.infos++;
  counts.total++;
}

/** Build the report model of a lint run: the matrix, the counts per rule and locale, and the findings. */
export function reportModel(result: LintResult, options: ModelOptions = {}): ReportModel {
  const ruleDocs = options.ruleDocs ?? ((id: string) => `docs/rules/${id}.md`);
  const totals = emptyCounts();
  const pages = new Map<string, PageRow>();
  const byRule = new Map<string, { counts: SeverityCounts; pages: Set<string> }>();
  const byLocale = new Map<string, { counts: SeverityCounts; pages: Set<string> }>();
  const findings: ReportFinding[] = [];

  for (const finding of result.findings) {
    const { fix: _fix, ...rest } = finding;
    findings.push(rest);
    count(totals, finding.severity);

    let row = pages.get(finding.page);
    if (!row) pages.set(finding.page, (row = { page: finding.page, worst: finding.severity, cells: {}, ...emptyCounts() }));
    row.worst = worse(row.worst, finding.severity);
    count(row, finding.severity);
    let cell = row.cells[finding.locale];
    if (!cell) row.cells[finding.locale] = cell = { worst: finding.severity, ...emptyCounts() };
    cell.worst = worse(cell.worst, finding.severity);
    count(cell, finding.severity);

    for (const [map, key] of [[byRule, finding.ruleId], [byLocale, finding.locale]] as const) {
      let entry = map.get(key);
      if (!entry) map.set(key, (entry = { counts: emptyCounts(), pages: new Set() }));
      count(entry.counts, finding.severity);
      entry.pages.add(finding.page);
    }
  }

  const pageRows = [...pages.values()].sort((a, b) => RANK[b.worst] - RANK[a.worst] || b.total - a.total || a.page.localeCompare(b.page));
  const ruleRows: RuleRow[] = rules
    .filter((rule) => byRule.has(rule.id))
    .map((rule) => {
      const entry = byRule.get(rule.id)!;
      return { ruleId: rule.id, description: rule.description, docs: ruleDocs(rule.id), pages: entry.pages.size, ...entry.counts };
    });
  // Findings of rules outside the registry (none today) still count.
  for (const [ruleId, entry] of byRule) {
    if (!ruleRows.some((row) => row.ruleId === ruleId)) ruleRows.push({ ruleId, description: '', docs: ruleDocs(ruleId), pages: entry.pages.size, ...entry.counts });
  }
  const locales = orderedLocales(result.layout, byLocale.keys());
  const localeRows: LocaleRow[] = locales
    .filter((locale) => byLocale.has(locale))
    .map((locale) => ({ locale, pages: byLocale.get(locale)!.pages.size, ...byLocale.get(locale)!.counts }));

  return {
    version: 1,
    summary: result.summary,
    layout: result.layout,
    locales,
    totals,
    pages: pageRows,
    cleanPages: Math.max(0, result.summary.pages - pageRows.length),
    rules: ruleRows,
    localeCounts: localeRows,
    findings,
  };
}

/** The layout's locales with the source first, plus any locale that only appears in findings. */
function orderedLocales(layout: LayoutInfo, seen: Iterable<string>): string[] {
  const locales = [...layout.locales];
  for (const locale of seen) if (!locales.includes(locale)) locales.push(locale);
  const rest = locales.filter((locale) => locale !== layout.source).sort();
  return layout.source && locales.includes(layout.source) ? [layout.source, ...rest] : rest;
}
