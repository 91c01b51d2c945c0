/** The command line: parse arguments, load configuration, lint, format, and return the exit code. */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { rules } from '../rules/index.js';
import { findConfigFile, readConfigFile, UsageError, type Config } from './config.js';
import { formatters } from './formatters/index.js';
import { openInBrowser } from './report/open.js';
import { lint } from './lint.js';
import type { Severity } from './types.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colour on by default). */
  isTTY: boolean;
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
  --config <file>          Configuration file (default: doc-drift.config.{json,yaml} or a
                           "doc-drift" key in package.json, searched upward)
  --no-config              Use no configuration file
  --rule <id=severity>     Set a rule's severity: error, warning, info or off (repeatable)
  --strict-code            Compare code comments and display strings too
  -f, --format <name>      Output format: ${Object.keys(formatters).join(', ')} (default: stylish)
  -o, --output-file <file> Write the report to a file instead of standard output
  --quiet                  Report errors only
  --max-warnings <n>       Exit 1 when there are more than n warnings
  --color, --no-color      Force colour on or off (NO_COLOR is honoured)
  --list-rules             List the rules and their default severities
  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 no error, 1 drift at error severity (or too many warnings), 2 bad usage or internal failure.
`;

function version(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '..', '..', 'package.json'), join(here, '..', 'package.json')]) {
    try {
      return (JSON.parse(readFileSync(candidate, 'utf8')) as { version: string }).version;
    } catch {
      // try the next layout (built or from source)
    }
  }
  return 'unknown';
}

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
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
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
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'list-rules': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
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
    io.stdout(`${version()}\n`);
    return 0;
  }
  if (values['list-rules']) {
    const width = Math.max(...rules.map((rule) => rule.id.length));
    for (const rule of rules) io.stdout(`${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.fixable ? 'fixable  ' : '         '}${rule.description}\n`);
    return 0;
  }
  const format = values.format ?? 'stylish';
  const formatter = formatters[format];
  if (!formatter) throw new UsageError(`unknown format \`${format}\` (known: ${Object.keys(formatters).join(', ')})`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings needs a whole number of 0 or more');
  }

  // Positionals: one directory (the root), or Markdown files whose pages to lint.
  let root = '.';
  let only: string[] | undefined;
  if (positionals.length === 1 && !/\.mdx?$/i.test(positionals[0]!)) root = positionals[0]!;
  else if (positionals.length > 0) {
    const bad = positionals.filter((path) => !/\.mdx?$/i.test(path));
    if (bad.length > 0) throw new UsageError(`expected one directory or Markdown files, got ${bad.map((p) => `\`${p}\``).join(', ')}`);
    only = positionals.map((path) => relative(io.cwd, resolve(io.cwd, path)).split('\\').join('/'));
  }

  const ruleIds = rules.map((rule) => rule.id);
  let config: Config = {};
  const configFile = values['no-config'] ? undefined : values.config ? resolve(io.cwd, values.config) : findConfigFile(resolve(io.cwd, root));
  if (configFile) config = readConfigFile(configFile, ruleIds);
  const severities: Record<string, Severity | 'off'> = { ...(config.rules ?? {}) };
  for (const setting of values.rule ?? []) {
    const [id, severity] = setting.split('=');
    if (!id || !ruleIds.includes(id)) throw new UsageError(`--rule ${setting}: unknown rule \`${id}\` (see --list-rules)`);
    if (!severity || !['error', 'warning', 'info', 'off'].includes(severity)) throw new UsageError(`--rule ${setting}: severity must be error, warning, info or off`);
    severities[id] = severity as Severity | 'off';
  }
  const locales = values.locales?.split(',').map((locale) => locale.trim()).filter(Boolean);
  const result = await lint({
    ...config,
    cwd: io.cwd,
    root,
    only,
    source: values.source ?? config.source,
    locales: locales ?? config.locales,
    patterns: values.pattern ?? config.patterns,
    ignore: [...(config.ignore ?? []), ...(values.ignore ?? [])],
    rules: severities,
    strictCode: values['strict-code'] ?? config.strictCode,
  });
  if (values.quiet) {
    result.findings = result.findings.filter((finding) => finding.severity === 'error');
  }
  const color = values['no-color'] ? false : values.color ? true : !io.env.NO_COLOR && io.isTTY && !values['output-file'];
  const output = formatter(result, { color, cwd: io.cwd, outputFile: values['output-file'] && resolve(io.cwd, values['output-file']) });
  if (values['output-file']) {
    try {
      writeFileSync(resolve(io.cwd, values['output-file']), output);
    } catch (error) {
      throw new UsageError(`cannot write ${values['output-file']}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
  } else {
    io.stdout(output);
  }
  if (!values.quiet && !values.pattern && !config.patterns && format !== 'stylish') {
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
  if (open) openInBrowser(path, io);
  return 0;
}
