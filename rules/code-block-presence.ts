import { alignCodeBlocks, describeCode, sameCodeBlock } from '../src/elements.js';
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
    // A block that is missing at one place and extra at another is one block moved: one finding, at the extra one.
    const moved = new Map<number, number>();
    for (const extra of pairs) {
      if (!extra.translation || extra.reference) continue;
      const match = pairs.find((candidate) => candidate.reference && !candidate.translation && !moved.has(candidate.referenceIndex) && sameCodeBlock(candidate.reference, extra.translation!));
      if (match) moved.set(match.referenceIndex, extra.translationIndex);
    }
    const movedTo = new Map([...moved].map(([ri, ti]) => [ti, ri]));
    pairs.forEach((pair, index) => {
      if (pair.reference && !pair.translation) {
        if (moved.has(pair.referenceIndex)) return;
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
        const from = movedTo.get(pair.translationIndex);
        if (from !== undefined) {
          const original = reference.codeBlocks[from]!;
          context.report({
            message: `Moved ${describeCode(pair.translation)} starting ${quote(firstLine(pair.translation.body))}: ${where(reference, original.span)} has it in another place among the code blocks`,
            subject: `Code block ${quote(firstLine(original.body))}`,
            span: pair.translation.span,
            referenceSpan: original.span,
            category: 'moved',
            key: `moved:${from}:${firstLine(original.body)}`,
            expected: `block ${from + 1} of ${reference.codeBlocks.length}`,
            found: `block ${pair.translationIndex + 1} of ${translation.codeBlocks.length}`,
          });
          return;
        }
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
