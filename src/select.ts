/** Which pages to lint: a root directory, the pages of the given Markdown files, or those changed in git. */
import { relative, resolve } from 'node:path';
import { UsageError } from './config.js';
import { changedMarkdown } from './git.js';

export interface Selection {
  /** Directory to lint, relative to the working directory. */
  root: string;
  /** Files (relative to the working directory) whose page groups to lint; undefined for every page. */
  only?: string[];
}

const MARKDOWN = /\.mdx?$/i;

function toPosix(path: string): string {
  return path.split('\\').join('/');
}

/**
 * Read the positionals (one directory, or Markdown files) and `--changed [REF]` into a selection. `notify` receives a
 * line for standard error.
 */
export function selectPages(options: {
  positionals: string[];
  changed?: { ref?: string };
  cwd: string;
  env: Record<string, string | undefined>;
  notify?: (line: string) => void;
}): Selection {
  const { positionals, cwd } = options;
  let root = '.';
  let only: string[] | undefined;
  if (positionals.length === 1 && !MARKDOWN.test(positionals[0]!)) root = positionals[0]!;
  else if (positionals.length > 0) {
    const bad = positionals.filter((path) => !MARKDOWN.test(path));
    if (bad.length > 0) throw new UsageError(`expected one directory or Markdown files, got ${bad.map((p) => `\`${p}\``).join(', ')}`);
    only = positionals.map((path) => toPosix(relative(cwd, resolve(cwd, path))));
  }
  if (options.changed) {
    const changed = changedMarkdown(resolve(cwd, root), options.changed.ref, options.env);
    only = [...(only ?? []), ...changed.files.map((file) => toPosix(relative(cwd, resolve(cwd, root, file))))];
    const count = changed.files.length;
    options.notify?.(`${count} changed Markdown file${count === 1 ? '' : 's'} since ${changed.baseName} (${changed.base.slice(0, 7)})`);
  }
  return { root, only };
}
