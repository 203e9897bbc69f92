export type AsideErrorCode =
  | 'adapter-failed'
  | 'invalid-adapter-data'
  | 'invalid-body'
  | 'too-large'
  | 'invalid-mentions'
  | 'too-many-mentions'
  | 'mentions-unavailable'
  | 'forbidden'
  | 'not-found'
  | 'empty-message'
  | 'busy';

/** Every failure the core reports carries a typed code the UI can translate. */
export class AsideError extends Error {
  override readonly name = 'AsideError';
  constructor(
    readonly code: AsideErrorCode,
    message: string,
    readonly details: { readonly ids?: readonly string[]; readonly cause?: unknown } = {},
  ) {
    super(message);
  }
}

export function toAsideError(error: unknown, fallback: string): AsideError {
  if (error instanceof AsideError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new AsideError('adapter-failed', `${fallback}: ${reason}`, { cause: error });
}
