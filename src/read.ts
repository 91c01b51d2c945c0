/** Read a Markdown file as text, telling apart what cannot be linted (binary, not UTF-8, unreadable). */
import { readFileSync } from 'node:fs';

export interface TextFile {
  text: string;
  bom: boolean;
  eol: '\n' | '\r\n';
}

export type ReadResult = { ok: true; file: TextFile } | { ok: false; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode bytes as UTF-8, or say why they are not a text file. */
export function decode(bytes: Uint8Array): ReadResult {
  if (bytes.includes(0)) return { ok: false, message: 'is a binary file (it contains NUL bytes), not Markdown' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, message: 'is not valid UTF-8; save it as UTF-8 to lint it' };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  const firstBreak = text.indexOf('\n');
  const eol = firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  return { ok: true, file: { text, bom, eol } };
}

/** Read a file's bytes, or say why it cannot be read; never throws. */
export function readBytes(path: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  try {
    // Synchronous on purpose: for small files one blocking read is several times cheaper than fs/promises' open,
    // fstat, read and close round trips through the thread pool, and nothing else waits on this thread meanwhile.
    return { ok: true, bytes: readFileSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'cannot be read (permission denied)'
        : code === 'ENOENT'
          ? 'does not exist'
          : code === 'EISDIR'
            ? 'is a directory'
            : code === 'ELOOP'
              ? 'is a symbolic link loop'
              : `cannot be read (${code ?? String(error)})`;
    return { ok: false, message: why };
  }
}
