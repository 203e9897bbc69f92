/** Small inline icons; decorative, the text next to them carries the meaning. */
export function LockIcon() {
  return (
    <svg className="aside-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1 1 0 0 1 13 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 0 0-4 0v2Z"
        fill="currentColor"
      />
    </svg>
  );
}

export function ReplyIcon() {
  return (
    <svg className="aside-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M6.5 3 1.5 7.5l5 4.5V9c3.5 0 6 1 8 4-.5-4-2.5-7.5-8-8V3Z" fill="currentColor" />
    </svg>
  );
}

export function InfoIcon() {
  return (
    <svg className="aside-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm-.75 6v5h1.5V7h-1.5ZM8 4a1 1 0 1 0 0 2 1 1 0 0 0 0-2Z"
        fill="currentColor"
      />
    </svg>
  );
}
