import type { Rule } from '../src/types.js';

/** A copy could not be read as UTF-8 Markdown (binary, another encoding, permissions, a symlink loop). */
export const unreadableFile: Rule = {
  id: 'unreadable-file',
  description: 'Every copy can be read as UTF-8 text',
  fixable: false,
  defaultSeverity: 'error',
  checkPage(context) {
    for (const copy of context.copies) {
      if (copy.unreadable) context.report(copy, { message: `File ${copy.unreadable}; it was not checked`, category: 'unreadable' });
    }
  },
};

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
