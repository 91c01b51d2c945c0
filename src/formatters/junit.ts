/** JUnit XML for CI systems that show test reports: one test suite per file, one failing test case per finding. */
import type { Finding, LintResult } from '../types.js';

/** Escape text for an XML attribute or text node. */
export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than producing a file no parser reads.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function testCase(finding: Finding): string {
  const name = `${finding.ruleId} at ${finding.line}:${finding.column}`;
  const detail = [finding.message, `${finding.file}:${finding.line}:${finding.column}`, finding.reference ? `reference: ${finding.reference.file}:${finding.reference.line}` : '']
    .filter(Boolean)
    .join('\n');
  return `    <testcase classname="${escapeXml(finding.file)}" name="${escapeXml(name)}" time="0">\n      <failure type="${escapeXml(finding.ruleId)}" message="${escapeXml(`${finding.severity}: ${finding.message}`)}">${escapeXml(detail)}</failure>\n    </testcase>`;
}

/** Format `result` as a JUnit XML report. */
export function junit(result: LintResult): string {
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const suites: string[] = [];
  for (const [file, findings] of byFile) {
    suites.push(`  <testsuite name="${escapeXml(file)}" tests="${findings.length}" failures="${findings.length}" errors="0" skipped="0">\n${findings.map(testCase).join('\n')}\n  </testsuite>`);
  }
  if (byFile.size === 0) {
    // A clean run still shows as one passing test, so the report is never empty.
    suites.push(`  <testsuite name="doc-drift" tests="1" failures="0" errors="0" skipped="0">\n    <testcase classname="doc-drift" name="${escapeXml(`no drift in ${result.summary.pages} pages`)}" time="0"/>\n  </testsuite>`);
  }
  const total = Math.max(result.findings.length, 1);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="doc-drift" tests="${total}" failures="${result.findings.length}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}
