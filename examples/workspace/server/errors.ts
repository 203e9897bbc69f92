import type { AsideErrorCode } from '@aside/core';

export type ApiErrorCode = AsideErrorCode | 'unauthorized' | 'bad-request';
export type ApiStatus = 400 | 401 | 403 | 404 | 409 | 422 | 500;

/** Thrown by a route; the app turns it into `{ error: { code, message, ids } }` (PROTOCOL.md). */
export class ApiError extends Error {
  constructor(
    readonly status: ApiStatus,
    readonly code: ApiErrorCode,
    message: string,
    readonly ids?: readonly string[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not-found', `No ${what}`);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const badRequest = (message: string) => new ApiError(400, 'bad-request', message);
