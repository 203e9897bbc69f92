/** Roles from the helpdesk's permission model. Only some may add followers (see policy). */
export type AgentRole = 'admin' | 'agent' | 'light-agent' | 'contributor' | 'chat-only-agent';
export type AgentStatus = 'online' | 'away' | 'offline';

export interface Agent {
  readonly kind: 'agent';
  readonly id: string;
  readonly name: string;
  readonly role: AgentRole;
  readonly status: AgentStatus;
  readonly avatarUrl?: string;
  /**
   * A second line that tells agents with the same name apart in the autocomplete: an email,
   * a team or a group, whatever the host's directory knows.
   */
  readonly detail?: string;
}

/** The customer. Never mentionable, never a follower. */
export interface EndUser {
  readonly kind: 'end-user';
  readonly id: string;
  readonly name: string;
}

export type Person = Agent | EndUser;

export type Channel = 'messaging' | 'ticket' | 'live-chat';
/** What one agent may do with one conversation. */
export type Access = 'edit' | 'view' | 'none';

export interface Conversation {
  readonly id: string;
  readonly channel: Channel;
  readonly subject: string;
  readonly requesterId: string;
  readonly assigneeId: string | null;
  readonly followerIds: readonly string[];
  /** Per-agent access; agents not listed get `defaultAccess`. */
  readonly access: Readonly<Record<string, Access>>;
  readonly defaultAccess: Access;
  readonly messages: readonly Message[];
  /** Grows with every change on the backend; lets the store drop stale responses (R18). */
  readonly version: number;
}

export type ComposerMode = 'public-reply' | 'internal-note';

/** Tiptap / ProseMirror document JSON, kept structural so the core needs no editor. */
export interface RichTextNode {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly content?: readonly RichTextNode[];
  readonly text?: string;
  readonly marks?: readonly {
    readonly type: string;
    readonly attrs?: Readonly<Record<string, unknown>>;
  }[];
}

export interface Message {
  readonly id: string;
  readonly conversationId: string;
  readonly authorId: string;
  readonly kind: ComposerMode;
  readonly body: RichTextNode;
  readonly text: string;
  readonly mentionIds: readonly string[];
  readonly createdAt: number;
  /**
   * R20: set by the core when the stored message is invalid; it then reads as a placeholder
   * (its `text` is UNREADABLE_MESSAGE_TEXT) and the rest of the conversation still loads.
   */
  readonly invalid?: true;
}

export interface Settings {
  /** Set by an admin: agent collaboration (@mentions) for messaging (R4). */
  readonly collaborationEnabled: boolean;
  /**
   * R7: what happens to a mentioned agent who cannot view the conversation.
   * `add` follows them anyway (they keep only their own access); `skip` leaves them out.
   */
  readonly mentionWithoutAccess: 'add' | 'skip';
}

export interface Draft {
  readonly doc: RichTextNode;
  readonly text: string;
  readonly updatedAt: number;
}

export type NotificationKind = 'mention' | 'update';

export interface NotificationEvent {
  /** Unique per event; the store drops repeats (reconnects, replays). */
  readonly id: string;
  readonly kind: NotificationKind;
  readonly recipientId: string;
  readonly conversationId: string;
  readonly conversationSubject: string;
  readonly messageId: string;
  readonly actorId: string;
  readonly actorName: string;
  readonly excerpt: string;
  /** The message as stored (rich text), for a UI that shows it whole; absent from older backends. */
  readonly body?: RichTextNode;
  readonly createdAt: number;
}

/** The parts of a conversation other than its messages and followers. */
export type ConversationHeader = Pick<
  Conversation,
  'channel' | 'subject' | 'requesterId' | 'assigneeId' | 'access' | 'defaultAccess'
>;

/**
 * One change to a conversation (protocol version 2). Each one raises the conversation's
 * `version` by exactly 1, so a client can tell a missed change (a gap) from a repeat.
 */
export type ConversationChange =
  | {
      readonly type: 'message-added';
      readonly conversationId: string;
      readonly version: number;
      readonly message: Message;
      /** Present when the message added followers (R6): the full follower list after it. */
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

/** What a conversation subscriber receives: a change, or a signal to load again. */
export type ConversationEvent =
  | ConversationChange
  /** The stream could not resume: changes may have been missed, so load the conversation again. */
  | { readonly type: 'resync'; readonly conversationId: string }
  /** Sent on every (re)connect: load again if the conversation is newer than the one held. */
  | { readonly type: 'current-version'; readonly conversationId: string; readonly version: number };

/** A conversation as loaded: its header and followers, with only its newest messages. */
export interface ConversationPage {
  /** `messages` holds the newest messages (up to the requested limit), oldest first. */
  readonly conversation: Conversation;
  /** Pass to `loadOlder` for the messages before these; `null` when there are none. */
  readonly olderCursor: string | null;
}

/** Older messages of a conversation, oldest first. */
export interface MessagePage {
  readonly messages: readonly Message[];
  readonly olderCursor: string | null;
}
