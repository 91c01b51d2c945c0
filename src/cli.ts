/** The command line: parse arguments, load configuration, lint, format, and return the exit code. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rules } from '../rules/index.js';
import { loadConfig, printConfig, UsageError } from './config.js';
import { formatters } from './formatters/index.js';
import { DEFAULT_CACHE_LOCATION, toolVersion } from './cache.js';
import { takeChangedFlag } from './git.js';
import { lint } from './lint.js';
import { parseOutputs, useColor, writeOutputs } from './outputs.js';
import { checkPostprocessOptions, postprocess } from './postprocess.js';
import { createProgress } from './progress.js';
import { selectPages } from './select.js';
import { parseShard } from './shard.js';
import type { Severity } from './types.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colour on by default). */
  isTTY: boolean;
  /** Whether stderr is a terminal (progress shown on long runs). */
  stderrIsTTY?: boolean;
}

const HELP = `Usage: doc-drift [options] [directory | files...]
       doc-drift report [directory] [--output drift-report.html] [--open] [options]

Find drift between the locale copies of translated Markdown pages: code blocks, placeholders,
HTTP headers, URLs, tables, identifiers and front matter that must stay identical.

With no options, doc-drift detects the layout of the current directory (or the given one).
Given Markdown files, it lints only the pages those files belong to, in every locale.

The report command writes the findings as one self-contained HTML page (see doc-drift report --help).

Options:
  --source <locale>        Source locale: every translation is compared with it
                           (default: en when present; otherwise copies are compared as peers)
  --locales <a,b,c>        Only these locales
  --pattern <pattern>      Where copies live, with a {locale} token, e.g. 'content/{locale}/**';
                           a pattern without {locale} is where the source lives (repeatable)
  --ignore <glob>          Leave out matching files (repeatable)
  --config <file>          Configuration file (default: doc-drift.config.{json,yaml,mjs}, .doc-driftrc*
                           or a "doc-drift" key in package.json, searched upward)
  --no-config              Use no configuration file
  --preset <name>          Start from a layout preset: tldr, docusaurus, hugo, starlight, adobe
  --print-config           Print the settings in effect and exit
  --rule <id=severity>     Set a rule's severity: error, warning, info or off (repeatable)
  --strict-code            Compare code comments and display strings too

Changed pages (pre-commit, pull requests):
  files...                 Lint only the pages these Markdown files belong to, in every locale
                           (deleted files count too)
  --changed[=REF]          Lint the pages of the Markdown files changed since REF (default: the
                           merge base with the default branch), staged, unstaged or untracked
  --shard <i/n>            Lint only shard i of n (a stable split by page)

Output:
  -f, --format <name[:file]>
                           Output format: ${Object.keys(formatters).join(', ')}
                           (default: stylish); repeatable, e.g. -f stylish -f sarif:drift.sarif
  -o, --output-file <file> Write the format that has no file of its own here instead of stdout
  --quiet                  Report errors only
  --max-warnings <n>       Exit 1 when there are more than n warnings
  --color, --no-color      Force colour on or off (NO_COLOR is honoured)
  --cache                  Reuse the summaries and findings of files that did not change
  --cache-location <dir>   Where the cache lives (default: ${DEFAULT_CACHE_LOCATION}); implies --cache
  --threads <n>            Threads that lint, this one included (default: one per core; 0 or 1: this one only)

Suppressions and baseline:
  --no-inline-config       Ignore <!-- doc-drift-disable… --> comments
  --report-unused-disable-directives
                           Report disable comments that suppress nothing (as errors)
  --baseline <file>        Report only findings that are not in this baseline
  --update-baseline        Write the current findings to the --baseline file first

Other:
  --list-rules             List the rules and their default severities
  --fix                    Repair drift from the reference copy (code, placeholders, headers, links,
                           identifiers, markers...), never prose; then report what is left
  --fix-dry-run            Print the fixes as a unified diff per file; write nothing
  --fix-type <a,b>         Only these kinds of fixes: code, placeholders, headers, links, frontmatter,
                           anchors, markers, admonitions, spacing, or rule ids
  --fix-from <locale>      Take fixes from this locale (default: the source locale; needed without one)
  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 no error, 1 drift at error severity (or too many warnings), 2 bad usage or internal failure.
`;


