import type { ConversationSummary } from '@aside/adapter-http';
import { RichTextView } from '@aside/composer/rich-text';
import type { Agent } from '@aside/core';
import { type MessageBodyProps, MessagingUpdates, Toaster } from '@aside/notifications';
import { useEffect, useState } from 'react';
import { ConversationView } from './conversation-view';

const CHANNEL_LABELS: Record<ConversationSummary['channel'], string> = {
  messaging: 'Messaging',
  ticket: 'Ticket',
  'live-chat': 'Live chat',
};

/** The notified note as stored (mentions, bold), links as text: the row is a button. */
const updateBody = {
  MessageBody: ({ event }: MessageBodyProps) =>
    event.body ? <RichTextView body={event.body} links={false} /> : event.excerpt,
};

export interface WorkspaceProps {
  readonly agent: Agent;
  listConversations(): Promise<readonly ConversationSummary[]>;
  onSignOut(): void;
}

export function Workspace({ agent, listConversations, onSignOut }: WorkspaceProps) {
  const [conversations, setConversations] = useState<readonly ConversationSummary[]>([]);
  const [open, setOpen] = useState<{ id: string; focus: number } | null>(null);

  useEffect(() => {
    void listConversations().then((list) => {
      setConversations(list);
      setOpen((current) => current ?? (list[0] ? { id: list[0].id, focus: 0 } : null));
    });
  }, [listConversations]);

  // Reply from a toast or the updates list: open the conversation with the composer focused.
  const openConversation = (id: string) =>
    setOpen((current) => ({ id, focus: (current?.focus ?? 0) + 1 }));

  return (
    <div className="aside-ws">
      <nav className="aside-ws-sidebar" aria-label="Conversations">
        <p className="aside-ws-me">
          Signed in as <strong>{agent.name}</strong>{' '}
          <button type="button" onClick={onSignOut}>
            Sign out
          </button>
        </p>
        <ul className="aside-ws-list">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <button
                type="button"
                aria-current={open?.id === conversation.id ? 'page' : undefined}
                onClick={() => setOpen({ id: conversation.id, focus: 0 })}
              >
                {conversation.subject}
                <span className="aside-ws-channel">{CHANNEL_LABELS[conversation.channel]}</span>
              </button>
            </li>
          ))}
        </ul>
        <MessagingUpdates onOpenConversation={openConversation} components={updateBody} />
      </nav>
      <main className="aside-ws-main">
        {open ? (
          <ConversationView
            key={`${open.id}:${open.focus}`}
            conversationId={open.id}
            focusComposer={open.focus > 0}
          />
        ) : null}
      </main>
      <Toaster onOpenConversation={openConversation} />
    </div>
  );
}
