/** Several reports from one run: `--format stylish --format sarif:drift.sarif`, `--output-file`, colour choice. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, normalize, resolve } from 'node:path';
import { UsageError } from './config.js';
import { formatters } from './formatters/index.js';
import type { LintResult } from './types.js';

export interface OutputSpec {
  format: string;
  /** Where to write; undefined for standard output. */
  file?: string;
}

/**
 * Read `--format name[:file]` settings. A format without its own file goes to `--output-file` when given, else to
 * standard output; only one may go there.
 */
export function parseOutputs(formats: string[] | undefined, outputFile: string | undefined): OutputSpec[] {
  const specs = (formats?.length ? formats : ['stylish']).map((setting): OutputSpec => {
    const colon = setting.indexOf(':');
    const format = colon < 0 ? setting : setting.slice(0, colon);
    const file = colon < 0 ? undefined : setting.slice(colon + 1);
    if (!formatters[format]) throw new UsageError(`unknown format \`${format}\` (known: ${Object.keys(formatters).join(', ')})`);
    if (file === '') throw new UsageError(`--format ${setting}: give a file name after the colon`);
    return { format, file };
  });
  const unnamed = specs.filter((spec) => spec.file === undefined);
  if (unnamed.length > 1) {
    throw new UsageError(`only one format can go to ${outputFile ? '--output-file' : 'standard output'}; give the others a file, e.g. --format ${unnamed[1]!.format}:report.out`);
  }
  for (const spec of unnamed) spec.file = outputFile;
  const files = specs.flatMap((spec) => (spec.file ? [normalize(spec.file)] : []));
  if (new Set(files).size !== files.length) throw new UsageError('two formats would write the same file');
  return specs;
}

export interface OutputIo {
  cwd: string;
  stdout(text: string): void;
  /** Colour for standard output (files never get colour). */
  color: boolean;
}

/** Format `result` once per spec and write each report; a file is written whole or not at all. */
export function writeOutputs(result: LintResult, specs: OutputSpec[], io: OutputIo): void {
  for (const spec of specs) {
    const text = formatters[spec.format]!(result, { color: spec.file ? false : io.color });
    if (!spec.file) {
      io.stdout(text);
      continue;
    }
    const target = resolve(io.cwd, spec.file);
    try {
      mkdirSync(dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, text);
      renameSync(temporary, target);
    } catch (error) {
      throw new UsageError(`cannot write ${spec.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
}

/** Colour on a terminal unless `--no-color` or `NO_COLOR`; `--color` forces it. */
export function useColor(flags: { color?: boolean; noColor?: boolean }, env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (flags.noColor) return false;
  if (flags.color) return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY;
}
