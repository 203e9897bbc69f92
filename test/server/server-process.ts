import { type ChildProcess, spawn } from 'node:child_process';
import { bundleServer } from '../../bench/server/load-server.mjs';

/**
 * The server's CLI (`server/main.ts`) bundled as `pnpm start` does, by the bundler the server
 * bench uses. Returns the script and a function that removes it.
 */
export async function buildServerScript(): Promise<{ script: string; remove(): Promise<void> }> {
  const { file, remove } = await bundleServer('main.ts', 'test');
  return { script: file, remove };
}

export interface ServerProcess {
  /** e.g. `http://127.0.0.1:41234/api` */
  readonly baseUrl: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** A real server process (`node server.mjs`) on any free port, with extra environment. */
export function startServerProcess(
  script: string,
  env: Record<string, string>,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/Aside workspace on (http:\/\/[^/\s]+)\//)?.[1];
      if (!url) return;
      child.stdout?.off('data', onData);
      resolve({
        baseUrl: `${url}/api`,
        child,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}
