/** The library entry: `import { lint } from 'doc-drift'`. */
export { lint, type LintOptions } from './lint.js';
export { main, type Io } from './cli.js';
export { rules } from '../rules/index.js';
export { formatters } from './formatters/index.js';
export type * from './types.js';
export type { Config } from './config.js';
// CI and pre-commit building blocks: the same steps the command line runs after lint().
export { applyInlineConfig } from './suppress.js';
export { applyBaseline, readBaseline, writeBaseline } from './baseline.js';
export { changedMarkdown } from './git.js';
export { loadConfig } from './config.js';
export { presets } from './presets.js';
export { configSchema } from './schema.js';
