import { type ListNavigationOptions, listNavigationTarget } from '@aside/react';
import { describe, expect, it } from 'vitest';

const tabs: ListNavigationOptions = { orientation: 'horizontal', wrap: true };
const chips: ListNavigationOptions = { orientation: 'horizontal' };
const menu: ListNavigationOptions = { orientation: 'vertical', wrap: true, homeEnd: false };
const updates: ListNavigationOptions = { orientation: 'vertical', pageSize: 3 };

describe('listNavigationTarget: one keyboard rule for every list', () => {
  it.each([
    ['R1: tabs wrap from the last to the first', 'ArrowRight', 1, 2, tabs, 0],
    ['R1: tabs wrap from the first to the last', 'ArrowLeft', 0, 2, tabs, 1],
    [
      'R1: in right-to-left text ArrowLeft moves forward',
      'ArrowLeft',
      0,
      2,
      { ...tabs, rtl: true },
      1,
    ],
    ['R10: chips stop at the last one', 'ArrowRight', 4, 5, chips, 4],
    [
      'R10: in right-to-left text ArrowRight moves back',
      'ArrowRight',
      2,
      5,
      { ...chips, rtl: true },
      1,
    ],
    ['R10: Home and End reach the first and last chip', 'End', 1, 5, chips, 4],
    ['R2: the menu goes round with ArrowUp', 'ArrowUp', 0, 4, menu, 3],
    ['R2: Home belongs to the editor caret, not the menu', 'Home', 2, 4, menu, null],
    ['R14: PageDown moves a page and stops at the end', 'PageDown', 8, 10, updates, 9],
    ['R14: PageUp moves a page back', 'PageUp', 5, 10, updates, 2],
    ['R14: a vertical list ignores ArrowRight', 'ArrowRight', 5, 10, updates, null],
    ['an empty list moves nowhere', 'ArrowDown', 0, 0, menu, null],
  ] as const)('%s', (_name, key, index, count, options, expected) => {
    expect(listNavigationTarget(key, index, count, options)).toBe(expected);
  });
});
