import { where } from '../src/messages.js';
import type { Rule } from '../src/types.js';

/** Front matter keys present in the reference but not the translation, or the other way round. */
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
    // Identifiers missing from the translation are the frontmatter-values rule's to report.
    const ignored = new Set(options.metadataKeys);
    const identifiers = new Set(options.identicalKeys);
    const refKeys = (ref?.entries ?? []).filter((entry) => !ignored.has(entry.key));
    const trKeys = new Set((tr?.entries ?? []).map((entry) => entry.key));
    const at = tr?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    for (const entry of refKeys) {
      if (trKeys.has(entry.key) || identifiers.has(entry.key)) continue;
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
    const refSet = new Set((ref?.entries ?? []).map((entry) => entry.key));
    for (const entry of tr?.entries ?? []) {
      if (ignored.has(entry.key) || refSet.has(entry.key)) continue;
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
