/** Pairing of tables, and of their rows, between a reference and a translation. */
import { align, dice, type Pair } from './align.js';
import type { Table, TableCell, TableRow } from './types.js';

const CODE_LIKE = /^[\x21-\x7e]+$/;

/** What identifies a cell across locales: its inline code, else its text when that is one untranslatable word. */
export function cellTokens(cell: TableCell): string[] {
  if (cell.inlineCode.length) return cell.inlineCode;
  return CODE_LIKE.test(cell.text) && /[A-Za-z0-9]/.test(cell.text) ? [cell.text] : [];
}

/** The key of a row: its first cell's inline code if any, else its first cell's text. */
export function rowKey(row: TableRow | undefined): string {
  const first = row?.cells[0];
  if (!first) return '';
  return first.inlineCode[0] ?? first.text;
}

function tableTokens(table: Table): string[] {
  return table.rows.slice(1).flatMap((row) => row.cells.flatMap(cellTokens));
}

function empty(table: Table): boolean {
  return tableTokens(table).length === 0;
}

/** Tables paired by order: same column count and similar untranslatable cells anchor. */
export function alignTables(reference: Table[], translation: Table[]): Pair<Table>[] {
  return align(
    reference,
    translation,
    // Tables with nothing untranslatable in them (all prose, links) are only the same table when their shape is.
    (a, b) => a.columns === b.columns && (empty(a) && empty(b) ? a.rows.length === b.rows.length : dice(tableTokens(a), tableTokens(b)) >= 0.5),
    (a, b) => a.columns === b.columns || a.rows.length === b.rows.length || (!empty(a) && dice(tableTokens(a), tableTokens(b)) >= 0.3),
  );
}

/** The key of a row by which it is found in the other copy: its first cell, or its first code when first cells repeat. */
function keyOf(table: Table): (row: TableRow) => string {
  const firsts = table.rows.slice(1).map(rowKey);
  if (new Set(firsts).size === firsts.length) return rowKey;
  return (row) => row.cells.flatMap((cell) => cell.inlineCode)[0] ?? rowKey(row);
}

/** Whether the rows have keys: most of the reference's row keys are found in the translation. */
export function rowsKeyed(reference: Table, translation: Table): boolean {
  const key = keyOf(reference);
  const body = reference.rows.slice(1).map(key).filter((value) => value !== '');
  if (body.length === 0) return false;
  const keys = new Set(translation.rows.slice(1).map(key));
  return body.filter((value) => keys.has(value)).length * 2 >= body.length;
}

/** The function that names the rows of `reference` (and of its translation) in messages and pairing. */
export function rowKeyOf(reference: Table): (row: TableRow) => string {
  return keyOf(reference);
}

/**
 * Rows paired: header with header, then body rows by key when the first cells name them (a dropped row is one gap),
 * else by position when both tables have as many rows; undefined when the rows cannot be paired.
 */
export function alignRows(reference: Table, translation: Table): Pair<TableRow>[] | undefined {
  if (rowsKeyed(reference, translation)) {
    const rowKey = keyOf(reference);
    // Rows whose first cell is prose (translated) pair with a row holding the same code in its other cells.
    const rest = (row: TableRow) => row.cells.slice(1).flatMap(cellTokens);
    const named = (row: TableRow) => row.cells[0] !== undefined && cellTokens(row.cells[0]).length > 0;
    const body = align(
      reference.rows.slice(1),
      translation.rows.slice(1),
      (a, b) => rowKey(a) === rowKey(b),
      (a, b) => !(named(a) && named(b)) && rest(a).length > 0 && dice(rest(a), rest(b)) >= 0.5,
    );
    const shifted = body.map((pair) => ({
      ...pair,
      referenceIndex: pair.referenceIndex === -1 ? -1 : pair.referenceIndex + 1,
      translationIndex: pair.translationIndex === -1 ? -1 : pair.translationIndex + 1,
    }));
    return [{ reference: reference.rows[0], translation: translation.rows[0], referenceIndex: 0, translationIndex: 0 }, ...shifted];
  }
  if (reference.rows.length !== translation.rows.length) return undefined;
  return reference.rows.map((row, index) => ({ reference: row, translation: translation.rows[index], referenceIndex: index, translationIndex: index }));
}
