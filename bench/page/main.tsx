// The benchmark page: each scenario mounts what it measures; Playwright drives it (bench/browser.mjs).
import './render-counter';
import { notificationsBurst } from './burst';
import { liveblocksMenuResult, mountLiveblocksComposer, mountLiveblocksMenu } from './liveblocks';
import { menuOpenResult, mountMenu } from './menu';
import {
  draftSettled,
  mountRenders,
  removeOneFollower,
  renderCountersSelfCheck,
  renderCountsNow,
} from './renders';
import {
  asideDraftSettled,
  bareTiptap,
  busy,
  countersNow,
  mountAsideComposer,
  startLatency,
  stopLatency,
} from './typing';

declare global {
  interface Window {
    bench: Record<string, (...args: never[]) => unknown>;
  }
}

window.bench = {
  asideDraftSettled,
  mountAsideComposer,
  bareTiptap,
  busy,
  countersNow,
  startLatency,
  stopLatency,
  mountRenders,
  renderCountsNow,
  renderCountersSelfCheck,
  removeOneFollower,
  draftSettled,
  notificationsBurst,
  mountMenu,
  menuOpenResult,
  mountLiveblocksComposer,
  mountLiveblocksMenu,
  liveblocksMenuResult,
};
