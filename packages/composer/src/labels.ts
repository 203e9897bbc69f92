import type { AsideErrorCode, ComposerMode, MentionUnavailableReason } from '@aside/core';
import { defaultErrorLabels, type LabelOverrides } from '@aside/react';
import type { FormatName } from './formatting/formats';

declare module '@aside/react' {
  interface AsideLabels {
    /** The composer's labels for every `Composer` below the provider. */
    readonly composer?: ComposerLabelOverrides;
  }
}

/** Every visible string of the composer. Override any of them through the `labels` prop. */
export interface ComposerLabels {
  readonly modes: Readonly<Record<ComposerMode, string>>;
  readonly modeSwitch: string;
  readonly placeholders: Readonly<Record<ComposerMode, string>>;
  /** The internal-note placeholder where @mentions are off: it must not invite an `@` (R4). */
  readonly placeholderWithoutMentions: string;
  /** Shown instead of an editable composer to an agent who may only view the conversation. */
  readonly viewOnly: string;
  readonly internalNoteBanner: string;
  readonly submit: Readonly<Record<ComposerMode, string>>;
  readonly sending: string;
  readonly sent: string;
  readonly mentionMenu: string;
  readonly mentionsLoading: string;
  readonly mentionsEmpty: (query: string) => string;
  /**
   * Announced when results arrive, so a screen reader user knows the menu has options; `total`
   * (how many agents match in all) is larger than `count` when the menu shows only the first.
   */
  readonly mentionsFound: (count: number, total: number) => string;
  /** Below the options when more agents match than the menu shows (`more` = total − shown). */
  readonly mentionsMore: (more: number) => string;
  readonly mentionsError: string;
  readonly retry: string;
  readonly hints: Readonly<Record<'assignee' | 'follower' | 'cannot-view', string>>;
  /** R4: why @mentions are off in this internal note. */
  readonly unavailable: Readonly<Record<Exclude<MentionUnavailableReason, 'public-reply'>, string>>;
  /** R6: names that the submit will add as followers. */
  readonly willBeAdded: (names: readonly string[]) => string;
  /** R7: names that cannot view this conversation. */
  readonly cannotView: (names: readonly string[]) => string;
  readonly errors: Readonly<Record<AsideErrorCode, string>>;
  readonly shortcutHint: (shortcut: string) => string;
  /** The formatting toolbar's name and its buttons' names. */
  readonly toolbar: string;
  readonly formats: Readonly<Record<FormatName, string>>;
  /** The link popover: its name, the address field, its buttons and the invalid-address error. */
  readonly link: Readonly<Record<'dialog' | 'url' | 'apply' | 'remove' | 'invalid', string>>;
}

const list = (names: readonly string[]) =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

export const defaultComposerLabels: ComposerLabels = {
  modes: { 'public-reply': 'Public reply', 'internal-note': 'Internal note' },
  modeSwitch: 'Message type',
  placeholders: {
    'public-reply': 'Write a reply the customer will see…',
    'internal-note': 'Write a note only agents can see. Type @ to mention a colleague…',
  },
  placeholderWithoutMentions: 'Write a note only agents can see…',
  viewOnly: 'You can view this conversation but not reply to it or add notes.',
  internalNoteBanner: 'Internal note — only agents can see this',
  submit: { 'public-reply': 'Send reply', 'internal-note': 'Add note' },
  sending: 'Sending…',
  sent: 'Sent',
  mentionMenu: 'Agents to mention',
  mentionsLoading: 'Searching agents…',
  mentionsEmpty: (query) => (query ? `No agent matches “${query}”` : 'Type a name to search'),
  mentionsFound: (count, total) =>
    total > count
      ? `${count} of ${total} agents shown; keep typing to narrow them down. Use the up and down arrows to choose.`
      : `${count} ${count === 1 ? 'agent' : 'agents'} found. Use the up and down arrows to choose.`,
  mentionsMore: (more) => `${more} more — keep typing`,
  mentionsError: 'Could not search the agent directory.',
  retry: 'Retry',
  hints: {
    assignee: 'Assignee',
    follower: 'Follower',
    'cannot-view': 'Can’t view this conversation',
  },
  unavailable: {
    'collaboration-off': 'Collaboration is turned off by an admin',
    'live-chat': 'Live chat conversations don’t support @mentions',
    'role-cannot-add-followers': 'Your role can’t add followers',
    'no-edit-permission': 'You need edit permission to @mention',
  },
  willBeAdded: (names) =>
    `${list(names)} will be added as ${names.length === 1 ? 'a follower' : 'followers'}`,
  cannotView: (names) => `${list(names)} can’t view this conversation`,
  errors: {
    ...defaultErrorLabels,
    'adapter-failed': 'The message could not be sent. Your draft is safe; try again.',
  },

  shortcutHint: (shortcut) => `Shortcut: ${shortcut}`,
  toolbar: 'Formatting',
  formats: {
    bold: 'Bold',
    italic: 'Italic',
    code: 'Inline code',
    bulletList: 'Bulleted list',
    orderedList: 'Numbered list',
    link: 'Link',
  },
  link: {
    dialog: 'Link',
    url: 'Web or e-mail address',
    apply: 'Apply',
    remove: 'Remove link',
    invalid: 'Enter a web address (https://…) or an e-mail address.',
  },
};

export type ComposerLabelOverrides = LabelOverrides<ComposerLabels>;
