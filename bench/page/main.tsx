// The benchmark page: each scenario mounts what it measures; Playwright drives it (bench/browser.mjs).
import './render-counter';
import { notificationsBurst } from './burst';
import { menuOpenResult, mountMenu } from './menu';
import { mountRenders, removeOneFollower, renderCountsNow } from './renders';
import { bareTiptap, mountAsideComposer, startLatency, stopLatency } from './typing';

declare global {
  interface Window {
    bench: Record<string, (...args: never[]) => unknown>;
  }
}

window.bench = {
  mountAsideComposer,
  bareTiptap,
  startLatency,
  stopLatency,
  mountRenders,
  renderCountsNow,
  removeOneFollower,
  notificationsBurst,
  mountMenu,
  menuOpenResult,
};
