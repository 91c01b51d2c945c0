/** Human-readable output grouped by file, in the manner of ESLint's stylish formatter. */
import pc from 'picocolors';
import type { Finding, LintResult } from '../types.js';

export interface FormatContext {
  color: boolean;
  /** Directory the findings' paths are relative to, for formats that read the files (html). */
  cwd?: string;
  /** Absolute path of the file the output is written to, when it is (links in the html format are relative to it). */
  outputFile?: string;
}

/** Format `result` for a terminal: one block per file, one line per finding, a summary at the end. */
export function stylish(result: LintResult, context: FormatContext): string {
  const c = pc.createColors(context.color);
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push(c.underline(file));
    const width = Math.max(...findings.map((f) => `${f.line}:${f.column}`.length));
    for (const finding of findings) {
      const severity = finding.severity === 'error' ? c.red('error  ') : finding.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
      const place = `${finding.line}:${finding.column}`.padEnd(width);
      lines.push(`  ${c.dim(place)}  ${severity}  ${finding.message}  ${c.dim(finding.ruleId)}`);
      if (finding.reference) lines.push(`  ${' '.repeat(width)}             ${c.dim(`reference: ${finding.reference.file}:${finding.reference.line}`)}`);
    }
    lines.push('');
  }
  const { errors, warnings, infos, pages, files } = result.summary;
  const total = errors + warnings + infos;
  const layout = `${result.layout.name} layout, ${result.layout.source ? `source ${result.layout.source}` : 'no source locale (copies compared as peers)'}`;
  if (total === 0) {
    lines.push(c.green(`✔ No drift in ${pages} page${pages === 1 ? '' : 's'} (${files} files; ${layout})`));
  } else {
    const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`, `${infos} info`];
    const text = `✖ ${total} finding${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${pages} page${pages === 1 ? '' : 's'}, ${files} files; ${layout}`;
    lines.push(errors > 0 ? c.red(c.bold(text)) : c.yellow(c.bold(text)));
  }
  return `${lines.join('\n')}\n`;
}
