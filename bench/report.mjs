// Measure the HTML report of a whole corpus: build time, file size, and in Chromium the time to first paint,
// to the rendered overview, and to a filter change and a page view. Usage:
//   npx tsc -p . && node bench/report.mjs ../shared/corpus/astro-docs [out.html]
// Timings on a shared machine are noisy; run it more than once.
import { writeFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { lint } from '../dist/src/lint.js';
import { reportData } from '../dist/src/report/data.js';
import { renderHtml } from '../dist/src/report/html.js';

const root = resolve(process.argv[2] ?? '../shared/corpus/astro-docs');
const out = resolve(process.argv[3] ?? `/tmp/doc-drift-report-${root.split('/').pop()}.html`);
const ms = (start) => Math.round(performance.now() - start);

let start = performance.now();
const result = await lint({ cwd: root });
const lintMs = ms(start);
start = performance.now();
const data = reportData(result, { cwd: root, title: `doc-drift report: ${root.split('/').pop()}` });
const dataMs = ms(start);
start = performance.now();
const html = renderHtml(data);
const renderMs = ms(start);
writeFileSync(out, html);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(pathToFileURL(out).href);
await page.waitForFunction(() => performance.getEntriesByName('doc-drift-rendered').length > 0, null, { timeout: 300_000 });
const paint = await page.evaluate(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime,
    firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    domContentLoaded: nav?.domContentLoadedEventEnd,
    overviewRendered: performance.getEntriesByName('doc-drift-rendered')[0]?.startTime,
  };
});
const timed = async (action) => page.evaluate(async (code) => {
  const begin = performance.now();
  // eslint-disable-next-line no-new-func
  new Function(code)();
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  return performance.now() - begin;
}, action);
const locale = data.model.localeCounts.slice().sort((a, b) => b.total - a.total)[0]?.locale ?? '';
const filterMs = await timed(`const s = document.querySelector('#filter-locale'); s.value = ${JSON.stringify(locale)}; s.dispatchEvent(new Event('change'));`);
const pageMs = await timed(`location.hash = 'page=' + encodeURIComponent(${JSON.stringify(data.model.pages[0]?.page ?? '')});`);
await browser.close();
const round = (n) => (n === undefined ? undefined : Math.round(n));
console.log(JSON.stringify({
  corpus: root.split('/').pop(),
  findings: result.findings.length,
  pagesWithDrift: data.model.pages.length,
  excerpts: data.excerpts,
  bytes: statSync(out).size,
  lintMs, dataMs, renderMs,
  chromium: Object.fromEntries(Object.entries(paint).map(([k, v]) => [k, round(v)])),
  filterLocaleMs: round(filterMs),
  openPageMs: round(pageMs),
}, null, 2));
