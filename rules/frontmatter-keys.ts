import stringify from 'fast-json-stable-stringify';
import { where } from '../src/messages.js';
import type { FrontMatterEntry, Rule } from '../src/types.js';

/**
 * Front matter keys present in the reference but not the translation, or the other way round. A key missing on one
 * side and another key with the same value on the other (`topic` and `topic-legacy`) is one renamed key.
 */
export const frontmatterKeys: Rule = {
  id: 'frontmatter-keys',
  description: 'Front matter has the same keys as the reference, translation metadata aside',
  fixable: false,
  defaultSeverity: 'warning',
  compare(context) {
    const { reference, translation, options } = context;
    const ref = reference.frontMatter;
    const tr = translation.frontMatter;
    if (ref?.error || tr?.error) return;
    const ignored = new Set(options.metadataKeys);
    // Identifiers missing from the translation are the frontmatter-values rule's to report.
    const identifiers = new Set(options.identicalKeys);
    const refEntries = (ref?.entries ?? []).filter((entry) => !ignored.has(entry.key));
    const trEntries = (tr?.entries ?? []).filter((entry) => !ignored.has(entry.key));
    const refKeys = new Set(refEntries.map((entry) => entry.key));
    const trKeys = new Set(trEntries.map((entry) => entry.key));
    const missing = refEntries.filter((entry) => !trKeys.has(entry.key) && !identifiers.has(entry.key) && !entry.sourceOnly);
    const extra = trEntries.filter((entry) => !refKeys.has(entry.key));
    const renamed = new Map<FrontMatterEntry, FrontMatterEntry>();
    for (const entry of missing) {
      const value = stringify(entry.value);
      const match = extra.find((other) => !renamed.has(other) && stringify(other.value) === value && nameKin(entry.key, other.key));
      if (match) renamed.set(match, entry);
    }
    const at = tr?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    for (const [trEntry, refEntry] of renamed) {
      // Named the same way from both sides, so that peers comparing either way agree on one element.
      const names = [refEntry.key, trEntry.key].sort();
      context.report({
        message: `Front matter key \`${refEntry.key}\` is named \`${trEntry.key}\` here; ${where(reference, refEntry.span)} calls it \`${refEntry.key}\``,
        subject: `Front matter key \`${names[0]}\` or \`${names[1]}\``,
        span: trEntry.span,
        referenceSpan: refEntry.span,
        category: 'renamed',
        key: `renamed:${names.join('|')}`,
        expected: refEntry.key,
        found: trEntry.key,
      });
    }
    const renamedFrom = new Set(renamed.values());
    for (const entry of missing) {
      if (renamedFrom.has(entry)) continue;
      context.report({
        message: `Front matter key \`${entry.key}\` is missing; ${where(reference, entry.span)} has it`,
        subject: `Front matter key \`${entry.key}\``,
        span: { start: at.start, end: at.start },
        referenceSpan: entry.span,
        category: 'missing',
        key: `key:${entry.key}`,
        expected: 'present',
        found: 'absent',
      });
    }
    for (const entry of extra) {
      if (renamed.has(entry)) continue;
      context.report({
        message: `Front matter key \`${entry.key}\` is not in ${reference.locale}`,
        subject: `Front matter key \`${entry.key}\``,
        span: entry.span,
        category: 'extra',
        key: `key:${entry.key}`,
        expected: 'absent',
        found: 'present',
      });
    }
  },
};

/** Whether two key names are variants of one name (`topic`, `topic-legacy`, `Topic`), not two keys that share a value. */
function nameKin(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x.startsWith(y) || y.startsWith(x) || x.endsWith(y) || y.endsWith(x);
}
