// The floor of this design: a bare remark-parse pass over a list of files (one path a line in the file named by the
// first argument), in one thread, or split across `--threads N` worker threads (files dealt round-robin) to show what
// the machine's cores give to parsing alone. Prints how many files and characters it parsed.
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Parse each file of `paths`; returns the characters read. */
function parseAll(paths) {
  const processor = unified().use(remarkParse).freeze();
  let characters = 0;
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    characters += text.length;
    processor.parse(text);
  }
  return characters;
}

if (isMainThread) {
  const paths = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
  const at = process.argv.indexOf('--threads');
  const threads = at > 0 ? Number(process.argv[at + 1]) : 1;
  let characters = 0;
  if (threads <= 1) characters = parseAll(paths);
  else {
    const shares = Array.from({ length: threads }, (_, index) => paths.filter((_, k) => k % threads === index));
    const counts = await Promise.all(
      shares.map((share) => new Promise((resolve, reject) => new Worker(new URL(import.meta.url), { workerData: share }).on('message', resolve).on('error', reject))),
    );
    characters = counts.reduce((sum, count) => sum + count, 0);
  }
  process.stdout.write(`${paths.length} files, ${characters} characters, ${threads} thread${threads === 1 ? '' : 's'}\n`);
} else {
  parentPort.postMessage(parseAll(workerData));
}
