/** Find, read and check the configuration; merge it with the command line over the defaults. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_OPTIONS } from './defaults.js';
import { presetNamed, presets } from './presets.js';
import { configSchema } from './schema.js';
import { rules } from '../rules/index.js';
import type { RuleOptions, SeveritySetting } from './types.js';

export interface Config {
  /** The schema of the file, for editors; ignored. */
  $schema?: string;
  /** Start from a preset's settings: tldr, docusaurus, hugo, starlight, adobe. */
  preset?: string;
  /** Source locale; with none, copies are compared as peers. */
  source?: string;
  /** Locales to lint; with none, every locale the patterns find. */
  locales?: string[];
  /** Discovery patterns with a `{locale}` token; a pattern without it names where the source locale lives. */
  patterns?: string[];
  /** Globs of files to leave out. */
  ignore?: string[];
  /** Severity per rule id. */
  rules?: Record<string, SeveritySetting>;
  metadataKeys?: string[];
  identicalKeys?: string[];
  revisionKeys?: string[];
  strictCode?: boolean;
  translatablePlaceholders?: boolean;
  strictInlineCode?: boolean;
  doNotTranslate?: string[];
  noSpaceLocales?: string[];
  linkLocalePatterns?: string[];
}

/** A problem with the configuration or the command line: exit code 2. */
export class UsageError extends Error {}

let validator: ValidateFunction | undefined;

/** Where an Ajv error points, as a dotted key: `rules.code-block-content`, `locales[1]`. */
function keyPath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const key = keyPath(error.instancePath, String(params.additionalProperty));
    const known = error.instancePath === '/rules' ? 'see doc-drift --list-rules' : 'see the configuration section of the README';
    return `unknown ${error.instancePath === '/rules' ? 'rule' : 'key'} \`${key}\` (${known})`;
  }
  const key = keyPath(error.instancePath) || '(top level)';
  if (error.keyword === 'enum') return `\`${key}\` must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
  if (error.keyword === 'type') {
    const wanted = String(params.type);
    return `\`${key}\` must be ${wanted === 'array' ? 'a list' : wanted === 'object' ? 'an object' : wanted === 'boolean' ? 'true or false' : `a ${wanted}`}`;
  }
  return `\`${key}\` ${error.message ?? 'is not valid'}`;
}

/** Check a configuration object read from `file` against the shipped JSON Schema; throws a UsageError naming key and file. */
export function validateConfig(value: unknown, file: string): Config {
  if (!validator) {
    // Loaded on first use: most runs (a pre-commit hook with no config file) never pay for Ajv.
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    validator = new Ajv({ allErrors: true, strict: false }).compile(configSchema());
  }
  if (!validator(value)) {
    const messages = [...new Set((validator.errors ?? []).map(describeError))];
    throw new UsageError(`${file}: ${messages.join('; ')}`);
  }
  return value as Config;
}

/** Configuration file names, in the order they are looked for in each directory. */
export const CONFIG_FILES = [
  'doc-drift.config.json',
  'doc-drift.config.yaml',
  'doc-drift.config.yml',
  'doc-drift.config.mjs',
  '.doc-driftrc',
  '.doc-driftrc.json',
  '.doc-driftrc.yaml',
  '.doc-driftrc.yml',
  '.doc-driftrc.mjs',
];

/** Read a configuration file (JSON, YAML, an ES module's default export, or package.json's key); throws a UsageError. */
export async function readConfigFile(file: string): Promise<Config> {
  if (/\.m?js$/.test(file)) {
    let module: { default?: unknown };
    try {
      module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    } catch (error) {
      throw new UsageError(`cannot load the configuration module ${file}: ${(error as Error).message.split('\n')[0]}`);
    }
    if (module.default === undefined) throw new UsageError(`${file}: the module has no default export`);
    return validateConfig(module.default, file);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the configuration file ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  let value: unknown;
  const json = file.endsWith('.json');
  try {
    value = json ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid ${json ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (file.endsWith('package.json')) {
    value = (value as Record<string, unknown>)['doc-drift'];
  }
  return validateConfig(value ?? {}, file);
}

/** Find the configuration for `directory`: the first config file in it or a parent, or a `"doc-drift"` package.json key. */
export function findConfigFile(directory: string): string | undefined {
  let current = resolve(directory);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const packageJson = join(current, 'package.json');
    if (existsSync(packageJson)) {
      try {
        if ('doc-drift' in JSON.parse(readFileSync(packageJson, 'utf8'))) return packageJson;
      } catch {
        // A broken package.json that is not ours is not our problem.
      }
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export interface LoadedConfig {
  config: Config;
  /** The file it came from, when there was one. */
  file?: string;
}

/**
 * The configuration in effect: a preset (from `--preset` or the file's `preset` key) under the file's own settings.
 * `file` is `--config`; `search` is where discovery starts (the working directory); `false` skips files entirely.
 */
export async function loadConfig(options: { file?: string; search?: string | false; preset?: string }): Promise<LoadedConfig> {
  const file = options.file ?? (options.search === false || options.search === undefined ? undefined : findConfigFile(options.search));
  if (options.file && !existsSync(options.file)) throw new UsageError(`--config ${options.file}: no such file`);
  const own = file ? await readConfigFile(file) : {};
  const presetName = options.preset ?? own.preset;
  let base: Config = {};
  if (presetName !== undefined) {
    const preset = presetNamed(presetName);
    if (!preset) throw new UsageError(`unknown preset \`${presetName}\` (known: ${Object.keys(presets).join(', ')})`);
    base = preset;
  }
  const { $schema: _schema, ...settings } = own;
  return { config: { ...base, ...settings, ...(presetName ? { preset: presetName } : {}), rules: { ...(base.rules ?? {}), ...(own.rules ?? {}) } }, file };
}

/** Rule options from a configuration, over the defaults. */
export function ruleOptions(config: Config): RuleOptions {
  return {
    metadataKeys: config.metadataKeys ?? DEFAULT_OPTIONS.metadataKeys,
    identicalKeys: config.identicalKeys ?? DEFAULT_OPTIONS.identicalKeys,
    revisionKeys: config.revisionKeys ?? DEFAULT_OPTIONS.revisionKeys,
    strictCode: config.strictCode ?? DEFAULT_OPTIONS.strictCode,
    translatablePlaceholders: config.translatablePlaceholders ?? DEFAULT_OPTIONS.translatablePlaceholders,
    strictInlineCode: config.strictInlineCode ?? DEFAULT_OPTIONS.strictInlineCode,
    doNotTranslate: config.doNotTranslate ?? DEFAULT_OPTIONS.doNotTranslate,
    noSpaceLocales: config.noSpaceLocales ?? DEFAULT_OPTIONS.noSpaceLocales,
    linkLocalePatterns: config.linkLocalePatterns ?? DEFAULT_OPTIONS.linkLocalePatterns,
  };
}

/** The settings in effect, as `--print-config` shows them: every rule's severity and every option, defaults filled in. */
export function printConfig(config: Config, file: string | undefined, ruleIds: readonly string[]): string {
  const severities = Object.fromEntries(ruleIds.map((id) => [id, config.rules?.[id] ?? rules.find((rule) => rule.id === id)?.defaultSeverity]));
  const shown = {
    configFile: file ?? null,
    ...(config.preset ? { preset: config.preset } : {}),
    source: config.source ?? null,
    locales: config.locales ?? null,
    patterns: config.patterns ?? null,
    ignore: config.ignore ?? [],
    rules: severities,
    ...ruleOptions(config),
  };
  return `${JSON.stringify(shown, null, 2)}\n`;
}
