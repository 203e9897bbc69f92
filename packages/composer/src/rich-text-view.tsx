import { checkRichText, isSafeHref, type RichTextNode, UNREADABLE_MESSAGE_TEXT } from '@aside/core';
import { Fragment, type ReactNode } from 'react';

export interface RichTextViewProps {
  /** A stored message body (Tiptap JSON), as the backend returned it. */
  readonly body: RichTextNode;
  readonly className?: string;
  /** Shown instead of a body that is not valid rich text (R20). */
  readonly fallback?: ReactNode;
  /** `false` draws links as their text: for a body inside a button or another link. */
  readonly links?: boolean;
}

type Mark = NonNullable<RichTextNode['marks']>[number];

function withMark(children: ReactNode, mark: Mark, key: number, links: boolean): ReactNode {
  if (mark.type === 'bold') return <strong key={key}>{children}</strong>;
  if (mark.type === 'italic') return <em key={key}>{children}</em>;
  if (mark.type === 'code') return <code key={key}>{children}</code>;
  const href = mark.attrs?.href;
  if (links && mark.type === 'link' && isSafeHref(href)) {
    return (
      <a key={key} href={href.trim()} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  }
  return children;
}

const renderWith =
  (links: boolean) =>
  (node: RichTextNode, key: number): ReactNode =>
    renderNode(node, key, links);

function renderNode(node: RichTextNode, key: number, links: boolean): ReactNode {
  const children = node.content?.map(renderWith(links));
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{children}</p>;
    case 'bulletList':
      return <ul key={key}>{children}</ul>;
    case 'orderedList': {
      const start = node.attrs?.start;
      return (
        <ol key={key} start={typeof start === 'number' ? start : undefined}>
          {children}
        </ol>
      );
    }
    case 'listItem':
      return <li key={key}>{children}</li>;
    case 'hardBreak':
      return <br key={key} />;
    case 'mention':
      return (
        <span key={key} className="aside-mention" data-id={String(node.attrs?.id ?? '')}>
          @{String(node.attrs?.label ?? node.attrs?.id ?? '')}
        </span>
      );
    case 'text':
      // Keyed by the node: marks are keyed by their own index, which repeats across nodes.
      return (
        <Fragment key={key}>
          {(node.marks ?? []).reduce<ReactNode>(
            (inner, mark, index) => withMark(inner, mark, index, links),
            <span>{node.text}</span>,
          )}
        </Fragment>
      );
    default:
      return null;
  }
}

/**
 * R20: a stored message, rendered safely without an editor: only the schema's nodes (checked by
 * the core's `checkRichText`), mentions as chips, links only to http, https and mailto, opened
 * with `rel="noopener noreferrer"`. React elements only, never HTML strings. A body that is not
 * valid rich text shows the fallback, and nothing else on the page is affected.
 */
export function RichTextView({ body, className, fallback, links = true }: RichTextViewProps) {
  const classes = className ? `aside-rich-text ${className}` : 'aside-rich-text';
  if (!checkRichText(body).ok) {
    return (
      <div className={classes} data-invalid="">
        <p>{fallback ?? UNREADABLE_MESSAGE_TEXT}</p>
      </div>
    );
  }
  return <div className={classes}>{body.content?.map(renderWith(links))}</div>;
}
