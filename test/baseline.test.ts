import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

interface Parts {
  intro?: string;
  extraBlock?: string;
  otherBody?: string;
  prose?: string;
}

/** A page with enough structure for several rules; `drift` turns on the German copy's drift. */
function page(locale: 'en' | 'de', parts: Parts = {}, extraDrift = ''): string {
  const de = locale === 'de';
  return `---
title: ${de ? 'Stapel' : 'Batches'}
exl-id: ${de ? 'abc-999' : 'abc-123'}
---

# ${de ? 'Stapel anlegen' : 'Create a batch'}

${parts.intro ?? ''}${parts.prose ?? (de ? 'Sende eine Anfrage mit' : 'Send a request with')} \`batchId\`${de ? 'hier' : ' here'}.

${parts.extraBlock ?? ''}\`\`\`sh
${parts.otherBody ?? 'echo start'}
\`\`\`

\`\`\`sh
curl -H 'x-gw-ims-org-id: ${de ? '{ORG_ID}' : '{IMS_ORG}'}' \\
  -H '${de ? 'x-api-key : {API_KEY}' : 'x-api-key: {API_KEY}'}'
\`\`\`

| name | type |
| --- | --- |
| \`id\` | string |
${de ? '' : '| `tags` | array |\n'}${extraDrift}`;
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

async function run(args: string[], cwd: string) {
  const { code, stdout, stderr } = await runCli(['-f', 'json', ...args], cwd);
  const findings = code === 2 ? [] : (JSON.parse(stdout).findings as Array<{ ruleId: string; line: number; fingerprint: string; message: string }>);
  return { code, stderr, findings };
}

describe('baseline', () => {
  it('absorbs old drift through unrelated edits and reports only new drift', async () => {
    const root = mkdtempSync(join(tmpdir(), 'doc-drift-baseline-'));
    write(root, { 'en/a.md': page('en'), 'de/a.md': page('de') });
    const before = await run([], root);
    expect(before.findings.length).toBeGreaterThanOrEqual(5);
    const written = await run(['--baseline', 'drift-baseline.json', '--update-baseline'], root);
    expect(written).toMatchObject({ code: 0, findings: [] });
    const baseline = JSON.parse(readFileSync(join(root, 'drift-baseline.json'), 'utf8'));
    expect(baseline.findings).toHaveLength(before.findings.length);

    // Unrelated edits: lines shifted, prose rewritten, another code block changed, a new code block before the drift.
    const edits: Parts = {
      intro: 'A new introduction.\n\nWith two paragraphs.\n\n',
      extraBlock: '```json\n{"hello": 1}\n```\n\n',
      otherBody: 'echo something else entirely',
    };
    write(root, { 'en/a.md': page('en', edits), 'de/a.md': page('de', { ...edits, prose: 'Schicke nun eine ganz andere Anfrage mit' }) });
    const shifted = await run([], root);
    expect(shifted.findings.map((f) => f.ruleId).sort()).toEqual(before.findings.map((f) => f.ruleId).sort());
    expect(shifted.findings.map((f) => f.line)).not.toEqual(before.findings.map((f) => f.line));
    expect(shifted.findings.map((f) => f.fingerprint).sort()).toEqual(before.findings.map((f) => f.fingerprint).sort());
    const known = await run(['--baseline', 'drift-baseline.json'], root);
    expect(known).toMatchObject({ code: 0, findings: [] });
    expect(known.stderr).toContain(`${before.findings.length} findings already in the baseline`);

    // New drift: a second copy of an existing kind of drift and a new kind; only those are reported.
    write(root, {
      'en/a.md': page('en', edits, '\n```sh\ncurl -H \'x-gw-ims-org-id: {IMS_ORG}\'\n```\n'),
      'de/a.md': page('de', edits, '\n```sh\ncurl -H \'x-gw-ims-org-id: {ORG_ID}\'\n```\n'),
    });
    const fresh = await run(['--baseline', 'drift-baseline.json'], root);
    expect(fresh.code).toBe(1);
    expect(fresh.findings.map((f) => f.ruleId)).toEqual(['code-block-content']);
    expect(fresh.findings[0]!.message).toContain('{ORG_ID}');
  });

  it('refuses a missing or malformed baseline instead of passing everything', async () => {
    const root = mkdtempSync(join(tmpdir(), 'doc-drift-baseline-'));
    write(root, { 'en/a.md': page('en'), 'de/a.md': page('de'), 'bad.json': '{"findings": 3}' });
    expect(await run(['--baseline', 'nope.json'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('--update-baseline') });
    expect(await run(['--baseline', 'bad.json'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('not a doc-drift baseline') });
    expect(await run(['--update-baseline'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('needs --baseline') });
    // A baseline written from part of the pages would drop every other page's entries.
    for (const partial of [['de/a.md'], ['--shard', '1/2']]) {
      expect(await run(['--baseline', 'b.json', '--update-baseline', ...partial], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('records every page') });
    }
  });
});
