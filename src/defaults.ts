/** Default rule options: which front matter keys are metadata, identifiers or revisions, and the like. */
import type { RuleOptions } from './types.js';

export const DEFAULT_OPTIONS: RuleOptions = {
  metadataKeys: [
    'translation-type', 'workflow-type', 'source-wordcount', 'ht-degree', 'source-git-commit', 'default_lang_commit',
    'drifted_from_default', 'translation_status', 'translated', 'translator', 'translators', 'i18nReady', 'ai-translated',
    'machine-translated', 'l10n', 'lang', 'language', 'locale', 'sourceCommit', 'outdated', 'mt',
    // Spell-checker word lists (OTel) hold each locale's own words.
    'cSpell:ignore', 'cSpell:words', 'cspell:ignore', 'cspell:words',
    // dumi (Ant Design): the Chinese name of a component, shown beside its title in zh-CN only.
    'subtitle',
    // Starlight: `sidebar.label` and `sidebar.badge` are written per locale.
    'sidebar',
  ],
  // Checked against the corpora: OTel copies keep `aliases` (229 of 267 copies of pages that have them) and `weight`;
  // `type` is left out because dumi (Ant Design) uses it for a translated category name (`通用` / `General`).
  identicalKeys: ['exl-id', 'id', 'uid', 'slug', 'aliases', 'layout', 'weight', 'sidebar_position', 'template', 'permalink', 'cascade'],
  revisionKeys: ['source-git-commit', 'default_lang_commit', 'l10n.sourceCommit', 'sourceCommit', 'translation_source_commit'],
  strictCode: false,
  translatablePlaceholders: false,
  strictInlineCode: false,
  doNotTranslate: [],
  noSpaceLocales: ['ja', 'zh', 'ko', 'th', 'lo', 'km', 'my', 'bo'],
  linkLocalePatterns: [],
};
