import { compareCode } from '../src/code.js';
import { alignCodeBlocks, codeLineSpan } from '../src/elements.js';
import { codeDifferenceFix } from '../src/fix-edits.js';
import { neutralUrl } from '../src/localize.js';
import { differs, where } from '../src/messages.js';
import type { Rule } from '../src/types.js';

const SUBJECTS: Record<string, string> = {
  'placeholder-renamed': 'Placeholder renamed in code block',
  'header-spacing': 'HTTP header spacing changed in code block',
  'header-renamed': 'HTTP header renamed in code block',
  'url-changed': 'URL changed in code block',
  'json-key': 'JSON key differs in code block',
  'json-value': 'JSON value differs in code block',
  'invalid-json': 'Code block is not valid JSON, unlike the reference',
  whitespace: 'Whitespace changed in code block',
  'line-missing': 'Line missing from code block',
  'line-added': 'Line added to code block',
  changed: 'Code line changed',
};

/** The body of a code block differs from the reference's, beyond translated comments and display text. */
export const codeBlockContent: Rule = {
  id: 'code-block-content',
  description: 'Code block bodies match the reference, apart from translated comments and display strings',
  fixable: true,
  defaultSeverity: 'error',
  compare(context) {
    for (const pair of alignCodeBlocks(context.reference.codeBlocks, context.translation.codeBlocks)) {
      const { reference, translation } = pair;
      if (!reference || !translation) continue;
      const comparison = compareCode(reference.body, translation.body, reference.lang, context.options.strictCode, {
        meta: reference.meta,
        neutralReference: (url) => neutralUrl(url, context.reference.locale),
        neutralTranslation: (url) => neutralUrl(url, context.translation.locale),
        locales: [context.reference.locale, context.translation.locale],
      });
      if (comparison.equal) continue;
      for (const difference of comparison.differences) {
        const subject = SUBJECTS[difference.category] ?? 'Code block differs';
        const extra = { category: difference.category, key: `${pair.translationIndex}:${difference.category}:${difference.found}` };
        if (difference.count !== undefined) {
          // A stale block: one finding at the block, counting the lines and showing the first.
          // The first difference is named by its own kind: a line added reads as one, not as a changed line.
          const firstSubject = SUBJECTS[difference.firstCategory ?? difference.category] ?? subject;
          const first = differs(context, firstSubject, difference.expected || undefined, difference.found || undefined, translation.span, reference.span);
          context.report({
            ...first,
            ...extra,
            message: `Code block differs from ${where(context.reference, reference.span)} in ${difference.count} ${difference.category.startsWith('json') ? 'values' : 'lines'}; first: ${first.message}`,
            key: `${pair.translationIndex}:block`,
          });
          continue;
        }
        const span = codeLineSpan(translation, difference.translationLine) ?? translation.span;
        const referenceSpan = codeLineSpan(reference, difference.referenceLine) ?? reference.span;
        const fix = context.hasSource ? codeDifferenceFix(reference, translation, difference, comparison.differences) : undefined;
        context.report(differs(context, subject, difference.expected || undefined, difference.found || undefined, span, referenceSpan, { ...extra, fix }));
      }
    }
  },
};

