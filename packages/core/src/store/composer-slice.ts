import { draftKey } from '../adapters';
import { AsideError, toAsideError } from '../errors';
import { isEmptyDoc, stripMentions, toPlainText } from '../rich-text';
import { notificationsForMessage } from '../routing';
import { checkSubmission, readSubmission } from '../submission/check-submission';
import { refusalError } from '../submission/refusal';
import type { ComposerMode, Draft, Person } from '../types';
import { parseDraft, parsePeople } from '../validate';
import type { ConversationsSlice } from './conversations-slice';
import type { DirectorySlice } from './directory-slice';
import type { ConversationContext, StoreKernel } from './kernel';
import type { AsideStore, SubmitOutcome } from './store-api';

/** R12: answers to a colleague's notification start as an internal note. */
const REPLY_MODE: ComposerMode = 'internal-note';

/** The composer of each conversation: its mode, its drafts (R8) and sending a message (R19). */
export function createComposerSlice(
  kernel: StoreKernel,
  directory: DirectorySlice,
  conversations: ConversationsSlice,
  ready: Promise<void>,
) {
  const { adapters, currentAgentId, composerOf, patchComposer, patch } = kernel;
  // Drafts the agent edited before the stored copy arrived: the stored copy must not win (R18).
  const touchedDrafts = new Set<string>();
  const submitKeys = new Map<string, { draft: Draft; key: string }>();

  const loadDrafts = async (conversationId: string) => {
    await ready;
    for (const mode of ['public-reply', 'internal-note'] as const) {
      const key = draftKey(currentAgentId, conversationId, mode);
      try {
        const stored = await adapters.drafts.load(key);
        if (!stored || touchedDrafts.has(key)) continue;
        const draft = parseDraft(stored, 'drafts.load');
        const composer = composerOf(conversationId);
        patchComposer(conversationId, { drafts: { ...composer.drafts, [mode]: draft } });
      } catch (error) {
        patchComposer(conversationId, {
          error: toAsideError(error, 'Could not load the saved draft'),
        });
      }
    }
  };

  /** The first time a conversation opens: an empty composer, then its saved drafts. */
  const open = (conversationId: string) => {
    if (!kernel.state().composers[conversationId]) patchComposer(conversationId, {});
    void loadDrafts(conversationId);
  };

  const setMode = (conversationId: string, mode: ComposerMode) => {
    if (composerOf(conversationId).mode !== mode) patchComposer(conversationId, { mode });
  };

  const saveDraft = (conversationId: string, mode: ComposerMode, draft: Draft) => {
    const key = draftKey(currentAgentId, conversationId, mode);
    const write = isEmptyDoc(draft.doc)
      ? adapters.drafts.remove(key)
      : adapters.drafts.save(key, draft);
    // The draft stays in memory whatever happens; a failed save is shown, not lost (R8).
    write.catch((error: unknown) =>
      patchComposer(conversationId, { error: toAsideError(error, 'Could not save the draft') }),
    );
  };

  const fail = (conversationId: string, error: AsideError): SubmitOutcome => {
    patchComposer(conversationId, { submitting: false, error });
    return { ok: false, error };
  };

  const submit = async (conversationId: string): Promise<SubmitOutcome> => {
    const composer = composerOf(conversationId);
    if (composer.submitting) {
      return { ok: false, error: new AsideError('busy', 'A message is already being sent') };
    }
    const { mode } = composer;
    const draft = composer.drafts[mode];
    let context: ConversationContext;
    try {
      context = kernel.requireContext(conversationId);
    } catch (error) {
      return fail(conversationId, toAsideError(error, 'Cannot submit'));
    }
    const { agent, settings, conversation } = context;
    // R3: a public reply never carries a mention, however it got there.
    const input = {
      kind: mode,
      body: mode === 'public-reply' ? stripMentions(draft.doc) : draft.doc,
    };
    const read = readSubmission(input);
    if (!read.ok) return fail(conversationId, refusalError(read));

    patchComposer(conversationId, { submitting: true, error: null });
    let people: Person[] = [];
    if (read.mentionIds.length > 0) {
      try {
        // R5: never trust the mention nodes (they may be pasted); ask the directory again.
        people = parsePeople(
          await adapters.directory.getPeople(read.mentionIds),
          'directory.getPeople',
        );
      } catch (error) {
        return fail(conversationId, toAsideError(error, 'Could not check the mentioned agents'));
      }
      directory.rememberPeople(people);
    }
    // R19: the same decision the backend takes before storing.
    const decision = checkSubmission(input, { author: agent, conversation, settings, people });
    if (!decision.ok) return fail(conversationId, refusalError(decision));

    const keyName = `${conversationId}:${mode}`;
    const previousAttempt = submitKeys.get(keyName);
    const idempotencyKey =
      previousAttempt?.draft === draft ? previousAttempt.key : kernel.createId();
    submitKeys.set(keyName, { draft, key: idempotencyKey });

    try {
      const result = await adapters.conversations.submitMessage({
        conversationId,
        idempotencyKey,
        authorId: agent.id,
        kind: mode,
        body: decision.body,
        text: decision.text,
        mentionIds: decision.mentionIds,
        addFollowerIds: decision.addFollowerIds,
      });
      const change = conversations.receiveWrite(
        result.change,
        'conversations.submitMessage',
        'message-added',
      );
      conversations.refresh(conversationId);
      const held = conversations.held(conversationId) ?? conversation;
      // The message's followers (R6), even when a missed change delays applying it.
      const after = change.followerIds ? { ...held, followerIds: change.followerIds } : held;
      submitKeys.delete(keyName);
      directory.recent.note(decision.mentionIds);
      const current = composerOf(conversationId);
      patchComposer(conversationId, {
        submitting: false,
        error: null,
        drafts: { ...current.drafts, [mode]: kernel.emptyDraft() },
      });
      void adapters.drafts.remove(draftKey(currentAgentId, conversationId, mode)).catch(() => {});
      const events = notificationsForMessage(result.message, agent, after);
      if (events.length > 0) {
        adapters.notifications
          .publish(events)
          .catch((error: unknown) =>
            patch({ error: toAsideError(error, 'Could not send notifications') }),
          );
      }
      return { ok: true, message: result.message };
    } catch (error) {
      return fail(conversationId, toAsideError(error, 'Could not send the message'));
    }
  };

  const api: Pick<AsideStore, 'setMode' | 'prepareReply' | 'setDraft' | 'submit'> = {
    setMode,
    prepareReply: (conversationId) => setMode(conversationId, REPLY_MODE),
    setDraft(conversationId, mode, doc) {
      touchedDrafts.add(draftKey(currentAgentId, conversationId, mode));
      const composer = composerOf(conversationId);
      const draft = { doc, text: toPlainText(doc), updatedAt: kernel.now() };
      patchComposer(conversationId, { drafts: { ...composer.drafts, [mode]: draft } });
      saveDraft(conversationId, mode, draft);
    },
    submit,
  };
  return { open, api };
}
