/** Child processes for tests that need a real process: the server, or a writer to kill. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export interface Child {
  process: ChildProcess;
  output: string[];
  /** Resolves with the first line of output that matches, or rejects when the child exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startChild(script: string, env: Record<string, string | undefined>, args: string[] = []): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const listeners = new Set<(line: string) => void>();
  let buffered = '';
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      output.push(line);
      for (const listener of listeners) listener(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    output,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        for (const line of output) {
          const match = line.match(pattern);
          if (match) return resolve(match);
        }
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${output.join('\n')}`));
        }, timeoutMs);
        const listener = (line: string) => {
          const match = line.match(pattern);
          if (!match) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(match);
        };
        listeners.add(listener);
        void exited.then(() => {
          clearTimeout(timer);
          if (listeners.delete(listener)) reject(new Error(`child exited before ${pattern}:\n${output.join('\n')}`));
        });
      });
    },
  };
}
