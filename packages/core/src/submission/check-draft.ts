import { toPlainText } from '../rich-text';
import type { Draft } from '../types';
import { type Refusal, refuse } from './refusal';
import { checkRichText, isObject } from './schema';

/**
 * R8, R19: a draft to store, checked against the same schema and caps as a message. Its text
 * is derived from its document; a draft may be empty and may hold mentions in either mode.
 */
export function checkDraft(value: unknown): { readonly ok: true; readonly draft: Draft } | Refusal {
  if (!isObject(value) || !Number.isFinite(value.updatedAt)) {
    return refuse('invalid-body');
  }
  const checked = checkRichText(value.doc);
  if (!checked.ok) return checked;
  return {
    ok: true,
    draft: {
      doc: checked.doc,
      text: toPlainText(checked.doc),
      updatedAt: value.updatedAt as number,
    },
  };
}
