import { describe, expect, it } from 'vitest';
import { defaultNotificationsLabels } from '../../packages/notifications/src/labels';

const { time } = defaultNotificationsLabels;
const afternoon = Date.UTC(2026, 11, 1, 15, 45);
const asTheBrowserSays = (locale?: string) =>
  new Date(afternoon).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });

describe("an update's time in the Messaging updates list", () => {
  it('R14: reads in the locale asked for, as the browser formats it, whichever locale came first', () => {
    // Each locale keeps its own formatter: asking in turn never answers in the previous one.
    for (const locale of ['de-DE', 'en-US', undefined, 'de-DE', 'ja-JP', 'en-US'])
      expect(time(afternoon, locale)).toBe(asTheBrowserSays(locale));
    expect(time(afternoon, 'de-DE')).not.toBe(time(afternoon, 'en-US'));
  });

  it('R14: an unknown locale tag is refused as the browser refuses it', () => {
    expect(() => asTheBrowserSays('not a locale')).toThrow(RangeError);
    expect(() => time(afternoon, 'not a locale')).toThrow(RangeError);
  });
});
