import stringify from 'fast-json-stable-stringify';
import { frontMatterInsertFix, frontMatterValueFix } from '../src/fix-edits.js';
import { differs } from '../src/messages.js';
import type { Rule } from '../src/types.js';

/** Front matter values that identify the page (ids, slugs) differ from the reference. */
export const frontmatterValues: Rule = {
  id: 'frontmatter-values',
  description: 'Front matter identifiers (exl-id, id, slug…) have the reference’s values',
  fixable: true,
  defaultSeverity: 'error',
  compare(context) {
    const { reference, translation, options } = context;
    const ref = reference.frontMatter;
    const tr = translation.frontMatter;
    if (!ref || ref.error || tr?.error) return;
    for (const key of options.identicalKeys) {
      const refEntry = ref.entries.find((entry) => entry.key === key);
      if (!refEntry) continue;
      const trEntry = tr?.entries.find((entry) => entry.key === key);
      const expected = show(refEntry.value);
      if (!trEntry) {
        const at = tr?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
        context.report(differs(context, `Front matter \`${key}\``, expected, undefined, { start: at.start, end: at.start }, refEntry.span, { category: 'missing', key: `value:${key}`, fix: frontMatterInsertFix(ref, refEntry, tr) }));
        continue;
      }
      const found = show(trEntry.value);
      if (stringify(refEntry.value) === stringify(trEntry.value)) continue;
      context.report(differs(context, `Front matter \`${key}\``, expected, found, trEntry.valueSpan, refEntry.span, { category: 'changed', key: `value:${key}`, fix: frontMatterValueFix(ref, refEntry, trEntry) }));
    }
  },
};

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
