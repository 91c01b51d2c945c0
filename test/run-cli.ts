/** Run the command line in-process, capturing what it prints: the helper every CLI test shares. */
import { main, type Io } from '../src/cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `doc-drift args` in `cwd` with no environment and no terminal. */
export async function runCli(args: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd, env: {}, isTTY: false };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
