/** The JSON Schema of the configuration, built from the option list and the rule registry so it cannot drift. */
import { rules } from '../rules/index.js';
import { REPOSITORY_URL } from './formatters/meta.js';
import { presets } from './presets.js';

/** Where editors find the schema; the package ships it as `docs/doc-drift.schema.json`. */
export const SCHEMA_ID = `${REPOSITORY_URL}/raw/main/docs/doc-drift.schema.json`;

const strings = (description: string) => ({ type: 'array', items: { type: 'string' }, description });

/** The configuration's JSON Schema (draft-07). */
export function configSchema(): Record<string, unknown> {
  const severity = { enum: ['error', 'warning', 'info', 'off'] };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'doc-drift configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The schema of this file, for editors.' },
      preset: { enum: Object.keys(presets), description: 'Start from the settings of a common layout.' },
      source: { type: 'string', description: 'Source locale; with none, copies are compared as peers.' },
      locales: strings('Only these locales.'),
      patterns: strings('Where copies live, with a {locale} token; a pattern without it is where the source lives.'),
      ignore: strings('Globs of files to leave out.'),
      rules: {
        type: 'object',
        description: 'Severity per rule id.',
        additionalProperties: false,
        properties: Object.fromEntries(rules.map((rule) => [rule.id, { ...severity, description: rule.description }])),
      },
      metadataKeys: strings('Front matter keys that hold translation metadata: never required to match.'),
      identicalKeys: strings('Front matter keys whose values must be identical in every copy.'),
      revisionKeys: strings('Front matter keys naming the source revision a copy was translated from.'),
      strictCode: { type: 'boolean', description: 'Compare code comments and display strings too.' },
      translatablePlaceholders: { type: 'boolean', description: 'Text inside {{…}} placeholders may be translated.' },
      strictInlineCode: { type: 'boolean', description: 'Report inline code that is a plain word (`raise`, `dict`) when it is dropped or translated.' },
      doNotTranslate: strings('Terms that must appear untranslated wherever the reference has them.'),
      noSpaceLocales: strings('Locales whose script uses no spaces between words.'),
      linkLocalePatterns: strings('Extra link localization rules: regex sources with a {locale} token.'),
    },
  };
}
