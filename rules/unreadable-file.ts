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
