/** The library entry: `import { lint } from 'doc-drift'`. */
export { lint, type LintOptions } from './lint.js';
export { main, type Io } from './cli.js';
export { rules } from '../rules/index.js';
export { formatters } from './formatters/index.js';
export type * from './types.js';
export type { Config } from './config.js';
export { htmlReport, reportModel, type ReportModel } from './report/index.js';
