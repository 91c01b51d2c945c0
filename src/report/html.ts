/** The HTML report: one self-contained file (inline CSS, script and data) that opens from disk without a network. */
import { reportClient } from './client.js';
import type { AgreementGroup } from '../types.js';
import type { ReportData } from './data.js';

const CSS = `
:root { --error: #c62828; --error-bg: #fde0dc; --warning: #a15c00; --warning-bg: #ffecb3; --info: #1565c0; --info-bg: #dbeafe;
  --clean-bg: #eef5ee; --line: #d7dbe0; --muted: #5f6b7a; --ins: #c8f0cf; --del: #ffd7d5; font-family: system-ui, sans-serif; color: #1f2328; }
body { margin: 0; background: #fff; }
header.top { padding: 14px 24px; border-bottom: 1px solid var(--line); background: #f6f8fa; }
header.top h1 { font-size: 20px; margin: 0 0 4px; }
header.top .meta { color: var(--muted); font-size: 13px; margin: 0; }
.totals { display: flex; gap: 10px; margin-top: 10px; flex-wrap: wrap; }
.totals span { padding: 3px 10px; border-radius: 12px; font-size: 13px; background: #fff; border: 1px solid var(--line); }
.totals .error { color: var(--error); } .totals .warning { color: var(--warning); } .totals .info { color: var(--info); }
main { padding: 12px 24px 40px; }
h2 { font-size: 16px; margin: 20px 0 8px; } h3 { font-size: 15px; margin: 22px 0 8px; }
.filters { display: flex; gap: 14px; flex-wrap: wrap; align-items: center; padding: 10px 12px; background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; font-size: 13px; position: sticky; top: 0; z-index: 2; }
.filters select, .filters input { font: inherit; padding: 3px 6px; } .filters input { width: 240px; }
.status { color: var(--muted); font-size: 13px; }
.tables { display: flex; gap: 32px; flex-wrap: wrap; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; }
thead th { background: #f6f8fa; position: sticky; top: 0; }
th.sortable { cursor: pointer; user-select: none; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot th, tfoot td { font-weight: 600; background: #f6f8fa; }
.scroll { overflow: auto; max-height: 78vh; border: 1px solid var(--line); }
.matrix { border: 0; table-layout: fixed; width: max-content; } .matrix th.page-col { width: 300px; } .matrix thead th { width: 40px; } .matrix thead th:nth-child(2) { width: 64px; } .matrix th.page-col { text-align: left; font-weight: normal; max-width: 520px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.matrix thead th { z-index: 1; } .matrix .locale-col.source { text-decoration: underline; }
.matrix td { text-align: center; min-width: 38px; font-variant-numeric: tabular-nums; }
.matrix td a { color: inherit; text-decoration: none; display: block; }
.error.cell, .total.error { background: var(--error-bg); color: var(--error); }
.warning.cell, .total.warning { background: var(--warning-bg); color: var(--warning); }
.info.cell, .total.info { background: var(--info-bg); color: var(--info); }
.cell.clean { background: var(--clean-bg); }
.badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; font-weight: 600; }
.badge.error { background: var(--error-bg); color: var(--error); } .badge.warning { background: var(--warning-bg); color: var(--warning); }
.badge.info { background: var(--info-bg); color: var(--info); } .badge.clean { background: var(--clean-bg); color: #2e6b34; }
a.rule { font-family: ui-monospace, monospace; }
button.link { border: 0; background: none; color: var(--muted); cursor: pointer; font-size: 12px; text-decoration: underline; padding: 0 2px; }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--info); border-radius: 6px; margin: 10px 0; padding: 8px 12px; }
.finding.error { border-left-color: var(--error); } .finding.warning { border-left-color: var(--warning); }
.finding header { font-size: 13px; } .finding .where { color: var(--muted); font-family: ui-monospace, monospace; font-size: 12px; }
.finding .category { margin-left: 6px; font-size: 12px; color: var(--muted); }
.message { margin: 6px 0; } .message code { background: #f0f2f4; padding: 0 3px; border-radius: 3px; font-size: 13px; }
tbody th { text-align: left; font-weight: normal; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
.side, .copy { min-width: 0; } .side-title { font-size: 12px; color: var(--muted); margin-bottom: 2px; }
table.lines, table.diff { width: 100%; table-layout: fixed; font-family: ui-monospace, monospace; font-size: 12px; }
table.lines td, table.diff td { border: 0; padding: 0 6px; white-space: pre-wrap; word-break: break-word; vertical-align: top; }
col.ln { width: 3.5em; } td.ln { width: 3.5em; text-align: right; color: var(--muted); user-select: none; }
tr.hit td.code { background: #fff5b1; } tr.hit.error td.code { background: var(--error-bg); } tr.hit.warning td.code { background: var(--warning-bg); } tr.hit.info td.code { background: var(--info-bg); }
table.diff th { font-family: system-ui, sans-serif; font-weight: 600; text-align: left; }
td.code.del { background: #fff1f0; } td.code.ins { background: #effaf1; }
del { background: var(--del); text-decoration: none; } ins { background: var(--ins); text-decoration: none; }
td.code.empty { background: #f6f8fa; }
table.diff tr.at td.ln { color: #1f2328; font-weight: 700; box-shadow: inset 3px 0 0 #1f2328; }
details.same-block summary { cursor: pointer; color: var(--muted); font-size: 13px; }
tr.skip td { color: var(--muted); text-align: center; background: #f6f8fa; }
table.groups { margin: 6px 0; } table.groups tr.own td { font-weight: 600; }
.rev { display: inline-block; margin-right: 8px; font-family: ui-monospace, monospace; font-size: 12px; }
details#copies { margin: 10px 0; } details#copies summary { cursor: pointer; font-weight: 600; }
.copies { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(380px, 1fr); gap: 10px; overflow-x: auto; margin-top: 8px; }
.note { color: var(--muted); font-style: italic; }
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that is safe inside a script element: no `</script>` or comment openers can end it early. */
function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** One finding as embedded: strings are indexes into the string table; see `decode` in client.ts. */
type PackedFinding = [
  rule: number, severity: number, locale: number, file: number, page: number, line: number, column: number, endLine: number,
  message: string, category: number, reference: [locale: number, file: number, line: number] | 0, groups: AgreementGroup[] | 0, diff: number,
];

/** The embedded form of the data: findings as arrays over a string table, about a third of the size of objects. */
function pack(data: ReportData) {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (value: string) => {
    let index = ids.get(value);
    if (index === undefined) ids.set(value, (index = strings.push(value) - 1));
    return index;
  };
  const diffKeys = Object.keys(data.diffs);
  const diffIndex = new Map(diffKeys.map((key, index) => [key, index]));
  const findings = data.model.findings.map((f, index): PackedFinding => [
    id(f.ruleId), id(f.severity), id(f.locale), id(f.file), id(f.page), f.line, f.column, f.endLine, f.message, f.category ? id(f.category) : -1,
    f.reference ? [id(f.reference.locale), id(f.reference.file), f.reference.line] : 0, f.groups ?? 0,
    data.diffOf[index] === undefined ? -1 : diffIndex.get(data.diffOf[index]!)!,
  ]);
  return {
    title: data.title, excerpts: data.excerpts, unreadable: data.unreadable, texts: data.texts,
    diffs: diffKeys.map((key) => data.diffs[key]!), strings, findings, model: { ...data.model, findings: [] },
  };
}

/** Render the report's data as one HTML document. */
export function renderHtml(data: ReportData): string {
  const { summary, layout, totals } = data.model;
  const layoutText = `${layout.name} layout, ${layout.source ? `source ${layout.source}` : 'no source locale: copies compared as peers'}, ${layout.locales.length} locales`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="doc-drift">
<title>${escapeHtml(data.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top">
<h1>${escapeHtml(data.title)}</h1>
<p class="meta">${escapeHtml(layoutText)}; ${summary.pages.toLocaleString('en')} pages, ${summary.files.toLocaleString('en')} files${data.excerpts ? '; file text limited to excerpts around findings' : ''}</p>
<div class="totals" id="totals"><span class="error" data-count="${totals.errors}">${totals.errors.toLocaleString('en')} errors</span><span class="warning" data-count="${totals.warnings}">${totals.warnings.toLocaleString('en')} warnings</span><span class="info" data-count="${totals.infos}">${totals.infos.toLocaleString('en')} info</span><span data-count="${data.model.pages.length}">${data.model.pages.length.toLocaleString('en')} ${data.model.pages.length === 1 ? 'page' : 'pages'} with drift</span></div>
</header>
<div id="app"><main><p class="status">Loading ${totals.total.toLocaleString('en')} findings…</p></main></div>
<noscript><p>This report needs JavaScript to show the findings.</p></noscript>
<script type="application/json" id="report-data">${embedJson(pack(data))}</script>
<script>(${reportClient.toString()})();</script>
</body>
</html>
`;
}
