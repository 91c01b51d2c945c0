#!/usr/bin/env node
// Benchmark: doc-drift (cold and warm cache), markdownlint-cli2 with its default rules and a bare single-threaded
// remark-parse pass, side by side on the same files: each corpus in ../shared/corpus, a synthetic tree made of copies
// of real pages at 1×, 4× and 16×, and a pre-commit run on one page group. Writes bench/RESULTS.md.
//
// Usage: node bench/run.mjs [--corpus a,b | --no-corpora] [--base starlight] [--scales 1,4,16] [--no-synthetic]
//        [--no-precommit] [--drift-only] [--out file]
// --drift-only runs doc-drift alone (cold and warm): a quicker growth check on a busy machine.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem, type as osType, release } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusRoot = resolve(repo, '../shared/corpus');
const bin = join(repo, 'dist/src/bin.js');
const markdownlint = join(repo, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const floor = join(repo, 'bench/remark-floor.mjs');
const { discover } = await import(join(repo, 'dist/src/discover.js'));

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    base: { type: 'string', default: 'starlight' },
    scales: { type: 'string', default: '1,4,16' },
    'no-synthetic': { type: 'boolean' },
    'no-corpora': { type: 'boolean' },
    'drift-only': { type: 'boolean' },
    'no-precommit': { type: 'boolean' },
    out: { type: 'string', default: join(repo, 'bench/RESULTS.md') },
  },
});
const cores = availableParallelism();
const work = mkdtempSync(join(tmpdir(), 'doc-drift-bench-'));
// The copied trees take hundreds of MB: remove them however the bench ends (done, failed, interrupted).
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
const started = new Date();
const loadBefore = loadavg();

/** Copy the files doc-drift lints in `source` into `dest`, `scale` times (copies go in `copyN/` beside the original). */
async function prepare(source, dest, scale) {
  const discovery = await discover({ root: source, cwd: source });
  const list = [];
  let bytes = 0;
  for (const group of discovery.groups) {
    for (const file of group.files) {
      const rel = relative(source, file.path);
      for (let copy = 0; copy < scale; copy++) {
        const target = copy === 0 ? rel : join(dirname(rel), `copy${copy}`, basename(rel));
        mkdirSync(join(dest, dirname(target)), { recursive: true });
        copyFileSync(file.path, join(dest, target));
        list.push(join(dest, target));
        bytes += statSync(file.path).size;
      }
    }
  }
  const listFile = `${dest}.files`;
  writeFileSync(listFile, `${list.join('\n')}\n`);
  // A detected layout names both .md and .mdx patterns; given as flags, a pattern that matches nothing is an error.
  const used = discovery.layout.patterns.filter((pattern) => list.some((file) => file.endsWith(pattern.endsWith('.mdx') ? '.mdx' : '.md')));
  const layoutArgs = ['--no-config', ...used.flatMap((pattern) => ['--pattern', pattern])];
  // A detected tldr tree gets its preset's translated {{…}} placeholders (see lint.ts); named patterns would lose them.
  if (discovery.layout.name === 'tldr') layoutArgs.push('--preset', 'tldr');
  // The source locale a corpus names in its SOURCE.txt (antd: zh-CN), else the detected one.
  let named;
  try {
    named = /^source locale: (\S+)/m.exec(readFileSync(join(source, 'SOURCE.txt'), 'utf8'))?.[1];
  } catch {
    named = undefined;
  }
  const sourceLocale = discovery.layout.locales.includes(named) ? named : discovery.layout.source;
  if (sourceLocale) layoutArgs.push('--source', sourceLocale);
  return { files: list.length, bytes, listFile, layoutArgs, groups: discovery.groups, source };
}

