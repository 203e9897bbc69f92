import { useEffect, useRef } from 'react';

/**
 * Calls `onExpire` after `duration` ms of unpaused time. A new `restartKey` (a newer event
 * coalesced into the toast) starts the time again; pausing keeps what was left (R15).
 */
export function useToastTimer(
  restartKey: unknown,
  duration: number,
  paused: boolean,
  onExpire: () => void,
) {
  const remaining = useRef(duration);
  const expire = useRef(onExpire);
  expire.current = onExpire;

  // biome-ignore lint/correctness/useExhaustiveDependencies: restartKey is the reason to restart
  useEffect(() => {
    remaining.current = duration;
  }, [restartKey, duration]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: restartKey is the reason to restart
  useEffect(() => {
    if (paused || !Number.isFinite(duration)) return;
    const startedAt = Date.now();
    const timer = setTimeout(() => expire.current(), Math.max(0, remaining.current));
    return () => {
      clearTimeout(timer);
      remaining.current -= Date.now() - startedAt;
    };
  }, [paused, restartKey, duration]);
}
