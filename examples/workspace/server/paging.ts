import type { Message } from '@aside/core';
import type { Queryable } from './database';
import { badRequest } from './errors';
import { type MessageRow, toMessage } from './repository';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

/** `?limit=`: absent means the default; anything but an integer in 1–200 is refused. */
export function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PAGE_LIMIT;
  const limit = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(limit >= 1 && limit <= MAX_PAGE_LIMIT)) {
    throw badRequest(`limit must be an integer from 1 to ${MAX_PAGE_LIMIT}`);
  }
  return limit;
}

/**
 * `?before=`: an `olderCursor` this server returned (opaque to clients; here the position of
 * the oldest message already held). Anything else is refused.
 */
export function parseCursor(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const seq = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isNaN(seq)) throw badRequest('before must be an olderCursor from this server');
  return seq;
}

/**
 * The newest `limit` messages of a conversation before `before` (all when null), ascending,
 * and the cursor to the ones before them: one index range scan, whatever the conversation's size.
 */
export async function messagePage(
  db: Queryable,
  conversationId: string,
  before: number | null,
  limit: number,
): Promise<{ messages: Message[]; olderCursor: string | null }> {
  const rows = await db.query<MessageRow>(
    `SELECT * FROM messages WHERE conversation_id = $1 AND seq < $2
     ORDER BY seq DESC LIMIT $3`,
    [conversationId, before ?? Number.MAX_SAFE_INTEGER, limit + 1],
  );
  const more = rows.length > limit;
  const page = rows.slice(0, limit).reverse();
  return {
    messages: page.map(toMessage),
    olderCursor: more && page[0] ? String(page[0].seq) : null,
  };
}
