import type { Rule } from '../src/types.js';

/** A page of the source locale has no copy in some locale (with no source: the page is missing in some locales). */
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
    for (const locale of absent) {
      const expected = context.expectedPath(locale);
      context.report(anchor, {
        message: `No ${locale} copy of this page${expected ? ` (expected at \`${expected}\`)` : ''}`,
        category: 'missing-copy',
        key: `missing:${locale}`,
      });
    }
  },
};
