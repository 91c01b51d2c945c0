import type { Rule } from '../src/types.js';

/**
 * A page of the source locale has no copy in some locales (with no source: the page is missing in some locales).
 * One finding per page names every locale without a copy: on a tree with many locales a finding per locale would
 * bury the drift under thousands of lines about coverage.
 */
export const missingTranslation: Rule = {
  id: 'missing-translation',
  description: 'Every page of the source has a copy in every locale',
  fixable: false,
  defaultSeverity: 'info',
  checkPage(context) {
    const present = new Set(context.copies.map((copy) => copy.locale));
    const absent = context.locales.filter((locale) => !present.has(locale));
    if (absent.length === 0) return;
    const anchor = context.copies.find((copy) => copy.locale === context.source) ?? (context.source ? undefined : context.copies[0]);
    if (!anchor) return;
    const expected = context.expectedPath(absent[0]!);
    const where = expected ? ` (expected at \`${expected}\`${absent.length > 1 ? ' and likewise' : ''})` : '';
    const which = absent.length === 1 ? `No ${absent[0]} copy of this page` : `No copy of this page in ${absent.length} locales: ${absent.join(', ')}`;
    context.report(anchor, {
      message: `${which}${where}`,
      category: 'missing-copy',
      key: 'missing',
      found: absent.join(','),
    });
  },
};
