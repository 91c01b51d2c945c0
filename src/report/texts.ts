/** The text of the files a report shows: whole files for small trees, only the lines around findings for big ones. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decode, type ReadResult } from '../read.js';
import type { ReportFinding } from './model.js';

/** Consecutive lines of a file, from line `start` (1-based). */
export interface TextSlice {
  start: number;
  lines: string[];
}

export interface FileText {
  /** Number of lines of the whole file. */
  lineCount: number;
  /** The lines kept: the whole file in one slice, or excerpts around findings. */
  slices: TextSlice[];
}

export interface TextOptions {
  /** Finding paths are relative to this directory. */
  cwd: string;
  /** Keep whole files while all files together stay under this many characters. */
  fullTextBudget?: number;
  /** Lines kept before and after each finding in excerpts. */
  context?: number;
  /** At most this many lines of a long finding span (a whole code block) are kept. */
  maxSpanLines?: number;
}

export interface Texts {
  /** By file path as in findings. */
  files: Record<string, FileText>;
  /** Whether only excerpts were kept. */
  excerpts: boolean;
  /** Files that could not be read, with why. */
  unreadable: Record<string, string>;
  /** The full lines of every readable file, for building code diffs (not embedded in the report). */
  lines: Map<string, string[]>;
}

/** Read every file the findings name (translations and references) and keep what the report will show. */
export function readTexts(findings: readonly ReportFinding[], options: TextOptions): Texts {
  const budget = options.fullTextBudget ?? 2_000_000;
  const context = options.context ?? 3;
  const maxSpan = options.maxSpanLines ?? 40;

  // Line ranges wanted per file.
  const wanted = new Map<string, Array<[number, number]>>();
  const want = (file: string, from: number, to: number) => {
    let ranges = wanted.get(file);
    if (!ranges) wanted.set(file, (ranges = []));
    ranges.push([Math.max(1, from - context), to + context]);
  };
  for (const finding of findings) {
    const span = Math.min(Math.max(0, finding.endLine - finding.line), maxSpan);
    want(finding.file, finding.line, finding.line + span);
    if (finding.reference) want(finding.reference.file, finding.reference.line, finding.reference.line + span);
  }

  const lines = new Map<string, string[]>();
  const unreadable: Record<string, string> = {};
  let total = 0;
  for (const file of wanted.keys()) {
    const read = readFile(resolve(options.cwd, file));
    if (!read.ok) {
      unreadable[file] = read.message;
      continue;
    }
    total += read.file.text.length;
    lines.set(file, read.file.text.split(/\r?\n/));
  }

  const excerpts = total > budget;
  const files: Record<string, FileText> = {};
  for (const [file, all] of lines) {
    files[file] = { lineCount: all.length, slices: excerpts ? sliceRanges(all, wanted.get(file)!) : [{ start: 1, lines: all }] };
  }
  return { files, excerpts, unreadable, lines };
}

/** Merge overlapping or adjacent line ranges and cut the lines they cover. */
function sliceRanges(all: string[], ranges: Array<[number, number]>): TextSlice[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged
    .map(([from, to]) => ({ start: from, lines: all.slice(from - 1, Math.min(to, all.length)) }))
    .filter((slice) => slice.lines.length > 0);
}

/** Read and decode one file; never throws. */
function readFile(path: string): ReadResult {
  try {
    return decode(readFileSync(path));
  } catch (error) {
    return { ok: false, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}
