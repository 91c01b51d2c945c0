/** Facts about the tool that machine-readable formats embed: name, version, where each rule is documented. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the project lives; rule docs are `docs/rules/<id>.md` in it. */
export const REPOSITORY_URL = 'https://github.com/doc-drift/doc-drift';

/** The documentation page of a rule. */
export function ruleHelpUri(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}

let cachedVersion: string | undefined;

/** The package version, read from package.json (built or from source). */
export function toolVersion(): string {
  if (cachedVersion) return cachedVersion;
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '..', '..', '..', 'package.json'), join(here, '..', '..', 'package.json')]) {
    try {
      const parsed = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'doc-drift' && parsed.version) return (cachedVersion = parsed.version);
    } catch {
      // try the next layout
    }
  }
  return (cachedVersion = '0.0.0');
}
