import { canView } from '@aside/core';
import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../context';
import { badRequest, notFound } from '../errors';
import { loadConversation } from '../repository';
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
              (SELECT max(m.created_at) FROM messages m WHERE m.conversation_id = c.id) AS last_message_at
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

  routes.get('/:id', async (c) => {
    const id = c.req.param('id');
    const conversation = isUsableId(id) ? await loadConversation(db, id) : null;
    // No access reads exactly like no conversation: its existence is not disclosed.
    if (!conversation || !canView(conversation, c.get('agent').id)) {
      throw notFound(`conversation ${c.req.param('id')}`);
    }
    return c.json({ conversation });
  });

  routes.post('/:id/messages', async (c) => {
    const input = parseSubmit(
      c.req.header('Idempotency-Key'),
      await c.req.json().catch(() => {
        throw badRequest('The body must be JSON');
      }),
    );
    const result = await submitMessage(db, c.get('agent'), c.req.param('id'), input);
    return c.json(
      { message: result.message, conversation: result.conversation },
      result.repeated ? 200 : 201,
    );
  });

  routes.post('/:id/followers', async (c) => {
    const body = await c.req.json<{ agentId?: unknown }>().catch(() => ({ agentId: undefined }));
    if (typeof body.agentId !== 'string') throw badRequest('agentId is required');
    const conversation = await addFollower(db, c.get('agent'), c.req.param('id'), body.agentId);
    return c.json({ conversation });
  });

  routes.delete('/:id/followers/:agentId', async (c) => {
    const conversation = await removeFollower(
      db,
      c.get('agent'),
      c.req.param('id'),
      c.req.param('agentId'),
    );
    return c.json({ conversation });
  });

  return routes;
}
