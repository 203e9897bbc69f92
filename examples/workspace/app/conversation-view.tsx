import { Composer } from '@aside/composer';
import { RichTextView } from '@aside/composer/rich-text';
import { FollowersList } from '@aside/followers';
import { useAsideSelector, useConversation, useOlderMessages } from '@aside/react';

export function ConversationView({
  conversationId,
  focusComposer,
}: {
  readonly conversationId: string;
  readonly focusComposer: boolean;
}) {
  const state = useConversation(conversationId);
  const older = useOlderMessages(conversationId);
  const people = useAsideSelector((snapshot) => snapshot.people);
  const conversation = state?.conversation;
  if (!conversation) {
    return <p role="status">{state?.error ? state.error.message : 'Loading…'}</p>;
  }
  return (
    <article className="aside-ws-conversation" aria-label={conversation.subject}>
      <header>
        <h1>{conversation.subject}</h1>
        <FollowersList conversationId={conversationId} />
      </header>
      {older.hasOlder ? (
        <button type="button" disabled={older.loading} onClick={() => void older.loadOlder()}>
          {older.loading ? 'Loading older messages…' : 'Load older messages'}
        </button>
      ) : null}
      <ol className="aside-ws-messages">
        {conversation.messages.map((message) => (
          <li key={message.id} className="aside-ws-message" data-kind={message.kind}>
            <span className="aside-ws-author">
              {people[message.authorId]?.name ?? message.authorId}
              {message.kind === 'internal-note' ? ' · internal note' : ''}
            </span>
            <RichTextView body={message.body} className="aside-ws-body" />
          </li>
        ))}
      </ol>
      <Composer conversationId={conversationId} autoFocus={focusComposer} />
    </article>
  );
}
