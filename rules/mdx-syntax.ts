import type { Rule } from '../src/types.js';

/** An `.mdx` copy is not valid MDX, so it was read as plain Markdown. */
export const mdxSyntax: Rule = {
  id: 'mdx-syntax',
  description: 'MDX files parse as MDX',
  fixable: false,
  defaultSeverity: 'warning',
  checkPage(context) {
    for (const copy of context.copies) {
      for (const problem of copy.summary?.problems ?? []) {
        context.report(copy, { message: `File ${problem.message}`, category: 'mdx' });
      }
    }
  },
};
