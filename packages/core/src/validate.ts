import { EMPTY_DOC } from './rich-text';
import { checkDraft } from './submission/check-draft';
import { checkRichText, isObject } from './submission/schema';
import type {
  Agent,
  Conversation,
  Draft,
  Message,
  NotificationEvent,
  Person,
  Settings,
} from './types';
import {
  array,
  arrayOf,
  boolean,
  type Check,
  nullable,
  number,
  oneOf,
  optional,
  recordOf,
  shape,
  string,
  validator,
  version,
} from './validate-checks';

const ACCESS = oneOf('edit', 'view', 'none');
const agentShape = shape({
  kind: oneOf('agent'),
  id: string,
  name: string,
  role: oneOf('admin', 'agent', 'light-agent', 'contributor', 'chat-only-agent'),
  status: oneOf('online', 'away', 'offline'),
  avatarUrl: optional(string),
  detail: optional(string),
});
const personShape: Check = (v) =>
  isObject(v) && v.kind === 'end-user' ? shape({ id: string, name: string })(v) : agentShape(v);
const messageShape = shape({
  id: string,
  conversationId: string,
  authorId: string,
  kind: oneOf('public-reply', 'internal-note'),
  body: (v) => (checkRichText(v).ok ? null : 'a valid document'),
  text: string,
  mentionIds: arrayOf(string),
  createdAt: number,
});
/** The header of a conversation (protocol v2 `header-changed` carries it alone). */
export const headerFields = {
  channel: oneOf('messaging', 'ticket', 'live-chat'),
  subject: string,
  requesterId: string,
  assigneeId: nullable(string),
  access: recordOf(ACCESS),
  defaultAccess: ACCESS,
};
const conversationShape = shape({ id: string }, headerFields, {
  followerIds: arrayOf(string),
  messages: array,
  version,
});
export const settingsShape = shape({
  collaborationEnabled: boolean,
  mentionWithoutAccess: oneOf('add', 'skip'),
});
const draftShape: Check = (v) =>
  shape({ text: string })(v) ?? (checkDraft(v).ok ? null : 'a valid document');
const notificationShape = shape({
  id: string,
  kind: oneOf('mention', 'update'),
  recipientId: string,
  conversationId: string,
  conversationSubject: string,
  messageId: string,
  actorId: string,
  actorName: string,
  excerpt: string,
  body: optional((v) => (checkRichText(v).ok ? null : 'valid rich text')),
  createdAt: number,
});

/** R20: what an invalid stored message reads as; the UI may show its own words (`invalid`). */
export const UNREADABLE_MESSAGE_TEXT = 'This message could not be shown';

function placeholder(raw: unknown, fallbackId: string, conversationId: string): Message {
  const { id, authorId, kind, createdAt } = (isObject(raw) ? raw : {}) as Partial<Message>;
  return {
    id: typeof id === 'string' ? id : fallbackId,
    conversationId,
    authorId: typeof authorId === 'string' ? authorId : '',
    kind: kind === 'public-reply' ? kind : 'internal-note',
    body: EMPTY_DOC,
    text: UNREADABLE_MESSAGE_TEXT,
    mentionIds: [],
    createdAt: Number.isFinite(createdAt) ? (createdAt as number) : 0,
    invalid: true,
  };
}

/** R20: each message is checked on its own; an invalid one becomes a placeholder, the rest load. */
export function readMessages(
  raw: readonly unknown[],
  conversationId: string,
  fallbackId: (index: number) => string,
): readonly Message[] {
  let messages: unknown[] | null = null;
  raw.forEach((message, index) => {
    if (messageShape(message) === null) return;
    messages ??= [...raw];
    messages[index] = placeholder(message, fallbackId(index), conversationId);
  });
  return (messages ?? raw) as readonly Message[];
}

const parseWholeConversation = validator<Conversation>(conversationShape, 'conversation');

/** Adapter data is checked where it enters the core, so a host's bug reads as a clear error. */
export function parseConversation(value: unknown, source: string): Conversation {
  const conversation = parseWholeConversation(value, source);
  const messages = readMessages(conversation.messages, conversation.id, (i) => `invalid-${i}`);
  return messages === conversation.messages ? conversation : { ...conversation, messages };
}

export const parseAgent = validator<Agent>(agentShape, 'agent');
export const parsePeople = validator<Person[]>(arrayOf(personShape), 'list of people');
export const parseDirectorySearch = validator<{ agents: Person[]; total: number }>(
  shape({
    agents: arrayOf(personShape),
    total: (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : 'a count'),
  }),
  'directory search result',
);
export const parseAgents = validator<Agent[]>(arrayOf(agentShape), 'list of agents');
export const parseSettings = validator<Settings>(settingsShape, 'settings');
export const parseDraft = validator<Draft>(draftShape, 'draft');
export const parseNotification = validator<NotificationEvent>(notificationShape, 'notification');
