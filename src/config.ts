/** Find, read and check the configuration; merge it with the command line over the defaults. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_OPTIONS } from './defaults.js';
import type { RuleOptions, SeveritySetting } from './types.js';

export interface Config {
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
  doNotTranslate?: string[];
  noSpaceLocales?: string[];
  linkLocalePatterns?: string[];
}

const KEYS: Record<keyof Config, 'string' | 'strings' | 'boolean' | 'rules'> = {
  source: 'string',
  locales: 'strings',
  patterns: 'strings',
  ignore: 'strings',
  rules: 'rules',
  metadataKeys: 'strings',
  identicalKeys: 'strings',
  revisionKeys: 'strings',
  strictCode: 'boolean',
  translatablePlaceholders: 'boolean',
  doNotTranslate: 'strings',
  noSpaceLocales: 'strings',
  linkLocalePatterns: 'strings',
};

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/** A problem with the configuration or the command line: exit code 2. */
export class UsageError extends Error {}

/** Check a configuration object read from `file`; throws a UsageError naming the key and the file. */
export function validateConfig(value: unknown, file: string, ruleIds: readonly string[]): Config {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${file}: the configuration must be an object of settings`);
  }
  for (const [key, setting] of Object.entries(value)) {
    const kind = KEYS[key as keyof Config];
    if (!kind) throw new UsageError(`${file}: unknown key \`${key}\` (known keys: ${Object.keys(KEYS).join(', ')})`);
    const bad = (what: string) => new UsageError(`${file}: \`${key}\` must be ${what}`);
    if (kind === 'string' && typeof setting !== 'string') throw bad('a string');
    if (kind === 'boolean' && typeof setting !== 'boolean') throw bad('true or false');
    if (kind === 'strings' && !(Array.isArray(setting) && setting.every((item) => typeof item === 'string'))) {
      throw bad('a list of strings');
    }
    if (kind === 'rules') {
      if (!setting || typeof setting !== 'object' || Array.isArray(setting)) throw bad('an object of rule ids to severities');
      for (const [rule, severity] of Object.entries(setting)) {
        if (!ruleIds.includes(rule)) throw new UsageError(`${file}: unknown rule \`${rule}\` in \`rules\``);
        if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
          throw new UsageError(`${file}: rule \`${rule}\` must be one of error, warning, info, off`);
        }
      }
    }
  }
  return value as Config;
}

const CONFIG_FILES = ['doc-drift.config.json', 'doc-drift.config.yaml', 'doc-drift.config.yml', '.doc-driftrc.json', '.doc-driftrc.yaml', '.doc-driftrc.yml', '.doc-driftrc'];

/** Read a configuration file (JSON or YAML); throws a UsageError on bad syntax. */
export function readConfigFile(file: string, ruleIds: readonly string[]): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the configuration file ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  let value: unknown;
  try {
    value = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (file.endsWith('package.json')) {
    value = (value as Record<string, unknown>)['doc-drift'];
  }
  return validateConfig(value ?? {}, file, ruleIds);
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

/** Rule options from a configuration, over the defaults. */
export function ruleOptions(config: Config): RuleOptions {
  return {
    metadataKeys: config.metadataKeys ?? DEFAULT_OPTIONS.metadataKeys,
    identicalKeys: config.identicalKeys ?? DEFAULT_OPTIONS.identicalKeys,
    revisionKeys: config.revisionKeys ?? DEFAULT_OPTIONS.revisionKeys,
    strictCode: config.strictCode ?? DEFAULT_OPTIONS.strictCode,
    translatablePlaceholders: config.translatablePlaceholders ?? DEFAULT_OPTIONS.translatablePlaceholders,
    doNotTranslate: config.doNotTranslate ?? DEFAULT_OPTIONS.doNotTranslate,
    noSpaceLocales: config.noSpaceLocales ?? DEFAULT_OPTIONS.noSpaceLocales,
    linkLocalePatterns: config.linkLocalePatterns ?? DEFAULT_OPTIONS.linkLocalePatterns,
  };
}
