import { missing } from '../src/elements.js';
import { differs } from '../src/messages.js';
import { alignRows, alignTables } from '../src/tables.js';
import type { Rule, TableCell } from '../src/types.js';

// What may sit between the code spans of a cell that holds only code: `a` \| `b`, `a`, `b`, `a` / `b`.
const SEPARATORS = /^[\s|,/\\;:()[\]–—-]*$/;
const NON_ASCII = /[^\x00-\x7f]/;
// Identifiers, paths, calls and options: code that prose around it cannot stand in for.
const IDENTIFIER = /[._/()[\]{}:=<>$#@]|[a-z][A-Z]|^-/;

/**
 * Inline code in a table cell differs from the same cell of the reference (rows paired by their first cell). Cells
 * that hold only code (names, types, defaults) must match, localized display text aside (a default of `确定` is `OK`
 * in English); in prose cells only identifiers that the translated cell lost altogether are reported.
 */
export const tableInlineCode: Rule = {
  id: 'table-inline-code',
  description: 'Inline code in table cells matches the reference, cell by cell',
  fixable: false,
  defaultSeverity: 'warning',
  compare(context) {
    for (const pair of alignTables(context.reference.tables, context.translation.tables)) {
      const ref = pair.reference;
      const tr = pair.translation;
      if (!ref || !tr || ref.columns !== tr.columns) continue;
      for (const rows of alignRows(ref, tr) ?? []) {
        if (!rows.reference || !rows.translation) continue;
        rows.reference.cells.forEach((cell, c) => {
          const other = rows.translation!.cells[c];
          if (!other || cell.inlineCode.length + other.inlineCode.length === 0) return;
          const row = rows.referenceIndex + 1;
          // Localized display text in code (a default of `确定`, `OK` in English) makes the whole cell translatable.
          if (cell.inlineCode.some((value) => NON_ASCII.test(value)) || other.inlineCode.some((value) => NON_ASCII.test(value))) return;
          if (codeOnly(cell)) {
            const gone = missingCode(cell.inlineCode, other.inlineCode);
            const added = missingCode(other.inlineCode, cell.inlineCode);
            if (gone.length === 0 && added.length === 0) return;
            if (gone.length === 0 && !codeOnly(other)) return;
            context.report(
              differs(context, `Inline code in table row ${row}, column ${c + 1}`, gone.join(' ') || undefined, added.join(' ') || undefined, other.span, cell.span, {
                category: gone.length && added.length ? 'changed' : gone.length ? 'missing' : 'extra',
                key: `cell:${row}:${c}`,
              }),
            );
            return;
          }
          // In prose, only an identifier of which no part is left anywhere in the translated row is lost: the other
          // copy may put the same values in another column.
          const text = rows.translation!.cells.map((cell) => cell.text).join(' ').toLowerCase();
          const lost = missing(cell.inlineCode, other.inlineCode).filter(
            (value) => IDENTIFIER.test(value) && /[A-Za-z]/.test(value) && !(value.toLowerCase().match(/[a-z0-9]{2,}/g) ?? []).some((part) => text.includes(part)),
          );
          if (lost.length === 0) return;
          context.report(
            differs(context, `Inline code in table row ${row}, column ${c + 1}`, lost.join(' '), undefined, other.span, cell.span, {
              category: 'missing',
              key: `cell:${row}:${c}`,
            }),
          );
        });
      }
    }
  },
};

/** Whether a cell holds code, not prose: inline code with at most a plain type name or two (`boolean \\| \`{…}\``). */
function codeOnly(cell: TableCell): boolean {
  if (cell.inlineCode.length === 0) return false;
  let rest = cell.text;
  for (const value of cell.inlineCode) rest = rest.replace(value, ' ');
  if (SEPARATORS.test(rest)) return true;
  const words = rest.split(/[\s|,/\\;:()[\]–—-]+/).filter(Boolean);
  return !NON_ASCII.test(rest) && words.length <= 2;
}

/** Values of `reference` missing from `translation`, compared without spacing (`{ a: b}` is `{ a: b }`). */
function missingCode(reference: string[], translation: string[]): string[] {
  const compact = (value: string) => value.replace(/\s+/g, '');
  const gone = missing(reference.map(compact), translation.map(compact));
  return reference.filter((value) => {
    const index = gone.indexOf(compact(value));
    if (index === -1) return false;
    gone.splice(index, 1);
    return true;
  });
}
