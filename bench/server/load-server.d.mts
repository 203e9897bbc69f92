// Types for the TypeScript callers of load-server.mjs (the server tests).

/** Which server file to bundle: `main.ts` is the CLI (`pnpm start`), `index.ts` the module. */
export type ServerEntry = 'main.ts' | 'index.ts';

export interface BundledServer {
  /** The bundled ES module. */
  readonly file: string;
  /** Removes the folder the bundle was written to. */
  remove(): Promise<void>;
}

export function bundleServer(entry: ServerEntry, label: string): Promise<BundledServer>;

export function loadServer(): Promise<{
  server: typeof import('../../examples/workspace/server');
  remove(): Promise<void>;
}>;
