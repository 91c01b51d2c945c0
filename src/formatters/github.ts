/** GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per finding. */
import type { LintResult, Severity } from '../types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escape the message part of a workflow command (GitHub's rules: `%`, CR, LF). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value of a workflow command: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Format `result` as workflow commands that GitHub shows as annotations on the changed lines. */
export function github(result: LintResult): string {
  return result.findings
    .map((finding) => {
      const properties = [
        `file=${escapeProperty(finding.file)}`,
        `line=${finding.line}`,
        `endLine=${finding.endLine}`,
        // GitHub ignores columns on multi-line annotations; give them only where they mean something.
        ...(finding.line === finding.endLine ? [`col=${finding.column}`, `endColumn=${finding.endColumn}`] : []),
        `title=${escapeProperty(`doc-drift ${finding.ruleId} (${finding.locale})`)}`,
      ];
      const reference = finding.reference ? ` (reference: ${finding.reference.file}:${finding.reference.line})` : '';
      return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message + reference)}\n`;
    })
    .join('');
}
