/** Small inline icons; decorative, the text next to them carries the meaning. */
function FilledIcon({ d }: { readonly d: string }) {
  return (
    <svg className="aside-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}

export const LockIcon = () => (
  <FilledIcon d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1 1 0 0 1 13 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 0 0-4 0v2Z" />
);

export const ReplyIcon = () => (
  <FilledIcon d="M6.5 3 1.5 7.5l5 4.5V9c3.5 0 6 1 8 4-.5-4-2.5-7.5-8-8V3Z" />
);

export const InfoIcon = () => (
  <FilledIcon d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm-.75 6v5h1.5V7h-1.5ZM8 4a1 1 0 1 0 0 2 1 1 0 0 0 0-2Z" />
);

/** Toolbar icons: one stroked path each on a 16×16 grid. */
function StrokeIcon({ d, mirror }: { readonly d: string; readonly mirror?: boolean }) {
  return (
    <svg
      className={mirror ? 'aside-icon aside-icon--mirror' : 'aside-icon'}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={d} />
    </svg>
  );
}

export const FORMAT_ICONS = {
  bold: <StrokeIcon d="M4.5 2.5h4a2.75 2.75 0 0 1 0 5.5h-4zm0 5.5h5a2.75 2.75 0 0 1 0 5.5h-5z" />,
  italic: <StrokeIcon d="M7 2.5h5M4 13.5h5m1-11-4 11" />,
  code: <StrokeIcon d="M5.5 4.5 2 8l3.5 3.5m5-7L14 8l-3.5 3.5" />,
  bulletList: <StrokeIcon mirror d="M6 4h8M6 8h8M6 12h8M2.5 4h0M2.5 8h0m0 4h0" />,
  orderedList: <StrokeIcon mirror d="M7 4h7M7 8h7m-7 4h7M2.5 2.5 3.5 2v4m-1.5 3.5h2L2 13h2" />,
  link: (
    <StrokeIcon d="m6.5 9.5 3-3M7 4.5l1-1a2.5 2.5 0 0 1 3.5 3.5l-1 1m-1.5 3.5-1 1A2.5 2.5 0 0 1 4.5 9l1-1" />
  ),
};
