/** The registry of output formats. */
import type { LintResult } from '../types.js';
import { html } from './html.js';
import { json } from './json.js';
import { stylish, type FormatContext } from './stylish.js';

export type { FormatContext } from './stylish.js';

export const formatters: Record<string, (result: LintResult, context: FormatContext) => string> = {
  stylish,
  json,
  html,
};
