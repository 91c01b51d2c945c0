/** Ask git which Markdown files changed since a base revision, for `--changed [REF]`. */
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { UsageError } from './config.js';

/** The history needed to tell what changed is not in this clone (exit 2, never a silent clean result). */
export class ShallowCloneError extends UsageError {}

interface GitRun {
  ok: boolean;
  stdout: string;
  stderr: string;
}

function git(cwd: string, args: string[]): GitRun {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new UsageError(`--changed needs git, which could not be run: ${(run.error as NodeJS.ErrnoException).code ?? run.error.message}`);
  return { ok: run.status === 0, stdout: run.stdout, stderr: run.stderr };
}

function commitExists(cwd: string, ref: string): boolean {
  return git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).ok;
}

const SHALLOW_HELP = 'fetch the full history (actions/checkout: `fetch-depth: 0`; GitLab: `GIT_DEPTH: 0`; locally: `git fetch --unshallow`)';

/** The branch changes are measured against when no REF is given: the pull request's base, else the default branch. */
export function defaultBase(cwd: string, env: Record<string, string | undefined> = {}): string | undefined {
  const candidates: string[] = [];
  if (env.GITHUB_BASE_REF) candidates.push(`origin/${env.GITHUB_BASE_REF}`);
  if (env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME) candidates.push(`origin/${env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME}`);
  const originHead = git(cwd, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  const current = git(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD']).stdout.trim();
  const remoteDefault = originHead.stdout.trim().replace(/^refs\/remotes\//, '');
  // A single-branch clone points origin/HEAD at the branch it cloned: that is this branch, not the default one.
  if (originHead.ok && remoteDefault !== `origin/${current}`) candidates.push(remoteDefault);
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  return candidates.find((candidate) => commitExists(cwd, candidate));
}

export interface ChangedFiles {
  /** Markdown paths relative to `cwd`, forward slashes: added, modified, deleted, both sides of a rename, untracked. */
  files: string[];
  /** The commit compared with. */
  base: string;
  /** How the base was chosen, for messages. */
  baseName: string;
}

/** Markdown files that differ between the merge base of `ref` (default: the default branch) and the working tree. */
export function changedMarkdown(cwd: string, ref: string | undefined, env: Record<string, string | undefined> = {}): ChangedFiles {
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!top.ok) throw new UsageError(`--changed needs a git repository, and ${cwd} is not inside one`);
  const root = top.stdout.trim();
  const shallow = git(cwd, ['rev-parse', '--is-shallow-repository']).stdout.trim() === 'true';
  const baseName = ref ?? defaultBase(cwd, env);
  if (!baseName) {
    if (shallow) throw new ShallowCloneError(`--changed: this is a shallow clone and the default branch is not in it; ${SHALLOW_HELP}, or name a base: --changed=REF`);
    throw new UsageError('--changed: cannot tell the default branch (no origin/HEAD, main or master); name a base: --changed=REF');
  }
  if (!commitExists(cwd, baseName)) {
    if (shallow) throw new ShallowCloneError(`--changed: \`${baseName}\` is not in this shallow clone, so what changed cannot be told; ${SHALLOW_HELP}`);
    throw new UsageError(`--changed: \`${baseName}\` is not a commit, branch or tag in this repository`);
  }
  const mergeBase = git(cwd, ['merge-base', baseName, 'HEAD']);
  if (!mergeBase.ok) {
    if (shallow) throw new ShallowCloneError(`--changed: the common ancestor of \`${baseName}\` and HEAD is not in this shallow clone; ${SHALLOW_HELP}`);
    throw new UsageError(`--changed: \`${baseName}\` and HEAD share no history`);
  }
  const base = mergeBase.stdout.trim();
  const diff = git(cwd, ['diff', '--name-status', '-z', '-M', '--no-ext-diff', base, '--']);
  if (!diff.ok) throw new UsageError(`--changed: git diff failed: ${diff.stderr.trim()}`);
  const paths = new Set<string>();
  const fields = diff.stdout.split('\0');
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i]!;
    if (status.startsWith('R') || status.startsWith('C')) {
      paths.add(fields[i + 1]!);
      paths.add(fields[i + 2]!);
      i += 3;
    } else {
      paths.add(fields[i + 1]!);
      i += 2;
    }
  }
  const untracked = git(cwd, ['ls-files', '--others', '--exclude-standard', '--full-name', '-z']);
  for (const path of untracked.stdout.split('\0')) if (path) paths.add(path);
  const files = [...paths]
    .filter((path) => /\.mdx?$/i.test(path))
    .map((path) => relative(cwd, join(root, path)).split('\\').join('/'))
    .sort();
  return { files, base, baseName };
}

/**
 * Take `--changed`, `--changed=REF` and `--changed REF` out of `argv` (parseArgs has no optional values). A following
 * word is a REF unless it starts with `-`, names a Markdown file or is an existing path (`isPath`).
 */
export function takeChangedFlag(argv: string[], isPath: (word: string) => boolean = () => false): { argv: string[]; changed?: { ref?: string } } {
  const rest: string[] = [];
  let changed: { ref?: string } | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith('--changed=')) {
      changed = { ref: arg.slice('--changed='.length) || undefined };
    } else if (arg === '--changed') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('-') && !/\.mdx?$/i.test(next) && !isPath(next)) {
        changed = { ref: next };
        i++;
      } else {
        changed = {};
      }
    } else {
      rest.push(arg);
    }
  }
  return { argv: rest, changed };
}