/** Run doc-drift with `argv` (arguments after the program name); returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await (argv[0] === 'report' ? report(argv.slice(1), io) : run(argv, io));
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`doc-drift: ${error.message}\n`);
      return 2;
    }
    io.stderr(`doc-drift: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this.\n`);
    return 2;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  // --changed takes an optional REF, which parseArgs cannot express: take it out first.
  const changedFlag = takeChangedFlag(argv, (word) => existsSync(resolve(io.cwd, word)));
  let parsed;
  try {
    parsed = parseArgs({
      args: changedFlag.argv,
      allowPositionals: true,
      options: {
        source: { type: 'string' },
        locales: { type: 'string' },
        pattern: { type: 'string', multiple: true },
        ignore: { type: 'string', multiple: true },
        config: { type: 'string' },
        'no-config': { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        'strict-code': { type: 'boolean' },
        format: { type: 'string', short: 'f', multiple: true },
        'output-file': { type: 'string', short: 'o' },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        threads: { type: 'string' },
        'list-rules': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        // --- CI and pre-commit options (issue 3): logic lives in config, git, suppress, baseline, shard, outputs ---
        preset: { type: 'string' },
        'print-config': { type: 'boolean' },
        'no-inline-config': { type: 'boolean' },
        'report-unused-disable-directives': { type: 'boolean' },
        baseline: { type: 'string' },
        'update-baseline': { type: 'boolean' },
        shard: { type: 'string' },
        // --- end of CI and pre-commit options ---
        // --fix and friends (logic in fix.ts)
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'fix-type': { type: 'string' },
        'fix-from': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}; see doc-drift --help`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  if (values['list-rules']) {
    const width = Math.max(...rules.map((rule) => rule.id.length));
    for (const rule of rules) io.stdout(`${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.fixable ? 'fixable  ' : '         '}${rule.description}\n`);
    return 0;
  }
  const outputs = parseOutputs(values.format, values['output-file']);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings needs a whole number of 0 or more');
  }
  // --- CI and pre-commit: which pages (files, --changed, --shard) and what happens to findings afterwards ---
  const notify = (line: string) => io.stderr(`doc-drift: ${line}\n`);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const { root, only } = selectPages({ positionals, changed: changedFlag.changed, cwd: io.cwd, env: io.env, notify: values.quiet ? undefined : notify });
  const post = {
    cwd: io.cwd,
    inlineConfig: !values['no-inline-config'],
    reportUnusedDirectives: Boolean(values['report-unused-disable-directives']),
    baseline: values.baseline,
    updateBaseline: Boolean(values['update-baseline']),
    quiet: Boolean(values.quiet),
    only,
    partial: only !== undefined || shard !== undefined,
  };
  checkPostprocessOptions(post);
  // --- end ---

  const ruleIds = rules.map((rule) => rule.id);
  const { config, file: configFile } = await loadConfig({
    file: values.config ? resolve(io.cwd, values.config) : undefined,
    search: values['no-config'] ? false : resolve(io.cwd, root),
    preset: values.preset,
  });
  const severities: Record<string, Severity | 'off'> = { ...(config.rules ?? {}) };
  for (const setting of values.rule ?? []) {
    const [id, severity] = setting.split('=');
    if (!id || !ruleIds.includes(id)) throw new UsageError(`--rule ${setting}: unknown rule \`${id}\` (see --list-rules)`);
    if (!severity || !['error', 'warning', 'info', 'off'].includes(severity)) throw new UsageError(`--rule ${setting}: severity must be error, warning, info or off`);
    severities[id] = severity as Severity | 'off';
  }
  let threads: number | undefined;
  if (values.threads !== undefined) {
    threads = Number(values.threads);
    if (!Number.isInteger(threads) || threads < 0) throw new UsageError('--threads needs a whole number of 0 or more');
  }
  const cacheLocation = values['cache-location'] ?? (values.cache ? DEFAULT_CACHE_LOCATION : undefined);
  const progress = createProgress({ write: io.stderr, isTTY: io.stderrIsTTY ?? false, env: io.env, quiet: values.quiet });
  const locales = values.locales?.split(',').map((locale) => locale.trim()).filter(Boolean);
  const options = {
    ...config,
    source: values.source ?? config.source,
    locales: locales ?? config.locales,
    patterns: values.pattern ?? config.patterns,
    ignore: [...(config.ignore ?? []), ...(values.ignore ?? [])],
    rules: severities,
    strictCode: values['strict-code'] ?? config.strictCode,
  };
  if (values['print-config']) {
    io.stdout(printConfig(options, configFile, ruleIds));
    return 0;
  }

  // --fix, --fix-dry-run, --fix-type, --fix-from: fix first (see fix.ts), then report what is left as usual.
  const fixing = values.fix || values['fix-dry-run'];
  if (!fixing && (values['fix-type'] !== undefined || values['fix-from'] !== undefined)) {
    throw new UsageError('--fix-type and --fix-from go with --fix or --fix-dry-run');
  }
  if (fixing) {
    // Loaded only here: a plain run (a pre-commit hook) never pays for the fixer.
    const { fix, fixDiff, fixSummary, parseFixTypes } = await import('./fix.js');
    const fixed = await fix({ ...options, cwd: io.cwd, root, only, from: values['fix-from'], types: parseFixTypes(values['fix-type']), inlineConfig: !values['no-inline-config'], dryRun: values['fix-dry-run'] ?? false });
    if (values['fix-dry-run']) {
      io.stdout(fixDiff(fixed) + fixSummary(fixed));
      return fixed.refused ? 2 : fixed.left.some((finding) => finding.severity === 'error') ? 1 : 0;
    }
    (outputs.find((output) => !output.file)?.format === 'stylish' ? io.stdout : io.stderr)(fixSummary(fixed));
    if (fixed.refused) return 2;
  }
  // --- end of --fix ---

  const linted = await lint({ ...options, cwd: io.cwd, root, only, shard, cacheLocation, threads, onProgress: progress.update });
  progress.end();

  const result = postprocess(linted, post, notify);
  const color = useColor({ color: values.color, noColor: values['no-color'] }, io.env, io.isTTY);
  writeOutputs(result, outputs, { cwd: io.cwd, stdout: io.stdout, color });
  const stdoutFormat = outputs.find((output) => !output.file)?.format;
  if (!values.quiet && !options.patterns && stdoutFormat !== 'stylish') {
    io.stderr(`doc-drift: ${result.layout.name} layout (${result.layout.patterns.join(' + ')}), ${result.layout.source ? `source ${result.layout.source}` : 'no source locale'}\n`);
  }
  if (result.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) return 1;
  return 0;
}

// ---- `doc-drift report`: the HTML report of src/report ----------------------------------------------------------

const REPORT_HELP = `Usage: doc-drift report [directory] [--output drift-report.html] [--open] [options]

Write the findings as one self-contained HTML page: a pages x locales matrix, counts per rule and
locale, filters, and each page's copies side by side with code diffs. It opens from disk, offline.

  -o, --output <file>  Where to write the report (default: drift-report.html)
  --open               Open the report in the default browser
  Lint options (--source, --locales, --pattern, --config, --rule, ...) work as for doc-drift itself.

Exit codes: 0 report written (whatever it found), 2 bad usage or internal failure.
`;

/** `doc-drift report`: lint as usual, write the html format to a file, and optionally open it. */
async function report(argv: string[], io: Io): Promise<number> {
  let output = 'drift-report.html';
  let open = false;
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '-h' || arg === '--help') {
      io.stdout(REPORT_HELP);
      return 0;
    }
    if (arg === '--output' || arg === '-o' || arg === '--output-file') {
      const value = argv[++index];
      if (!value || value.startsWith('-')) throw new UsageError(`${arg} needs a file name`);
      output = value;
    } else if (arg.startsWith('--output=')) output = arg.slice('--output='.length);
    else if (arg === '--open') open = true;
    else if (arg === '-f' || arg.startsWith('--format')) throw new UsageError('doc-drift report always writes HTML; --format belongs to the lint command');
    else rest.push(arg);
  }
  const code = await run([...rest, '--format', 'html', '--output-file', output], io);
  if (code === 2) return code;
  const path = resolve(io.cwd, output);
  io.stderr(`doc-drift: wrote ${output}\n`);
  if (open) (await import('./report/open.js')).openInBrowser(path, io);
  return 0;
}
