import { alignCodeBlocks, describeCode } from '../src/elements.js';
import { quote, where } from '../src/messages.js';
import type { Rule } from '../src/types.js';

/** A code block of the reference is missing from the translation, or the translation has one the reference lacks. */
export const codeBlockPresence: Rule = {
  id: 'code-block-presence',
  description: 'Every code block of the reference is in the translation, and no other',
  fixable: false,
  defaultSeverity: 'error',
  compare(context) {
    const { reference, translation } = context;
    const pairs = alignCodeBlocks(reference.codeBlocks, translation.codeBlocks);
    pairs.forEach((pair, index) => {
      if (pair.reference && !pair.translation) {
        // Place the finding where the block should be: after the previous aligned block of the translation.
        const previous = pairs.slice(0, index).reverse().find((p) => p.translation)?.translation;
        const span = previous?.span ?? translation.frontMatter?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
        context.report({
          message: `Missing ${describeCode(pair.reference)} that ${where(reference, pair.reference.span)} has, starting ${quote(firstLine(pair.reference.body))}`,
          subject: `Code block ${quote(firstLine(pair.reference.body))}`,
          span: { start: span.end, end: span.end },
          referenceSpan: pair.reference.span,
          category: 'missing',
          key: `missing:${pair.referenceIndex}:${firstLine(pair.reference.body)}`,
          expected: 'present',
          found: 'missing',
        });
      } else if (pair.translation && !pair.reference) {
        context.report({
          message: `Extra ${describeCode(pair.translation)} that ${reference.locale} does not have, starting ${quote(firstLine(pair.translation.body))}`,
          subject: `Code block ${quote(firstLine(pair.translation.body))}`,
          span: pair.translation.span,
          category: 'extra',
          expected: 'absent',
          found: 'present',
        });
      }
    });
  },
};

function firstLine(body: string): string {
  return body.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}
