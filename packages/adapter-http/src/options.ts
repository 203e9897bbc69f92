export type HeadersSource = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

export interface HttpAdapterOptions {
  /** Where the protocol lives, e.g. `https://helpdesk.example/api` (see PROTOCOL.md). */
  readonly baseUrl: string;
  /** Defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Sent with every request and the event stream, e.g. `{ Authorization: 'Bearer …' }`. */
  readonly headers?: HeadersSource;
  /** Cookies: `same-origin` (default), `include` for a cross-origin API, or `omit`. */
  readonly credentials?: RequestCredentials;
  /** Per request, in ms (default 15000). The event stream is not timed out. */
  readonly timeoutMs?: number;
  /** Reconnect delays of the event stream, in ms (defaults 250 and 10000). */
  readonly reconnect?: { readonly minDelayMs?: number; readonly maxDelayMs?: number };
  /** Told when the event stream drops or fails; it reconnects by itself. */
  readonly onStreamError?: (error: unknown) => void;
  /**
   * Told when the server could not resume the event stream (PROTOCOL.md "Resync"): events may
   * have been missed. The adapters reload the watched conversations and the settings
   * themselves; a host reloads what else it shows (its conversation list, say).
   */
  readonly onResync?: () => void;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MIN_RECONNECT_MS = 250;
export const DEFAULT_MAX_RECONNECT_MS = 10_000;

export async function resolveHeaders(source: HeadersSource | undefined): Promise<Headers> {
  const init = typeof source === 'function' ? await source() : source;
  return new Headers(init);
}

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
