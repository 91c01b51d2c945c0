/** Everything the HTML report embeds: the model, the text around findings, and code diffs. */
import type { LintResult } from '../types.js';
import { blockAt, codeDiff, fencedBlocks, type CodeDiff, type FenceBody } from './codediff.js';
import { reportModel, type ModelOptions, type ReportModel } from './model.js';
import { readTexts, type FileText, type TextOptions } from './texts.js';

export interface ReportDataOptions extends ModelOptions, TextOptions {
  /** Shown as the report's title, e.g. the linted directory. */
  title?: string;
  /** Code blocks longer than this are diffed only over their first lines. */
  maxDiffLines?: number;
}

export interface ReportData {
  title: string;
  model: ReportModel;
  texts: Record<string, FileText>;
  /** Whether `texts` holds only excerpts around findings. */
  excerpts: boolean;
  unreadable: Record<string, string>;
  /** Code diffs by key, shared by the findings on the same pair of code blocks. */
  diffs: Record<string, CodeDiff>;
  /** The diff key of a finding, by its index in `model.findings`. */
  diffOf: Record<number, string>;
}

/** Build the report's data: read the files the findings name and diff the code blocks that drifted. */
export function reportData(result: LintResult, options: ReportDataOptions): ReportData {
  const model = reportModel(result, options);
  const texts = readTexts(model.findings, options);
  const maxDiffLines = options.maxDiffLines ?? 400;
  const blocks = new Map<string, FenceBody[]>();
  const blocksOf = (file: string) => {
    let found = blocks.get(file);
    if (!found) blocks.set(file, (found = fencedBlocks(texts.lines.get(file) ?? [])));
    return found;
  };
  const diffs: Record<string, CodeDiff> = {};
  const diffOf: Record<number, string> = {};
  const identical = new Set<string>();
  model.findings.forEach((finding, index) => {
    if (finding.ruleId !== 'code-block-content' || !finding.reference) return;
    const translationLines = texts.lines.get(finding.file);
    const referenceLines = texts.lines.get(finding.reference.file);
    if (!translationLines || !referenceLines) return;
    const translationBlock = blockAt(blocksOf(finding.file), finding.line);
    const referenceBlock = blockAt(blocksOf(finding.reference.file), finding.reference.line);
    if (!translationBlock || !referenceBlock) return;
    const key = `${finding.reference.file}:${referenceBlock.from}|${finding.file}:${translationBlock.from}`;
    if (identical.has(key)) return;
    if (!(key in diffs)) {
      const body = (lines: string[], block: FenceBody) => lines.slice(block.from - 1, Math.min(block.to, block.from - 1 + maxDiffLines));
      const diff = codeDiff(body(referenceLines, referenceBlock), referenceBlock.from, body(translationLines, translationBlock), translationBlock.from);
      if (!diff) {
        identical.add(key);
        return;
      }
      diffs[key] = diff;
    }
    diffOf[index] = key;
  });
  return {
    title: options.title ?? 'doc-drift report',
    model,
    texts: texts.files,
    excerpts: texts.excerpts,
    unreadable: texts.unreadable,
    diffs,
    diffOf,
  };
}
