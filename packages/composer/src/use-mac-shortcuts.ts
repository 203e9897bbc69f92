import { useEffect, useState } from 'react';

/** Whether to show ⌘-style shortcuts. Known only in the browser; the server renders Ctrl. */
export function useMacShortcuts(): boolean {
  const [mac, setMac] = useState(false);
  useEffect(() => setMac(/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)), []);
  return mac;
}
