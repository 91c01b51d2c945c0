import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { escapeData, escapeProperty, github } from '../src/formatters/github.js';
import { gitlab } from '../src/formatters/gitlab.js';
import { junit } from '../src/formatters/junit.js';
import { markdown } from '../src/formatters/markdown.js';
import { reportModel } from '../src/report/model.js';
import { sarif } from '../src/formatters/sarif.js';
import { lint } from '../src/lint.js';
import type { LintResult } from '../src/types.js';
import { runCli } from './run-cli.js';

const example = resolve(import.meta.dirname, '../fixtures/example');
const seeds = resolve(import.meta.dirname, '../../shared/seeds');
const hasPython = spawnSync('python3', ['-c', 'import xml.dom.minidom'], { encoding: 'utf8' }).status === 0;
const sarifSchemaPath = resolve(import.meta.dirname, '../../shared/schemas/sarif-schema-2.1.0.json');

let result: LintResult;
beforeAll(async () => {
  result = await lint({ cwd: example });
});

function run(args: string[], cwd = example) {
  return runCli(args, cwd);
}

describe('sarif', () => {
  it.skipIf(!existsSync(sarifSchemaPath))('validates against the official SARIF 2.1.0 schema, and a broken log does not', () => {
    const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(sarifSchemaPath, 'utf8')));
    const log = JSON.parse(sarif(result));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // The validator is real: a log with a bad level and no message text is rejected.
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].results[0].message.text;
    expect(validate(broken)).toBe(false);
    expect(validate({ version: '2.1.0' })).toBe(false);
  });

  it.skipIf(!existsSync(sarifSchemaPath) || !existsSync(seeds))('validates for peer findings on the seed page too', async () => {
    const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(sarifSchemaPath, 'utf8')));
    const peers = await lint({ cwd: seeds });
    expect(peers.findings.length).toBeGreaterThan(0);
    const log = JSON.parse(sarif(peers));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].results.every((r: { relatedLocations?: unknown[] }) => r.relatedLocations?.length === 1 || r.relatedLocations === undefined)).toBe(true);
  });

  it('has one result per finding, rules with help links, and the reference copy as a related location', () => {
    const log = JSON.parse(sarif(result));
    const run = log.runs[0];
    expect(run.results).toHaveLength(result.findings.length);
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'code-block-content');
    expect(rule.helpUri).toMatch(/docs\/rules\/code-block-content\.md$/);
    const renamed = run.results.find((r: { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.ruleId === 'code-block-content' && r.locations[0]!.physicalLocation.artifactLocation.uri === 'de/api/create-batch.md');
    expect(renamed.level).toBe('error');
    expect(renamed.locations[0].physicalLocation.region.startLine).toBe(20);
    expect(renamed.relatedLocations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'en/api/create-batch.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 20 } });
    expect(run.tool.driver.rules[renamed.ruleIndex].id).toBe('code-block-content');
    expect(renamed.partialFingerprints['docDrift/v1']).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('github', () => {
  it('escapes data and properties as GitHub requires', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('writes one annotation per finding with file, lines and title', () => {
    const lines = github(result).trimEnd().split('\n');
    expect(lines).toHaveLength(result.findings.length);
    expect(lines).toContain(
      '::error file=de/api/create-batch.md,line=20,endLine=20,col=1,endColumn=35,title=doc-drift code-block-content (de)::Placeholder renamed in code block: expected `{IMS_ORG}` as in en:20, found `{ORG_ID}` (reference: en/api/create-batch.md:20)',
    );
    expect(lines.filter((line) => line.startsWith('::notice '))).toHaveLength(result.summary.infos);
    const tricky: LintResult = { ...result, findings: [{ ...result.findings[0]!, file: 'a,b:c.md', message: 'line one\nline two 100%' }] };
    expect(github(tricky)).toContain('file=a%2Cb%3Ac.md,');
    expect(github(tricky)).toMatch(/::line one%0Aline two 100%25/);
  });
});

describe('junit, markdown, gitlab', () => {
  it('junit lists a failing test case per finding, escaped', () => {
    const xml = junit({ ...result, findings: [...result.findings, { ...result.findings[0]!, message: 'a <b> & "c"' }] });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml.match(/<testcase /g)).toHaveLength(result.findings.length + 1);
    expect(xml.match(/<failure /g)).toHaveLength(result.findings.length + 1);
    expect(xml).toContain('a &lt;b&gt; &amp; &quot;c&quot;');
    expect(xml).not.toContain('<b>');
    const clean = junit({ ...result, findings: [] });
    expect(clean).toContain('failures="0"');
    expect(clean.match(/<testcase /g)).toHaveLength(1);
  });

  it.skipIf(!hasPython)('junit is well-formed XML to a real parser', () => {
    const xml = junit({ ...result, findings: [...result.findings, { ...result.findings[0]!, message: 'a <b> & "c" \u0001 ]]>' }] });
    const parsed = spawnSync('python3', ['-c', 'import sys, xml.dom.minidom; d = xml.dom.minidom.parseString(sys.stdin.buffer.read()); print(len(d.getElementsByTagName("failure")))'], { input: xml, encoding: 'utf8' });
    expect(parsed.stderr).toBe('');
    expect(Number(parsed.stdout.trim())).toBe(result.findings.length + 1);
  });

  it('markdown has counts, a table per file, and cells that cannot break the table', () => {
    const text = markdown(result);
    expect(text).toContain(`| ${result.summary.errors} | ${result.summary.warnings} | ${result.summary.infos} |`);
    expect(text).toContain('### `de/api/create-batch.md`');
    const piped = markdown({ ...result, findings: [{ ...result.findings[0]!, message: 'a | b\nc <x>' }] });
    expect(piped).toContain('a \\| b c &lt;x&gt;');
    expect(markdown({ ...result, findings: [], summary: { ...result.summary, errors: 0, warnings: 0, infos: 0 } })).toContain('✅ No drift');
  });

  it('markdown counts per rule and locale come from the report model, and add up to the JSON summary', () => {
    const text = markdown(result);
    const model = reportModel(result);
    for (const rule of model.rules) expect(text).toContain(`| [\`${rule.ruleId}\`](${rule.docs}) | ${rule.errors} | ${rule.warnings} | ${rule.infos} | ${rule.pages} |`);
    const ruleRows = [...text.matchAll(/^\| \[`[a-z-]+`\]\([^)]*\) \| (\d+) \| (\d+) \| (\d+) \|/gm)];
    const sum = (k: number) => ruleRows.reduce((total, row) => total + Number(row[k]), 0);
    expect([sum(1), sum(2), sum(3)]).toEqual([result.summary.errors, result.summary.warnings, result.summary.infos]);
    const localeRows = [...text.matchAll(/^\| `([\w-]+)` \| (\d+) \| (\d+) \| (\d+) \|/gm)];
    expect(localeRows.reduce((total, row) => total + Number(row[2]) + Number(row[3]) + Number(row[4]), 0)).toBe(result.findings.length);
  });

  it('gitlab writes the code quality fields', () => {
    const issues = JSON.parse(gitlab(result));
    expect(issues).toHaveLength(result.findings.length);
    expect(issues[0]).toEqual({
      description: result.findings[0]!.message,
      check_name: result.findings[0]!.ruleId,
      fingerprint: result.findings[0]!.fingerprint,
      severity: 'major',
      location: { path: result.findings[0]!.file, lines: { begin: result.findings[0]!.line, end: result.findings[0]!.endLine } },
    });
  });
});

describe('several formats in one run', () => {
  it('writes each format to its own file and one to standard output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doc-drift-formats-'));
    const sarifFile = join(dir, 'out/drift.sarif');
    const { code, stdout } = await run(['-f', 'stylish', '-f', `sarif:${sarifFile}`, '--format', `markdown:${join(dir, 'summary.md')}`]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✖ \d+ findings/);
    expect(JSON.parse(readFileSync(sarifFile, 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('## doc-drift');
  });

  it('sends the format without a file to --output-file, and refuses two formats for one destination', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doc-drift-formats-'));
    const { stdout } = await run(['-f', 'json', '-o', join(dir, 'drift.json')]);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'drift.json'), 'utf8')).version).toBe(1);
    expect(await run(['-f', 'json', '-f', 'github'])).toMatchObject({ code: 2, stderr: expect.stringContaining('only one format') });
    expect(await run(['-f', 'sarif:'])).toMatchObject({ code: 2, stderr: expect.stringContaining('file name') });
    expect(await run(['-f', 'xml:out.xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown format') });
  });

  it('colours only a terminal, never with --no-color or NO_COLOR', async () => {
    const colours = async (args: string[], env: Record<string, string>, isTTY: boolean) => {
      let stdout = '';
      await main(args, { stdout: (t) => (stdout += t), stderr: () => {}, cwd: example, env, isTTY });
      return stdout.includes('\u001b[');
    };
    expect(await colours([], {}, true)).toBe(true);
    expect(await colours([], {}, false)).toBe(false);
    expect(await colours([], { NO_COLOR: '1' }, true)).toBe(false);
    expect(await colours(['--no-color'], {}, true)).toBe(false);
    expect(await colours(['--color'], { NO_COLOR: '1' }, false)).toBe(true);
  });
});
