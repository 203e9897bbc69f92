import { AsideError } from './errors';
import { EMPTY_DOC } from './rich-text';
import { checkDraft } from './submission/check-draft';
import { checkRichText, isObject } from './submission/schema';
import type {
  Agent,
  Conversation,
  ConversationChange,
  ConversationEvent,
  ConversationPage,
  Draft,
  Message,
  MessagePage,
  NotificationEvent,
  Person,
  Settings,
} from './types';

type Check = (value: unknown) => string | null;

const string: Check = (v) => (typeof v === 'string' ? null : 'a string');
const number: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'a number');
const version: Check = (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : 'a version');
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
const headerFields = {
  channel: oneOf('messaging', 'ticket', 'live-chat'),
  subject: string,
  requesterId: string,
  assigneeId: nullable(string),
  access: recordOf(ACCESS),
  defaultAccess: ACCESS,
};
const array: Check = (v) => (Array.isArray(v) ? null : 'an array');
const conversationShape = shape({
  id: string,
  ...headerFields,
  followerIds: arrayOf(string),
  messages: array,
  version,
});
const pageShape = shape({ conversation: shape({}), olderCursor: nullable(string) });
const messagePageShape = shape({ messages: array, olderCursor: nullable(string) });
const changeFields = { conversationId: string, version };
const changeShapes: Record<string, Check> = {
  'message-added': shape({
    ...changeFields,
    // R20: whatever the message is, it is read on its own (a placeholder when invalid).
    message: () => null,
    followerIds: optional(arrayOf(string)),
  }),
  'followers-changed': shape({ ...changeFields, followerIds: arrayOf(string) }),
  'header-changed': shape({ ...changeFields, header: shape(headerFields) }),
  resync: shape({ conversationId: string }),
  'current-version': shape({ ...changeFields }),
};
const CHANGE_TYPES = ['message-added', 'followers-changed', 'header-changed'];
const changeShape = (types: readonly string[]): Check => {
  const type = oneOf(...types);
  return (v) => {
    if (!isObject(v)) return 'an object';
    const problem = type(v.type);
    return problem ? `.type must be ${problem}` : (changeShapes[v.type as string] ?? type)(v);
  };
};
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
function readMessages(
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

const parsePageShape = validator<ConversationPage>(pageShape, 'conversation page');
export function parseConversationPage(value: unknown, source: string): ConversationPage {
  const page = parsePageShape(value, source);
  return {
    conversation: parseConversation(page.conversation, source),
    olderCursor: page.olderCursor,
  };
}

const parseMessagePageShape = validator<MessagePage>(messagePageShape, 'message page');
/** Older messages: only these are checked, never the ones already held. */
export function parseMessagePage(
  value: unknown,
  source: string,
  conversationId: string,
  cursor: string,
): MessagePage {
  const page = parseMessagePageShape(value, source);
  const messages = readMessages(page.messages, conversationId, (i) => `invalid-${cursor}-${i}`);
  return messages === page.messages ? page : { ...page, messages };
}

const parseEventShape = validator<ConversationEvent>(
  changeShape([...CHANGE_TYPES, 'resync', 'current-version']),
  'change',
);
const parseChangeShape = validator<ConversationChange>(changeShape(CHANGE_TYPES), 'change');

/** A change carries one message at most, so only that message is checked (R20: or a placeholder). */
function withReadableMessage<T extends ConversationEvent>(event: T): T {
  if (event.type !== 'message-added') return event;
  const [message] = readMessages(
    [event.message],
    event.conversationId,
    () => `invalid-v${event.version}`,
  );
  return message === event.message ? event : { ...event, message: message as Message };
}

export const parseConversationEvent = (value: unknown, source: string) =>
  withReadableMessage(parseEventShape(value, source));
export const parseConversationChange = (value: unknown, source: string) =>
  withReadableMessage(parseChangeShape(value, source));
export const parseAgent = validator<Agent>(agentShape, 'agent');
export const parsePeople = validator<Person[]>(arrayOf(personShape), 'list of people');
export const parseAgents = validator<Agent[]>(arrayOf(agentShape), 'list of agents');
export const parseSettings = validator<Settings>(settingsShape, 'settings');
export const parseDraft = validator<Draft>(draftShape, 'draft');
export const parseNotification = validator<NotificationEvent>(notificationShape, 'notification');
