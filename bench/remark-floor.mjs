// The floor of this design: one bare, single-threaded remark-parse pass over a list of files (one path a line in
// the file named by the first argument). Prints how many files and bytes it parsed.
import { readFileSync } from 'node:fs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const paths = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const processor = unified().use(remarkParse).freeze();
let bytes = 0;
for (const path of paths) {
  const text = readFileSync(path, 'utf8');
  bytes += text.length;
  processor.parse(text);
}
process.stdout.write(`${paths.length} files, ${bytes} characters\n`);
