/** Default rule options: which front matter keys are metadata, identifiers or revisions, and the like. */
import type { RuleOptions } from './types.js';

export const DEFAULT_OPTIONS: RuleOptions = {
  metadataKeys: [
    'translation-type', 'workflow-type', 'source-wordcount', 'ht-degree', 'source-git-commit', 'default_lang_commit',
    'drifted_from_default', 'translation_status', 'translated', 'translator', 'translators', 'i18nReady', 'ai-translated',
    'machine-translated', 'l10n', 'lang', 'language', 'locale', 'sourceCommit', 'outdated', 'mt',
  ],
  identicalKeys: ['exl-id', 'id', 'uid', 'slug', 'aliases', 'layout', 'type', 'weight', 'sidebar_position', 'template', 'permalink', 'cascade'],
  revisionKeys: ['source-git-commit', 'default_lang_commit', 'l10n.sourceCommit', 'sourceCommit', 'translation_source_commit'],
  strictCode: false,
  translatablePlaceholders: false,
  doNotTranslate: [],
  noSpaceLocales: ['ja', 'zh', 'ko', 'th', 'lo', 'km', 'my', 'bo'],
  linkLocalePatterns: [],
};