/** Run a command under /usr/bin/time: wall and CPU seconds, peak RSS in MB. */
function measure(command, args, cwd) {
  const stats = join(work, 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-o', stats, '-f', '%e %U %S %M', command, ...args], { cwd, stdio: 'ignore' });
  const [wall, user, system, rss] = readFileSync(stats, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + system, rss: rss / 1024, status: result.status };
}

const rows = [];
const ratios = [];
const growth = [];
const precommit = [];

function record(tree, tool, tree_, m) {
  // doc-drift exits 1 on drift; anything else means the run did not happen and its time means nothing.
  if (m.status !== undefined && m.status !== 0 && m.status !== 1) throw new Error(`${tool} on ${tree} exited with ${m.status}`);
  rows.push({ tree, tool, files: tree_.files, mb: tree_.bytes / 1e6, ...m });
  console.log(`${tree.padEnd(16)} ${tool.padEnd(22)} ${m.wall.toFixed(2).padStart(7)} s wall ${m.cpu.toFixed(2).padStart(7)} s cpu ${m.rss.toFixed(0).padStart(5)} MB`);
}

async function benchTree(name, source, scale) {
  const dest = join(work, `${name}-${scale}x`);
  const tree = await prepare(source, dest, scale);
  const label = scale === 1 && !name.startsWith('synthetic') ? name : `${name} ${scale}×`;
  const cache = join(work, `${name}-${scale}x.cache`);
  const plain = ['--format', 'json', '-o', join(work, 'out.json'), ...tree.layoutArgs, '.'];
  const drift = [...plain.slice(0, -1), '--cache-location', cache, '.'];
  const skipped = { wall: NaN, cpu: NaN, rss: NaN };
  const floorRun = values['drift-only'] ? skipped : measure('node', [floor, tree.listFile], dest);
  if (!values['drift-only']) record(label, 'remark-parse (floor, 1 thread)', tree, floorRun);
  // The same pass split across every core: what the machine's cores really give to parsing alone.
  const parallelFloor = values['drift-only'] ? skipped : measure('node', [floor, tree.listFile, '--threads', String(cores)], dest);
  if (!values['drift-only']) record(label, `remark-parse (floor, ${cores} threads)`, tree, parallelFloor);
  const mdl = values['drift-only'] ? skipped : measure('node', [markdownlint, '**/*.{md,mdx}'], dest);
  if (!values['drift-only']) record(label, 'markdownlint-cli2', tree, mdl);
  // The default run has no cache: that is the cold run. Filling a cache costs more, and is measured on its own.
  const cold = measure('node', [bin, ...plain], dest);
  record(label, 'doc-drift cold', tree, cold);
  rmSync(cache, { recursive: true, force: true });
  const filling = measure('node', [bin, ...drift], dest);
  record(label, 'doc-drift cold, filling --cache', tree, filling);
  // Warm runs are short and easily disturbed: the median of three.
  const warm = [0, 1, 2].map(() => measure('node', [bin, ...drift], dest)).sort((a, b) => a.wall - b.wall)[1];
  record(label, 'doc-drift warm (median of 3)', tree, warm);
  ratios.push({ tree: label, files: tree.files, coldVsMdl: cold.wall / mdl.wall, coldVsFloor: cold.wall / (floorRun.wall / cores), coldVsParallelFloor: cold.wall / parallelFloor.wall, warmVsCold: warm.wall / cold.wall, rss: cold.rss, coldCpuVsMdl: cold.cpu / mdl.cpu, coldCpuVsFloor: cold.cpu / floorRun.cpu, warmCpuVsCold: warm.cpu / cold.cpu });
  return { tree, dest, cold, label };
}

/** One changed page group of a tree, every locale, no cache: what a pre-commit hook runs. */
function benchPrecommit(label, tree, dest) {
  const group = [...tree.groups].sort((a, b) => b.files.length - a.files.length)[Math.floor(tree.groups.length / 2)] ?? tree.groups[0];
  const file = relative(tree.source, group.files[0].path);
  const args = [bin, ...tree.layoutArgs, '--format', 'json', '-o', join(work, 'pre.json'), file];
  const runs = [0, 1, 2].map(() => measure('node', args, dest)).sort((a, b) => a.wall - b.wall);
  const start = [0, 1, 2].map(() => measure('node', ['-e', '0'], dest)).sort((a, b) => a.wall - b.wall);
  precommit.push({ tree: label, files: group.files.length, wall: runs[1].wall, cpu: runs[1].cpu, rss: runs[1].rss, node: start[1].wall });
  console.log(`pre-commit ${label}: ${group.files.length} files, ${runs[1].wall.toFixed(2)} s (node alone ${start[1].wall.toFixed(2)} s)`);
}

function writeResults() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const fmt = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.mjs) on ${started.toISOString()}.`,
    '',
    `Machine: ${cpu}, ${cores} cores available to node, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${osType()} ${release()}, node ${process.version}.`,
    `Load average (1, 5, 15 min) before: ${loadBefore.map((n) => n.toFixed(1)).join(', ')}; after: ${loadavg().map((n) => n.toFixed(1)).join(', ')}.`,
    'A load average above the core count means other processes shared the CPU: wall times are then noisy and long.',
    '',
    'Each tool ran once per tree, on a copy holding exactly the files doc-drift lints. Wall, CPU (user + system) and',
    'peak RSS come from `/usr/bin/time`, node start-up included. doc-drift: `--format json`, default worker threads;',
    '"cold" is the default run (no cache); "filling --cache" starts from an empty cache, and "warm" runs again with',
    'it. markdownlint-cli2: its default rules on',
    '`**/*.{md,mdx}`. remark-parse: bare `unified().use(remarkParse)`, no plugins (the floor), in one thread and split',
    `across ${cores} worker threads (files dealt round-robin): the second shows what the cores give to parsing alone.`,
    '',
    '| tree | tool | files | MB | wall s | CPU s | peak RSS MB | files/s | MB/s |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.tree} | ${r.tool} | ${r.files} | ${fmt(r.mb, 1)} | ${fmt(r.wall)} | ${fmt(r.cpu)} | ${fmt(r.rss, 0)} | ${fmt(r.files / r.wall, 0)} | ${fmt(r.mb / r.wall)} |`),
    '',
    '## Ratios',
    '',
    `Targets: cold ≤ 0.6× markdownlint-cli2; cold ≤ 1.2× (remark-parse ÷ ${cores} cores); warm ≤ 0.05× cold; peak RSS < 400 MB.`,
    '',
    'Wall ratios hold on an idle machine; on a shared one the CPU ratios (same work, less affected by waiting) say more.',
    '',
    '| tree | files | cold ÷ markdownlint-cli2, wall | cold ÷ (remark-parse ÷ cores), wall | cold ÷ remark-parse on every core, wall | warm ÷ cold, wall | cold ÷ markdownlint-cli2, CPU | cold ÷ remark-parse, CPU | warm ÷ cold, CPU | cold peak RSS MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...ratios.map((r) => `| ${r.tree} | ${r.files} | ${fmt(r.coldVsMdl)} | ${fmt(r.coldVsFloor)} | ${fmt(r.coldVsParallelFloor)} | ${fmt(r.warmVsCold, 3)} | ${fmt(r.coldCpuVsMdl)} | ${fmt(r.coldCpuVsFloor)} | ${fmt(r.warmCpuVsCold, 3)} | ${fmt(r.rss, 0)} |`),
  ];
  if (growth.length) {
    lines.push('', '## Growth (synthetic tree)', '', '| scale | files | cold wall s | wall ms per file | cold CPU s | CPU ms per file | cold peak RSS MB |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const g of growth) lines.push(`| ${g.scale}× | ${g.files} | ${fmt(g.wall)} | ${fmt((1000 * g.wall) / g.files, 1)} | ${fmt(g.cpu)} | ${fmt((1000 * g.cpu) / g.files, 1)} | ${fmt(g.rss, 0)} |`);
  }
  if (precommit.length) {
    lines.push('', '## Pre-commit: one changed page group, all its locales, no cache', '', 'Median of three runs of `doc-drift <one file>` on the middle-sized page group (copies are found by name from the layout patterns; a suffix layout, as in antd, still walks the tree).', '', '| tree | files in group | wall s | CPU s | node -e 0 alone, wall s | peak RSS MB |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const p of precommit) lines.push(`| ${p.tree} | ${p.files} | ${fmt(p.wall)} | ${fmt(p.cpu)} | ${fmt(p.node)} | ${fmt(p.rss, 0)} |`);
  }
  writeFileSync(values.out, `${lines.join('\n')}\n`);
}

const corpora = values['no-corpora'] ? [] : (values.corpus?.split(',') ?? readdirSync(corpusRoot).filter((name) => statSync(join(corpusRoot, name)).isDirectory())).sort();
for (const name of corpora) {
  const result = await benchTree(name, join(corpusRoot, name), 1);
  if (!values['no-precommit']) benchPrecommit(result.label, result.tree, result.dest);
  rmSync(result.dest, { recursive: true, force: true });
  writeResults();
}
if (!values['no-synthetic']) {
  for (const scale of values.scales.split(',').map(Number)) {
    const result = await benchTree(`synthetic (${values.base})`, join(corpusRoot, values.base), scale);
    growth.push({ scale, files: result.tree.files, wall: result.cold.wall, cpu: result.cold.cpu, rss: result.cold.rss });
    rmSync(result.dest, { recursive: true, force: true });
    writeResults();
  }
}
console.log(`wrote ${relative(process.cwd(), values.out)}`);
