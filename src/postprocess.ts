/** What happens to findings between lint and the formatters: inline directives, baseline, `--quiet`. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyBaseline, readBaseline, writeBaseline } from './baseline.js';
import { UsageError } from './config.js';
import { applyInlineConfig, recount } from './suppress.js';
import type { LintResult } from './types.js';

export interface PostprocessOptions {
  cwd: string;
  /** Honour `<!-- doc-drift-disable… -->` comments. */
  inlineConfig: boolean;
  reportUnusedDirectives: boolean;
  /** Baseline file (relative to cwd), and whether to rewrite it from this run first. */
  baseline?: string;
  updateBaseline: boolean;
  /** Errors only. */
  quiet: boolean;
  /** The files the run was limited to, if any, to name those no page covers. */
  only?: string[];
  /** Whether only part of the pages was linted (files, --changed, --shard): a baseline must not be rewritten then. */
  partial: boolean;
}

/** Check option combinations before any work is done. */
export function checkPostprocessOptions(options: Pick<PostprocessOptions, 'baseline' | 'updateBaseline' | 'partial'>): void {
  if (options.updateBaseline && !options.baseline) throw new UsageError('--update-baseline needs --baseline FILE');
  if (options.updateBaseline && options.partial) {
    throw new UsageError('--update-baseline records every page: run it without files, --changed or --shard');
  }
}

/** Apply directives, the baseline and `--quiet` to `result`; `notify` receives lines for standard error. */
export function postprocess(result: LintResult, options: PostprocessOptions, notify: (line: string) => void): LintResult {
  if (options.only && !options.quiet) {
    const linted = new Set(result.files ?? []);
    const unchecked = options.only.filter((file) => !linted.has(file) && existsSync(resolve(options.cwd, file)));
    if (unchecked.length > 0) notify(`not part of any localized page, not checked: ${unchecked.join(', ')}`);
  }
  let out = applyInlineConfig(result, {
    cwd: options.cwd,
    inlineConfig: options.inlineConfig,
    reportUnused: options.reportUnusedDirectives ? 'error' : undefined,
  });
  if (options.baseline) {
    const file = resolve(options.cwd, options.baseline);
    if (options.updateBaseline) {
      writeBaseline(file, out);
      notify(`wrote ${out.findings.length} finding${out.findings.length === 1 ? '' : 's'} to the baseline ${options.baseline}`);
    }
    const applied = applyBaseline(out, readBaseline(file));
    out = applied.result;
    if (!options.quiet && applied.known > 0) notify(`${applied.known} finding${applied.known === 1 ? '' : 's'} already in the baseline not shown`);
  }
  if (options.quiet) out = recount({ ...out, findings: out.findings.filter((finding) => finding.severity === 'error') });
  return out;
}
