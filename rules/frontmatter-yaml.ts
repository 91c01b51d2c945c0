import type { Rule } from '../src/types.js';

/** The front matter is not valid YAML (or not a mapping), so nothing in it can be checked. */
export const frontmatterYaml: Rule = {
  id: 'frontmatter-yaml',
  description: 'Front matter is valid YAML',
  fixable: false,
  defaultSeverity: 'error',
  checkPage(context) {
    for (const copy of context.copies) {
      const error = copy.summary?.frontMatter?.error;
      if (!error) continue;
      context.report(copy, { message: `Front matter is not valid YAML: ${error.message}`, span: error.span, category: 'invalid' });
    }
  },
};
