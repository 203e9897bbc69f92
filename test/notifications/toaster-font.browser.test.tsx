import { expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { eventFor, renderNotifications } from './render';

it('R12: a toast, portalled to <body>, uses a UI sans-serif font, not the browser serif default', async () => {
  document.body.style.fontFamily = 'serif';
  try {
    const { backend } = await renderNotifications();
    backend.emit(eventFor());
    const toast = page.getByRole('region', { name: 'Notifications' }).getByRole('listitem');
    await expect.element(toast).toBeVisible();
    const font = getComputedStyle(toast.element()).fontFamily;
    expect(font).toContain('system-ui');
    expect(font).toMatch(/sans-serif$/);
  } finally {
    document.body.style.fontFamily = '';
  }
});
