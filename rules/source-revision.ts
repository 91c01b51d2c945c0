import { revisionOf } from '../src/revisions.js';
import type { Rule } from '../src/types.js';

/** Copies of one page were translated from different revisions of the source. */
export const sourceRevision: Rule = {
  id: 'source-revision',
  description: 'Copies of a page were translated from the same source revision',
  fixable: false,
  defaultSeverity: 'warning',
  checkPage(context) {
    const keys = context.options.revisionKeys;
    const revisions = context.copies.flatMap((copy) => {
      const revision = copy.summary ? revisionOf(copy.summary, keys) : undefined;
      return revision ? [{ copy, revision }] : [];
    });
    const byValue = new Map<string, string[]>();
    for (const { copy, revision } of revisions) byValue.set(revision.value, [...(byValue.get(revision.value) ?? []), copy.locale]);
    if (byValue.size < 2) return;
    const groups = [...byValue.entries()].map(([value, locales]) => `\`${short(value)}\` (${locales.join(', ')})`).join(', ');
    for (const { copy, revision } of revisions) {
      context.report(copy, {
        message: `Copies were translated from ${byValue.size} different source revisions: ${groups}; this copy from \`${short(revision.value)}\` (\`${revision.key}\`)`,
        span: revision.span,
        category: 'revision',
        expected: 'one revision',
        found: revision.value,
      });
    }
  },
};

function short(value: string): string {
  return /^[0-9a-f]{40}$/i.test(value) ? value.slice(0, 10) : value;
}
