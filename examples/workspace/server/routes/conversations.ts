import { canView } from '@aside/core';
import { Hono } from 'hono';
import type { ConversationPage, MessagePage } from '../changes';
import type { AppEnv, ServerContext } from '../context';
import { badRequest, notFound } from '../errors';
import { messagePage, parseCursor, parseLimit } from '../paging';
import { loadConversationHead } from '../repository';
import { addFollower, isUsableId, parseSubmit, removeFollower, submitMessage } from '../writes';

export function conversationRoutes({ db }: ServerContext) {
  const routes = new Hono<AppEnv>();

  routes.get('/', async (c) => {
    const agent = c.get('agent');
    const rows = await db.query<{
      id: string;
      channel: string;
      subject: string;
      assignee_id: string | null;
      version: number;
      last_message_at: number | null;
    }>(
      `SELECT c.id, c.channel, c.subject, c.assignee_id, c.version,
              (SELECT m.created_at FROM messages m WHERE m.conversation_id = c.id
               ORDER BY m.seq DESC LIMIT 1) AS last_message_at
       FROM conversations c
       WHERE c.assignee_id = $1
          OR coalesce((SELECT a.access FROM conversation_access a
                       WHERE a.conversation_id = c.id AND a.agent_id = $1), c.default_access) <> 'none'
       ORDER BY c.id`,
      [agent.id],
    );
    return c.json({
      conversations: rows.map((row) => ({
        id: row.id,
        channel: row.channel,
        subject: row.subject,
        assigneeId: row.assignee_id,
        version: Number(row.version),
        lastMessageAt: row.last_message_at === null ? null : Number(row.last_message_at),
      })),
    });
  });

  /** The conversation as this agent may see it now, without messages; otherwise 404. */
  const visibleHead = async (id: string, agentId: string) => {
    const head = isUsableId(id) ? await loadConversationHead(db, id) : null;
    // No access reads exactly like no conversation: its existence is not disclosed.
    if (!head || !canView(head, agentId)) throw notFound(`conversation ${id}`);
    return head;
  };

  routes.get('/:id', async (c) => {
    const limit = parseLimit(c.req.query('limit'));
    const head = await visibleHead(c.req.param('id'), c.get('agent').id);
    const { messages, olderCursor } = await messagePage(db, head.id, null, limit);
    const page: ConversationPage = { conversation: { ...head, messages }, olderCursor };
    return c.json(page);
  });

  routes.get('/:id/messages', async (c) => {
    const limit = parseLimit(c.req.query('limit'));
    const before = parseCursor(c.req.query('before'));
    const head = await visibleHead(c.req.param('id'), c.get('agent').id);
    const page: MessagePage = await messagePage(db, head.id, before, limit);
    return c.json(page);
  });

  routes.post('/:id/messages', async (c) => {
    const input = parseSubmit(
      c.req.header('Idempotency-Key'),
      await c.req.json().catch(() => {
        throw badRequest('The body must be JSON');
      }),
    );
    const result = await submitMessage(db, c.get('agent'), c.req.param('id'), input);
    return c.json({ message: result.message, change: result.change }, result.repeated ? 200 : 201);
  });

  routes.post('/:id/followers', async (c) => {
    const body = await c.req.json<{ agentId?: unknown }>().catch(() => ({ agentId: undefined }));
    if (typeof body.agentId !== 'string') throw badRequest('agentId is required');
    const change = await addFollower(db, c.get('agent'), c.req.param('id'), body.agentId);
    return c.json({ change });
  });

  routes.delete('/:id/followers/:agentId', async (c) => {
    const change = await removeFollower(
      db,
      c.get('agent'),
      c.req.param('id'),
      c.req.param('agentId'),
    );
    return c.json({ change });
  });

  return routes;
}
