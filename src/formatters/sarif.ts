/** SARIF 2.1.0 for code scanning: one run, rule metadata with help links, the reference copy as a related location. */
import { rules } from '../../rules/index.js';
import type { Finding, LintResult, Severity } from '../types.js';
import { REPOSITORY_URL, ruleHelpUri, toolVersion } from './meta.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
}

function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

/** Rule entries for the driver: every registered rule, plus any other id a finding carries (e.g. a directive report). */
function sarifRules(findings: Finding[]): SarifRule[] {
  const entries: SarifRule[] = rules.map((rule) => ({
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    helpUri: ruleHelpUri(rule.id),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  }));
  for (const finding of findings) {
    if (entries.some((entry) => entry.id === finding.ruleId)) continue;
    entries.push({
      id: finding.ruleId,
      name: ruleName(finding.ruleId),
      shortDescription: { text: finding.ruleId.replace(/-/g, ' ') },
      helpUri: `${REPOSITORY_URL}#readme`,
      defaultConfiguration: { level: LEVEL[finding.severity] },
    });
  }
  return entries;
}

function uri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** Format `result` as a SARIF 2.1.0 log. */
export function sarif(result: LintResult): string {
  const driverRules = sarifRules(result.findings);
  const index = new Map(driverRules.map((rule, i) => [rule.id, i]));
  const results = result.findings.map((finding) => {
    const entry: Record<string, unknown> = {
      ruleId: finding.ruleId,
      ruleIndex: index.get(finding.ruleId),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uri(finding.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
          },
        },
      ],
      partialFingerprints: { 'docDrift/v1': finding.fingerprint },
      properties: { locale: finding.locale, page: finding.page, ...(finding.category ? { category: finding.category } : {}) },
    };
    if (finding.reference) {
      entry.relatedLocations = [
        {
          id: 1,
          message: { text: `Reference copy (${finding.reference.locale})` },
          physicalLocation: {
            artifactLocation: { uri: uri(finding.reference.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: finding.reference.line },
          },
        },
      ];
    }
    return entry;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'doc-drift', version: toolVersion(), informationUri: REPOSITORY_URL, rules: driverRules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
