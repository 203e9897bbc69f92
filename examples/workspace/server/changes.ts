/**
 * The wire shapes of protocol version 2 (PROTOCOL.md), as this server sends them: the core's own
 * types, so server and client cannot drift. Every change raises the conversation's version by one.
 */
export type {
  ConversationChange,
  ConversationHeader,
  ConversationPage,
  MessagePage,
} from '@aside/core';
