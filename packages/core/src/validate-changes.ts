import { isObject } from './submission/schema';
import type {
  ConversationChange,
  ConversationEvent,
  ConversationPage,
  Message,
  MessagePage,
} from './types';
import { headerFields, parseConversation, readMessages } from './validate';
import {
  array,
  arrayOf,
  type Check,
  nullable,
  oneOf,
  optional,
  shape,
  string,
  validator,
  version,
} from './validate-checks';

// Protocol version 2 where it enters the core: pages and changes. Only the messages a page or
// a change brings are checked, never the ones the store already holds.

const pageShape = shape({ conversation: shape({}), olderCursor: nullable(string) });
const messagePageShape = shape({ messages: array, olderCursor: nullable(string) });
const changeFields = { conversationId: string, version };
const changeShapes: Record<string, Check> = {
  'message-added': shape(changeFields, {
    // R20: whatever the message is, it is read on its own (a placeholder when invalid).
    message: () => null,
    followerIds: optional(arrayOf(string)),
  }),
  'followers-changed': shape(changeFields, { followerIds: arrayOf(string) }),
  'header-changed': shape(changeFields, { header: shape(headerFields) }),
  resync: shape({ conversationId: string }),
  'current-version': shape(changeFields),
};
const CHANGE_TYPES = ['message-added', 'followers-changed', 'header-changed'];
// Module-level calls below stay droppable for bundlers: no spreads, factories marked pure.
const changeShape = /* @__NO_SIDE_EFFECTS__ */ (
  types: readonly string[],
  signals: readonly string[] = [],
): Check => {
  const type = oneOf(...types, ...signals);
  return (v) => {
    if (!isObject(v)) return 'an object';
    const problem = type(v.type);
    return problem ? `.type must be ${problem}` : (changeShapes[v.type as string] ?? type)(v);
  };
};
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
  changeShape(CHANGE_TYPES, ['resync', 'current-version']),
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
