import { alignTables, missing } from '../src/elements.js';
import { differs } from '../src/messages.js';
import type { Rule } from '../src/types.js';

/** Inline code in a table cell differs from the same cell of the reference. */
export const tableInlineCode: Rule = {
  id: 'table-inline-code',
  description: 'Inline code in table cells matches the reference, cell by cell',
  fixable: false,
  defaultSeverity: 'warning',
  compare(context) {
    for (const pair of alignTables(context.reference.tables, context.translation.tables)) {
      const ref = pair.reference;
      const tr = pair.translation;
      if (!ref || !tr || ref.columns !== tr.columns || ref.rows.length !== tr.rows.length) continue;
      ref.rows.forEach((row, r) => {
        row.cells.forEach((cell, c) => {
          const other = tr.rows[r]?.cells[c];
          if (!other) return;
          const gone = missing(cell.inlineCode, other.inlineCode);
          const added = missing(other.inlineCode, cell.inlineCode);
          if (gone.length === 0 && added.length === 0) return;
          context.report(
            differs(context, `Inline code in table row ${r + 1}, column ${c + 1}`, gone.join(' ') || undefined, added.join(' ') || undefined, other.span, cell.span, {
              category: gone.length && added.length ? 'changed' : gone.length ? 'missing' : 'extra',
            }),
          );
        });
      });
    }
  },
};
