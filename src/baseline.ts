/** `--baseline FILE`: report only findings that are not in a recorded baseline; `--update-baseline` records one. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { UsageError } from './config.js';
import { recount } from './suppress.js';
import type { Finding, LintResult } from './types.js';

interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  /** For people reading the file; matching uses the fingerprint only. */
  message: string;
}

interface BaselineFile {
  version: 1;
  findings: BaselineEntry[];
}

/** Read a baseline file; a missing file is an error (a typo must not let every finding through). */
export function readBaseline(path: string): BaselineEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read the baseline ${path}: ${code === 'ENOENT' ? 'no such file (create it with --update-baseline)' : code ?? String(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  const file = parsed as Partial<BaselineFile>;
  if (!file || file.version !== 1 || !Array.isArray(file.findings) || !file.findings.every((entry) => entry && typeof entry.fingerprint === 'string')) {
    throw new UsageError(`${path}: not a doc-drift baseline (expected {"version": 1, "findings": [{"fingerprint": …}]})`);
  }
  return file.findings;
}

/** Write the findings of `result` as a baseline, sorted so that the file diffs well in review. */
export function writeBaseline(path: string, result: LintResult): void {
  const findings = result.findings
    .map((finding): BaselineEntry => ({ fingerprint: finding.fingerprint, ruleId: finding.ruleId, file: finding.file, message: finding.message }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  const body: BaselineFile = { version: 1, findings };
  try {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(body, null, 2)}\n`);
    renameSync(temporary, path);
  } catch (error) {
    throw new UsageError(`cannot write the baseline ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Drop the findings the baseline records (each entry absorbs one finding with its fingerprint); counts are redone. */
export function applyBaseline(result: LintResult, baseline: BaselineEntry[]): { result: LintResult; known: number; fixed: number } {
  const remaining = new Map<string, number>();
  for (const entry of baseline) remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + 1);
  const fresh: Finding[] = [];
  let known = 0;
  for (const finding of result.findings) {
    const left = remaining.get(finding.fingerprint) ?? 0;
    if (left > 0) {
      remaining.set(finding.fingerprint, left - 1);
      known++;
    } else {
      fresh.push(finding);
    }
  }
  const fixed = [...remaining.values()].reduce((sum, left) => sum + left, 0);
  return { result: recount({ ...result, findings: fresh }), known, fixed };
}
