import { AsideError } from '../errors';

/** Why the core refuses a write. A server maps each code to one status (PROTOCOL.md "Refusals"). */
export type RefusalCode =
  | 'invalid-body'
  | 'too-large'
  | 'empty-message'
  | 'invalid-mentions'
  | 'too-many-mentions'
  | 'mentions-unavailable'
  | 'forbidden'
  | 'not-found';

export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly message: string;
  /** The ids at fault, when ids are (invalid mentions). */
  readonly ids: readonly string[];
}

/** The message names the code and what it is about; a UI words each code itself. */
export const refuse = (code: RefusalCode, about = '', ids: readonly string[] = []): Refusal => ({
  ok: false,
  code,
  message: about ? `${code}: ${about}` : code,
  ids,
});

/** The refusal as the error the store and the in-memory backend throw or report. */
export const refusalError = (refusal: Refusal): AsideError =>
  new AsideError(refusal.code, refusal.message, refusal.ids.length ? { ids: refusal.ids } : {});
