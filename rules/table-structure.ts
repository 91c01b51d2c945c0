import { alignTables } from '../src/elements.js';
import { differs, quote, where } from '../src/messages.js';
import type { Rule, Table, TableRow } from '../src/types.js';

/** Tables missing or extra, with another column count, or with rows dropped or added. */
export const tableStructure: Rule = {
  id: 'table-structure',
  description: 'Tables keep the reference’s tables, columns and rows',
  fixable: false,
  defaultSeverity: 'error',
  compare(context) {
    const { reference, translation } = context;
    for (const pair of alignTables(reference.tables, translation.tables)) {
      const ref = pair.reference;
      const tr = pair.translation;
      if (ref && !tr) {
        const at = translation.tables[0]?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
        context.report({
          message: `Missing table that ${where(reference, ref.span)} has (${describe(ref)}, first row ${quote(rowKey(ref.rows[0]))})`,
          subject: `Table with first row ${quote(rowKey(ref.rows[0]))}`,
          span: { start: at.start, end: at.start },
          referenceSpan: ref.span,
          category: 'missing-table',
          key: `missing:${pair.referenceIndex}`,
          expected: 'present',
          found: 'missing',
        });
        continue;
      }
      if (tr && !ref) {
        context.report({
          message: `Extra table (${describe(tr)}, first row ${quote(rowKey(tr.rows[0]))}) that ${reference.locale} does not have`,
          subject: `Table with first row ${quote(rowKey(tr.rows[0]))}`,
          span: tr.span,
          category: 'extra-table',
          expected: 'absent',
          found: 'present',
        });
        continue;
      }
      if (!ref || !tr) continue;
      if (ref.columns !== tr.columns) {
        context.report(differs(context, 'Table column count', String(ref.columns), String(tr.columns), tr.rows[0]?.span ?? tr.span, ref.rows[0]?.span ?? ref.span, { category: 'columns' }));
      }
      if (ref.rows.length !== tr.rows.length) rows(context, ref, tr);
    }
  },
};

function describe(table: Table): string {
  return `${table.columns} columns, ${table.rows.length} rows`;
}

/** The key of a row: its first cell's inline code if any, else its first cell's text. */
function rowKey(row: TableRow | undefined): string {
  const first = row?.cells[0];
  if (!first) return '';
  return first.inlineCode[0] ?? first.text;
}

function rows(context: Parameters<NonNullable<Rule['compare']>>[0], ref: Table, tr: Table): void {
  const trKeys = tr.rows.map(rowKey);
  const refKeys = ref.rows.map(rowKey);
  const keysComparable = ref.rows.slice(1).some((row) => row.cells[0]?.inlineCode.length);
  if (keysComparable) {
    let reported = false;
    ref.rows.forEach((row, index) => {
      if (index === 0) return;
      const key = refKeys[index]!;
      if (trKeys.includes(key)) return;
      reported = true;
      const before = ref.rows.slice(0, index).map(rowKey).reverse().find((k) => trKeys.includes(k));
      const anchor = before !== undefined ? tr.rows[trKeys.indexOf(before)]! : tr.rows[0]!;
      context.report({
        message: `Table row ${quote(key)} is missing; ${where(context.reference, row.span)} has it`,
        subject: `Table row ${quote(key)}`,
        span: { start: anchor.span.end, end: anchor.span.end },
        referenceSpan: row.span,
        category: 'missing-row',
        key: `row:${key}`,
        expected: 'present',
        found: 'missing',
      });
    });
    tr.rows.forEach((row, index) => {
      if (index === 0 || refKeys.includes(trKeys[index]!)) return;
      reported = true;
      context.report({
        message: `Extra table row ${quote(trKeys[index]!)} that ${where(context.reference, ref.span)} does not have`,
        subject: `Table row ${quote(trKeys[index]!)}`,
        span: row.span,
        category: 'extra-row',
        key: `row:${trKeys[index]}`,
        expected: 'absent',
        found: 'present',
      });
    });
    if (reported) return;
  }
  context.report(differs(context, 'Table row count', String(ref.rows.length - 1), String(tr.rows.length - 1), tr.span, ref.span, { category: 'rows' }));
}
