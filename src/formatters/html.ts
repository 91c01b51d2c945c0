/** The HTML report as an output format: `--format html` (`doc-drift report` writes the same page). */
import { basename, dirname, resolve } from 'node:path';
import { htmlReport } from '../report/index.js';
import type { LintResult } from '../types.js';
import type { FormatContext } from './stylish.js';

/** Format `result` as a self-contained HTML report, reading the files it names from the working directory. */
export function html(result: LintResult, context: FormatContext): string {
  const cwd = context.cwd ?? process.cwd();
  return htmlReport(result, { cwd, outputDir: context.outputFile ? dirname(context.outputFile) : cwd, title: `doc-drift report: ${basename(resolve(cwd, result.layout.root ?? '.'))}` });
}
