/** The HTML report of a lint run: `doc-drift report` and `--format html`. */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintResult } from '../types.js';
import { reportData, type ReportDataOptions } from './data.js';
import { renderHtml } from './html.js';

export { reportModel, type ReportModel, type ModelOptions } from './model.js';
export { reportData, type ReportData, type ReportDataOptions } from './data.js';
export { renderHtml } from './html.js';

export interface HtmlReportOptions extends Omit<ReportDataOptions, 'ruleDocs'> {
  /** Directory the report is written to: rule documentation links are made relative to it. */
  outputDir?: string;
}

/** Render the HTML report of `result`, reading the files it names from `options.cwd`. */
export function htmlReport(result: LintResult, options: HtmlReportOptions): string {
  return renderHtml(reportData(result, { ...options, ruleDocs: ruleDocsLink(options.outputDir ?? options.cwd) }));
}

/**
 * Where a rule's documentation is: the repository's page when package.json names a repository, otherwise the
 * `docs/rules/<id>.md` shipped with the package, relative to the report's directory.
 */
export function ruleDocsLink(fromDir: string): (ruleId: string) => string {
  const root = packageRoot();
  const repository = root ? repositoryUrl(root) : undefined;
  if (repository) return (id) => `${repository}/blob/main/docs/rules/${id}.md`;
  const docs = root ? relative(fromDir, join(root, 'docs', 'rules')).split('\\').join('/') || '.' : 'docs/rules';
  return (id) => `${docs}/${id}.md`;
}

function packageRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++, dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'doc-drift') return dir;
    } catch {
      // not the package root: go up
    }
  }
  return undefined;
}

function repositoryUrl(root: string): string | undefined {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository?: string | { url?: string } };
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const match = url ? /github\.com[/:]([^/]+\/[^/.]+)/.exec(url) : null;
  return match ? `https://github.com/${match[1]}` : undefined;
}
