/** A Markdown report for `$GITHUB_STEP_SUMMARY` or a pull request comment: counts, then one table per file. */
import { reportModel, type ReportFinding } from '../report/model.js';
import type { LintResult } from '../types.js';

/** GitHub rejects step summaries over 1 MiB; past this many findings the rest are counted, not listed. */
const MAX_ROWS = 1000;

const ICON = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' } as const;

/** Make `text` safe inside a Markdown table cell: no line breaks, no column separators, no stray HTML. */
export function escapeCell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Format `result` as a Markdown summary, from the same data model as the HTML report, so the two never disagree. */
export function markdown(result: LintResult): string {
  const model = reportModel(result);
  const { errors, warnings, infos, total } = model.totals;
  const { pages, files } = model.summary;
  const layout = `${model.layout.name} layout, ${model.layout.source ? `source \`${model.layout.source}\`` : 'no source locale'}`;
  // The invisible marker lets a bot find and update its earlier pull request comment instead of adding another.
  const lines = ['<!-- doc-drift-report -->', '## doc-drift', ''];
  if (total === 0) {
    lines.push(`✅ No drift in ${pages} page${pages === 1 ? '' : 's'} (${files} files; ${layout}).`, '');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `${errors > 0 ? '❌' : '⚠️'} **${total} finding${total === 1 ? '' : 's'}** in ${model.pages.length} of ${pages} page${pages === 1 ? '' : 's'} (${files} files; ${layout}).`,
    '',
    '| errors | warnings | info |',
    '| ---: | ---: | ---: |',
    `| ${errors} | ${warnings} | ${infos} |`,
    '',
    '<details><summary>By rule and by locale</summary>',
    '',
    '| rule | errors | warnings | info | pages |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...model.rules.map((rule) => `| [\`${rule.ruleId}\`](${rule.docs}) | ${rule.errors} | ${rule.warnings} | ${rule.infos} | ${rule.pages} |`),
    '',
    '| locale | errors | warnings | info | pages |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...model.localeCounts.map((locale) => `| \`${locale.locale}\` | ${locale.errors} | ${locale.warnings} | ${locale.infos} | ${locale.pages} |`),
    '',
    '</details>',
    '',
  );
  const byFile = new Map<string, ReportFinding[]>();
  for (const finding of model.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  let shown = 0;
  for (const [file, findings] of byFile) {
    if (shown >= MAX_ROWS) break;
    lines.push(`### \`${file.replace(/`/g, "'")}\``, '', '| line | severity | rule | message | reference |', '| ---: | --- | --- | --- | --- |');
    for (const finding of findings) {
      if (shown >= MAX_ROWS) break;
      shown++;
      const reference = finding.reference ? `\`${escapeCell(finding.reference.file)}:${finding.reference.line}\`` : '';
      lines.push(`| ${finding.line} | ${ICON[finding.severity]} | \`${finding.ruleId}\` | ${escapeCell(finding.message)} | ${reference} |`);
    }
    lines.push('');
  }
  if (shown < total) lines.push(`…and ${total - shown} more: run doc-drift locally or download the full report.`, '');
  return `${lines.join('\n')}\n`;
}
