/** The registry of every rule, in the order their findings are listed for one place. */
import type { Rule } from '../src/types.js';
import { admonitionKeyword } from './admonition-keyword.js';
import { codeBlockContent } from './code-block-content.js';
import { codeBlockLanguage } from './code-block-language.js';
import { codeBlockPresence } from './code-block-presence.js';
import { doNotTranslate } from './do-not-translate.js';
import { frontmatterKeys } from './frontmatter-keys.js';
import { frontmatterTextTokens } from './frontmatter-text-tokens.js';
import { frontmatterValues } from './frontmatter-values.js';
import { frontmatterYaml } from './frontmatter-yaml.js';
import { headingAnchor } from './heading-anchor.js';
import { headingStructure } from './heading-structure.js';
import { inlineCode } from './inline-code.js';
import { inlineCodeSpacing } from './inline-code-spacing.js';
import { linkTarget } from './link-target.js';
import { missingTranslation } from './missing-translation.js';
import { orphanTranslation } from './orphan-translation.js';
import { sourceRevision } from './source-revision.js';
import { tableInlineCode } from './table-inline-code.js';
import { tableStructure } from './table-structure.js';
import { mdxSyntax } from './mdx-syntax.js';
import { unreadableFile } from './unreadable-file.js';

export const rules: readonly Rule[] = [
  unreadableFile,
  mdxSyntax,
  frontmatterYaml,
  frontmatterKeys,
  frontmatterValues,
  frontmatterTextTokens,
  sourceRevision,
  headingStructure,
  headingAnchor,
  codeBlockPresence,
  codeBlockLanguage,
  codeBlockContent,
  tableStructure,
  tableInlineCode,
  inlineCode,
  inlineCodeSpacing,
  linkTarget,
  doNotTranslate,
  admonitionKeyword,
  missingTranslation,
  orphanTranslation,
];
