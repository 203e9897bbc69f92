import type { Access, Conversation, Message } from '@aside/core';

/**
 * The wire shapes of protocol version 2 (PROTOCOL.md), as this server sends them. They mirror
 * `ConversationChange` of @aside/core; every change raises the conversation's version by one.
 */
export type ConversationChange =
  | {
      readonly type: 'message-added';
      readonly conversationId: string;
      readonly version: number;
      readonly message: Message;
      /** Present when the message added followers (R6): the full list after it. */
      readonly followerIds?: readonly string[];
    }
  | {
      readonly type: 'followers-changed';
      readonly conversationId: string;
      readonly version: number;
      readonly followerIds: readonly string[];
    }
  | {
      readonly type: 'header-changed';
      readonly conversationId: string;
      readonly version: number;
      readonly header: ConversationHeader;
    };

export type ConversationHeader = Pick<
  Conversation,
  'channel' | 'subject' | 'requesterId' | 'assigneeId' | 'defaultAccess'
> & { readonly access: Readonly<Record<string, Access>> };

/** `GET /conversations/:id`: the header and the newest messages, with a cursor to older ones. */
export interface ConversationPage {
  readonly conversation: Conversation;
  readonly olderCursor: string | null;
}

/** `GET /conversations/:id/messages?before=`: older messages, ascending. */
export interface MessagePage {
  readonly messages: readonly Message[];
  readonly olderCursor: string | null;
}
