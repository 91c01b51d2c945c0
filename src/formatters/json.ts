/** The JSON output contract of DESIGN.md: one object, which only grows. */
import type { LintResult } from '../types.js';

/** Format `result` as the documented JSON object. */
export function json(result: LintResult): string {
  const findings = result.findings.map(({ fix: _fix, page: _page, ...finding }) => finding);
  return `${JSON.stringify({ version: result.version, summary: result.summary, findings, layout: result.layout }, null, 2)}\n`;
}
