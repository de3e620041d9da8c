import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../e2e/support/processes';

export interface Exited {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real entry point with the given environment and nothing inherited from ours. Node
 * runs it itself, as `npm start` does (tsx only as a loader, not a process of its own), so the
 * child is the bot: its process id, memory and exit are the bot's.
 */
export function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exited>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  const output = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => (pattern.test(stdout) ? resolve(stdout) : undefined);
      child.stdout.on('data', check);
      child.once('exit', () => reject(new Error(`exited before printing ${pattern}:\n${stdout}\n${stderr}`)));
      check();
    });
  return { child, exited, output };
}
