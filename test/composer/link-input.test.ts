import { describe, expect, it } from 'vitest';
import { linkHref } from '../../packages/composer/src/formatting/links';

describe('linkHref: what the link popover accepts', () => {
  it.each([
    ['https://example.com/order/4821', 'https://example.com/order/4821'],
    ['  http://localhost:3000/x  ', 'http://localhost:3000/x'],
    ['mailto:help@example.com', 'mailto:help@example.com'],
    ['example.com/help', 'https://example.com/help'],
    ['www.example.com', 'https://www.example.com'],
    ['help@example.com', 'mailto:help@example.com'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    ['data:text/html,<script>', null],
    ['vbscript:msgbox', null],
    ['ftp://files.example.com', null],
    ['localhost:3000', null],
    ['help', null],
    ['https://', null],
    ['mailto:', null],
    ['https://exa mple.com', null],
    ['', null],
  ])('Links: %j → %j', (input, expected) => {
    expect(linkHref(input)).toBe(expected);
  });
});
