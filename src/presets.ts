/** Presets: one line of configuration for the common documentation layouts (`--preset hugo`, `"preset": "hugo"`). */
import type { Config } from './config.js';

export const presets = {
  /** tldr-pages: `pages/**` in English, `pages.{locale}/**` for translations; `{{…}}` placeholders are translated. */
  tldr: { source: 'en', patterns: ['pages/**', 'pages.{locale}/**'], translatablePlaceholders: true },
  /** Docusaurus i18n: source in `docs/`, translations in `i18n/{locale}/docusaurus-plugin-content-docs/current/`. */
  docusaurus: { source: 'en', patterns: ['docs/**', 'i18n/{locale}/docusaurus-plugin-content-docs/current/**'] },
  /** Hugo multilingual by directory (OpenTelemetry, Kubernetes): `content/{locale}/**`. */
  hugo: { source: 'en', patterns: ['content/{locale}/**'] },
  /** Starlight: the root locale in `src/content/docs/`, others in `src/content/docs/{locale}/`. */
  starlight: { source: 'en', patterns: ['src/content/docs/**', 'src/content/docs/{locale}/**'] },
  /**
   * Adobe Experience League: one repository per locale checked out side by side (`experience-platform.de-DE/help/**`),
   * as upstream. No source locale unless set: copies are compared as peers. (One directory per locale, `de-DE/help/**`
   * as in the seeds, needs no preset: it is detected.)
   */
  adobe: { patterns: ['*.{locale}/help/**'] },
} satisfies Record<string, Config>;

export type PresetName = keyof typeof presets;

/** The preset called `name`, or undefined. */
export function presetNamed(name: string): Config | undefined {
  return Object.hasOwn(presets, name) ? presets[name as PresetName] : undefined;
}
