/** Open a file in the default browser, without waiting for it and without failing the command when it cannot. */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Ask the desktop to open `path`; say so on stderr when no opener could be started. */
export function openInBrowser(path: string, io: { stderr: (text: string) => void }): void {
  const url = pathToFileURL(path).href;
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => io.stderr(`doc-drift: could not open a browser (${command}); open ${url} yourself\n`));
    child.unref();
  } catch {
    io.stderr(`doc-drift: could not open a browser (${command}); open ${url} yourself\n`);
  }
}
