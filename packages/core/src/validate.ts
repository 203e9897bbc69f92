import { AsideError } from './errors';
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

type Check = (value: unknown) => string | null;

const string: Check = (v) => (typeof v === 'string' ? null : 'a string');
const number: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'a number');
const boolean: Check = (v) => (typeof v === 'boolean' ? null : 'a boolean');
const oneOf =
  (...values: readonly string[]): Check =>
  (v) =>
    values.includes(v as string) ? null : `one of ${values.join(', ')}`;
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined ? null : check(v);
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null ? null : check(v);
const arrayOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every((item) => check(item) === null) ? null : 'an array of valid items';
const recordOf =
  (check: Check): Check =>
  (v) =>
    isObject(v) && Object.values(v).every((item) => check(item) === null)
      ? null
      : 'a record of valid values';

function shape(fields: Record<string, Check>): Check {
  return (value) => {
    if (!isObject(value)) return 'an object';
    for (const [field, check] of Object.entries(fields)) {
      const problem = check(value[field]);
      if (problem) return `.${field} must be ${problem}`;
    }
    return null;
  };
}

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
const conversationShape = shape({
  id: string,
  channel: oneOf('messaging', 'ticket', 'live-chat'),
  subject: string,
  requesterId: string,
  assigneeId: nullable(string),
  followerIds: arrayOf(string),
  access: recordOf(ACCESS),
  defaultAccess: ACCESS,
  messages: (v) => (Array.isArray(v) ? null : 'an array'),
  version: number,
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

function validator<T>(check: Check, what: string) {
  return (value: unknown, source: string): T => {
    const problem = check(value);
    if (problem) {
      throw new AsideError(
        'invalid-adapter-data',
        `${source} returned an invalid ${what}: ${problem.startsWith('.') ? what + problem : `expected ${problem}`}`,
      );
    }
    return value as T;
  };
}

/** R20: what an invalid stored message reads as; the UI may show its own words (`invalid`). */
export const UNREADABLE_MESSAGE_TEXT = 'This message could not be shown';

function placeholder(raw: unknown, index: number, conversationId: string): Message {
  const { id, authorId, kind, createdAt } = (isObject(raw) ? raw : {}) as Partial<Message>;
  return {
    id: typeof id === 'string' ? id : `invalid-${index}`,
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

const parseWholeConversation = validator<Conversation>(conversationShape, 'conversation');

/**
 * Adapter data is checked where it enters the core, so a host's bug reads as a clear error.
 * R20: each message is checked on its own; an invalid one becomes a placeholder, the rest load.
 */
export function parseConversation(value: unknown, source: string): Conversation {
  const conversation = parseWholeConversation(value, source);
  let messages: Message[] | null = null;
  conversation.messages.forEach((message, index) => {
    if (messageShape(message) === null) return;
    messages ??= [...conversation.messages];
    messages[index] = placeholder(message, index, conversation.id);
  });
  return messages ? { ...conversation, messages } : conversation;
}
export const parseAgent = validator<Agent>(agentShape, 'agent');
export const parsePeople = validator<Person[]>(arrayOf(personShape), 'list of people');
export const parseAgents = validator<Agent[]>(arrayOf(agentShape), 'list of agents');
export const parseSettings = validator<Settings>(settingsShape, 'settings');
export const parseDraft = validator<Draft>(draftShape, 'draft');
export const parseNotification = validator<NotificationEvent>(notificationShape, 'notification');
