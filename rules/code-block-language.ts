import { normalizeLang } from '../src/code.js';
import { alignCodeBlocks } from '../src/elements.js';
import { differs } from '../src/messages.js';
import type { Rule } from '../src/types.js';

/** The language of a fenced code block differs from the reference's. */
export const codeBlockLanguage: Rule = {
  id: 'code-block-language',
  description: 'Code blocks keep the language of the reference',
  fixable: true,
  defaultSeverity: 'warning',
  compare(context) {
    for (const pair of alignCodeBlocks(context.reference.codeBlocks, context.translation.codeBlocks)) {
      const { reference, translation } = pair;
      if (!reference || !translation) continue;
      if (normalizeLang(reference.lang) === normalizeLang(translation.lang)) continue;
      const fix =
        translation.infoSpan && reference.fenced
          ? [{ range: [translation.infoSpan.start.offset, translation.infoSpan.start.offset + translation.lang.length] as [number, number], text: reference.lang }]
          : undefined;
      context.report(
        differs(context, 'Code block language', reference.lang || '(none)', translation.lang || '(none)', translation.infoSpan ?? translation.span, reference.span, { fix }),
      );
    }
  },
};
