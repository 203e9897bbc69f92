import { AsideError, type AsideErrorCode } from '@aside/core';
import { DEFAULT_TIMEOUT_MS, type HttpAdapterOptions, joinUrl, resolveHeaders } from './options';

const CORE_CODES: ReadonlySet<string> = new Set<AsideErrorCode>([
  'adapter-failed',
  'invalid-adapter-data',
  'invalid-body',
  'too-large',
  'invalid-mentions',
  'too-many-mentions',
  'mentions-unavailable',
  'forbidden',
  'not-found',
  'empty-message',
  'busy',
]);

/** PROTOCOL.md "Errors": the body's code when it is a core code, else one from the status. */
export function codeForStatus(status: number, bodyCode: unknown): AsideErrorCode {
  if (typeof bodyCode === 'string' && CORE_CODES.has(bodyCode)) return bodyCode as AsideErrorCode;
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 413) return 'too-large';
  if (status === 422) return 'invalid-mentions';
  if (status === 409 || status === 429 || status === 503) return 'busy';
  return 'adapter-failed';
}

export interface RequestInput {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal | undefined;
}

const isAbort = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  (error as { name?: unknown }).name === 'AbortError';

/** One JSON request with a timeout; failures become `AsideError`s, a caller's abort stays an abort. */
export function createRequester(options: HttpAdapterOptions) {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return async function request<T>(path: string, input: RequestInput = {}): Promise<T> {
    const { method = 'GET', body, signal } = input;
    if (signal?.aborted) throw signal.reason ?? abortError();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    const what = `${method} ${path}`;
    try {
      const headers = await resolveHeaders(options.headers);
      headers.set('Accept', 'application/json');
      if (body !== undefined) headers.set('Content-Type', 'application/json');
      for (const [name, value] of Object.entries(input.headers ?? {})) headers.set(name, value);
      const response = await fetchImpl(joinUrl(options.baseUrl, path), {
        method,
        headers,
        credentials: options.credentials ?? 'same-origin',
        signal: controller.signal,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      if (response.status === 204) return undefined as T;
      const payload: unknown = await response.json().catch(() => null);
      if (!response.ok) throw httpError(what, response.status, payload);
      return payload as T;
    } catch (error) {
      if (error instanceof AsideError) throw error;
      if (timedOut) {
        throw new AsideError('adapter-failed', `${what} timed out after ${timeoutMs} ms`, {
          cause: error,
        });
      }
      if (signal?.aborted || isAbort(error)) throw signal?.reason ?? error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new AsideError('adapter-failed', `${what} failed: ${reason}`, { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  };
}

export function httpError(what: string, status: number, payload: unknown): AsideError {
  const error = (payload as { error?: { code?: unknown; message?: unknown; ids?: unknown } } | null)
    ?.error;
  const code = codeForStatus(status, error?.code);
  const message = typeof error?.message === 'string' ? error.message : `${what}: HTTP ${status}`;
  const ids = Array.isArray(error?.ids) ? (error.ids as string[]) : undefined;
  return new AsideError(code, message, {
    ...(ids ? { ids } : {}),
    cause: { status, code: error?.code },
  });
}

function abortError() {
  return Object.assign(new Error('The request was aborted'), { name: 'AbortError' });
}
