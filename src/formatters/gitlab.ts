/** GitLab CI code quality report (a JSON array in the Code Climate subset GitLab reads). */
import type { LintResult, Severity } from '../types.js';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/** Format `result` for `artifacts: reports: codequality`. */
export function gitlab(result: LintResult): string {
  const issues = result.findings.map((finding) => ({
    description: finding.message,
    check_name: finding.ruleId,
    fingerprint: finding.fingerprint,
    severity: SEVERITY[finding.severity],
    location: { path: finding.file, lines: { begin: finding.line, end: finding.endLine } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
