import { checkRichText, type Message } from '@aside/core';
import { demoAgents } from '@aside/core/memory';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAsClient, postRaw } from './attack-helpers';
import { tokenFor, useTestServer } from './helpers';
import { storedBodyVectors } from './xss-vectors';

const { sam, jane } = demoAgents;

describe('stored bodies: OWASP filter-evasion vectors (R19, R20)', () => {
  const t = useTestServer();
  let token: string;
  beforeAll(async () => {
    token = await tokenFor(t.baseUrl, sam.id);
  });

  const vectors = storedBodyVectors();

  it.each(vectors.filter((v) => v.refused).map((v) => [v.name, v.body] as const))(
    'R19: %s is refused with 400 invalid-body and not stored',
    async (_, body) => {
      const response = await postRaw(t.baseUrl, token, 'conv-refund', {
        kind: 'internal-note',
        body,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid-body');
    },
  );

  it.each(vectors.filter((v) => !v.refused).map((v) => [v.name, v.body] as const))(
    'R19: %s is stored only as schema text',
    async (_, body) => {
      const response = await postRaw(t.baseUrl, token, 'conv-refund', {
        kind: 'internal-note',
        body,
      });
      expect(response.status).toBe(201);
      const stored: Message = response.body.message;
      expect(checkRichText(stored.body).ok).toBe(true);
      const nodes = JSON.stringify(stored.body).match(/"type":"[^"]+"/g) ?? [];
      expect(new Set(nodes)).toEqual(
        new Set(nodes.filter((n) => /"(doc|paragraph|text|mention)"/.test(n))),
      );
      if (stored.mentionIds.length) expect(stored.text).toBe(`@${jane.name}`);
    },
  );

  it('R20: after every vector, an agent client loads the conversation with no invalid message', async () => {
    const messages = await loadAsClient(t.baseUrl, jane.id, 'conv-refund');
    expect(messages.length).toBe(vectors.filter((v) => !v.refused).length);
  });
});
