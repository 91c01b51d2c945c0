import type { Rule } from '../src/types.js';

/** A translation has no source page to compare with. */
export const orphanTranslation: Rule = {
  id: 'orphan-translation',
  description: 'Every translated page has a source page',
  fixable: false,
  defaultSeverity: 'info',
  checkPage(context) {
    if (!context.source || context.copies.some((copy) => copy.locale === context.source)) return;
    for (const copy of context.copies) {
      const expected = context.expectedPath(context.source);
      context.report(copy, {
        message: `This page has no ${context.source} source${expected ? ` (expected at \`${expected}\`)` : ''}, so it was not checked`,
        category: 'orphan',
      });
    }
  },
};
