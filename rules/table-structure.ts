import { differs, quote, where } from '../src/messages.js';
import { alignRows, alignTables, rowKey, rowKeyOf, rowsKeyed } from '../src/tables.js';
import type { Rule, RuleContext, Table, TableRow } from '../src/types.js';

/** Tables missing or extra, with another column count, or with rows dropped or added. */
export const tableStructure: Rule = {
  id: 'table-structure',
  description: 'Tables keep the reference’s tables, columns and rows',
  fixable: false,
  defaultSeverity: 'error',
  compare(context) {
    const { reference, translation } = context;
    const pairs = alignTables(reference.tables, translation.tables);
    for (const pair of pairs) {
      const ref = pair.reference;
      const tr = pair.translation;
      if (ref && !tr) {
        const before = pairs.slice(0, pairs.indexOf(pair)).reverse().find((p) => p.translation)?.translation;
        const at = before?.span.end ?? translation.tables[0]?.span.start ?? translation.blocks[0]?.span.start ?? { line: 1, column: 1, offset: 0 };
        context.report({
          message: `Missing table that ${where(reference, ref.span)} has (${describe(ref)}, first row ${quote(rowKey(ref.rows[0]))})`,
          subject: `Table with first row ${quote(rowKey(ref.rows[0]))}`,
          span: { start: at, end: at },
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
      rows(context, ref, tr);
    }
  },
};

function describe(table: Table): string {
  return `${table.columns} columns, ${table.rows.length} rows`;
}

/** Rows dropped or added: named by their key when the first cells identify rows, else counted. */
function rows(context: RuleContext, ref: Table, tr: Table): void {
  if (!rowsKeyed(ref, tr)) {
    if (ref.rows.length !== tr.rows.length) {
      context.report(differs(context, 'Table row count', String(ref.rows.length - 1), String(tr.rows.length - 1), tr.span, ref.span, { category: 'rows' }));
    }
    return;
  }
  const pairs = alignRows(ref, tr)!;
  const keyOf = rowKeyOf(ref);
  const rowKey = (row: TableRow | undefined) => (row ? keyOf(row) : '');
  // A key that is unpaired on both sides is a row moved to another place, not one dropped and one added.
  const unpairedRef = new Set(pairs.filter((p) => p.reference && !p.translation).map((p) => rowKey(p.reference)));
  const moved = new Set(pairs.filter((p) => p.translation && !p.reference && unpairedRef.has(rowKey(p.translation))).map((p) => rowKey(p.translation)));
  pairs.forEach((pair, index) => {
    if (pair.translation && !pair.reference && moved.has(rowKey(pair.translation))) {
      const key = rowKey(pair.translation);
      const original = ref.rows.find((row) => rowKey(row) === key)!;
      context.report({
        message: `Table row ${quote(key)} is at another place than in ${where(context.reference, original.span)}`,
        subject: `Place of table row ${quote(key)}`,
        span: pair.translation.span,
        referenceSpan: original.span,
        category: 'moved-row',
        key: `moved:${key}`,
        expected: 'in order',
        found: 'moved',
      });
      return;
    }
    if (pair.reference && !pair.translation) {
      const key = rowKey(pair.reference);
      if (moved.has(key)) return;
      const before = pairs.slice(0, index).reverse().find((p) => p.translation)?.translation ?? tr.rows[0]!;
      context.report({
        message: `Table row ${quote(key)} is missing; ${where(context.reference, pair.reference.span)} has it`,
        subject: `Table row ${quote(key)}`,
        span: { start: before.span.end, end: before.span.end },
        referenceSpan: pair.reference.span,
        category: 'missing-row',
        key: `row:${key}`,
        expected: 'present',
        found: 'missing',
      });
    } else if (pair.translation && !pair.reference) {
      const key = rowKey(pair.translation);
      context.report({
        message: `Extra table row ${quote(key)} that ${where(context.reference, ref.span)} does not have`,
        subject: `Table row ${quote(key)}`,
        span: pair.translation.span,
        category: 'extra-row',
        key: `row:${key}`,
        expected: 'absent',
        found: 'present',
      });
    }
  });
}
