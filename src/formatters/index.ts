/** The registry of output formats. */
import type { LintResult } from '../types.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish, type FormatContext } from './stylish.js';

export type { FormatContext } from './stylish.js';

export const formatters: Record<string, (result: LintResult, context: FormatContext) => string> = {
  stylish,
  json,
  sarif,
  github,
  junit,
  markdown,
  gitlab,
};
