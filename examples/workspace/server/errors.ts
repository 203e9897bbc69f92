import type { AsideErrorCode, Refusal, RefusalCode } from '@aside/core';

export type ApiErrorCode = AsideErrorCode | 'unauthorized' | 'bad-request';
export type ApiStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500;

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

/** PROTOCOL.md "Refusals": one status per code of the core's decisions. */
const REFUSAL_STATUS: Record<RefusalCode, ApiStatus> = {
  'invalid-body': 400,
  'empty-message': 400,
  'too-large': 413,
  forbidden: 403,
  'mentions-unavailable': 403,
  'not-found': 404,
  'invalid-mentions': 422,
  'too-many-mentions': 422,
};

export const refused = (refusal: Refusal) =>
  new ApiError(REFUSAL_STATUS[refusal.code], refusal.code, refusal.message, refusal.ids);
