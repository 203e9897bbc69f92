import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AsideServer, createServer, type ServerOptions } from './app';

export interface StartOptions extends ServerOptions {
  /** 0 (default): any free port. */
  readonly port?: number;
  readonly hostname?: string;
  /** Extra routes (e.g. the built app's static files), added after the API. */
  readonly extend?: (server: AsideServer) => void;
}

export interface RunningServer extends AsideServer {
  readonly port: number;
  /** e.g. `http://127.0.0.1:41234`; the API is under `${url}/api`. */
  readonly url: string;
  /** Stops listening and following events; the database stays open. */
  close(): Promise<void>;
}

/** Listens on localhost; several instances may share one database (events go through it). */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const server = await createServer(options);
  options.extend?.(server);
  const hostname = options.hostname ?? '127.0.0.1';
  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: server.app.fetch, port: options.port ?? 0, hostname }, () =>
      resolve(listening),
    );
  });
  const { port } = http.address() as AddressInfo;
  return {
    ...server,
    port,
    url: `http://${hostname}:${port}`,
    async close() {
      await server.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        (http as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
  };
}
