import type { ComposerLabels } from '../labels';
import type { MentionSuggestions } from '../suggestions/controller';
import { useMentionSuggestions } from '../suggestions/use-mention-suggestions';

/** A live region that tells screen reader users what the mention menu shows. */
export function MentionAnnouncer({
  suggestions,
  labels,
}: {
  readonly suggestions: MentionSuggestions;
  readonly labels: ComposerLabels;
}) {
  const menu = useMentionSuggestions(suggestions);
  let message = '';
  if (menu.open) {
    if (menu.status === 'unavailable' && menu.reason) message = labels.unavailable[menu.reason];
    else if (menu.status === 'error') message = labels.mentionsError;
    else if (menu.status === 'loading' && menu.items.length === 0) message = labels.mentionsLoading;
    else if (menu.status === 'ready' && menu.items.length === 0)
      message = labels.mentionsEmpty(menu.query);
    else if (menu.status === 'ready') message = labels.mentionsFound(menu.items.length, menu.total);
  }
  return (
    <div className="aside-visually-hidden" role="status">
      {message}
    </div>
  );
}
