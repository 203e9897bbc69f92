import { foldName } from '@aside/core';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { renderFollowers } from './render';

afterEach(() => {
  document.documentElement.removeAttribute('data-aside-theme');
  document.body.style.removeProperty('background');
});

const matching = (agents: readonly { name: string }[], query: string) =>
  agents.filter((agent) => {
    const name = foldName(agent.name);
    return name.startsWith(query) || name.includes(` ${query}`);
  }).length;
const moreLine = () => document.querySelector('.aside-add-follower__more');

/** Keyboard only from the Add follower button: Enter opens the search, then type. */
async function searchFor(query: string, options: Parameters<typeof renderFollowers>[0] = {}) {
  const setup = await renderFollowers(options);
  const button = page.getByRole('button', { name: 'Add follower' });
  await expect.element(button).toBeVisible();
  (button.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByRole('combobox', { name: 'Search agents' })).toHaveFocus();
  await userEvent.keyboard(query);
  return setup;
}

describe('Add follower: "N more — keep typing"', () => {
  it('R6: more matches than it shows → "N more — keep typing" in a live region; typing more narrows it away', async () => {
    const { backend } = await searchFor('Jam');
    const total = matching(backend.agents, 'jam');
    expect(total).toBeGreaterThan(8);
    await expect.poll(() => page.getByRole('option').elements().length).toBe(8);
    await expect.element(page.getByText(`${total - 8} more — keep typing`)).toBeVisible();
    // Announced: the live region was there before the words, and it is not an option.
    expect(moreLine()?.getAttribute('role')).toBe('status');
    expect(moreLine()?.closest('[role="listbox"]')).toBeNull();

    const narrower = matching(backend.agents, 'jamie');
    expect(narrower).toBeGreaterThan(0);
    expect(narrower).toBeLessThanOrEqual(8);
    const region = moreLine();
    await userEvent.keyboard('ie');
    await expect.poll(() => page.getByRole('option').elements().length).toBe(narrower);
    await expect.poll(() => moreLine()?.textContent).toBe('');
    expect(moreLine()).toBe(region);
    await expect.element(page.getByRole('option', { name: /Jamie Okafor/ })).toBeVisible();
  });

  it('R6: the line reads through the labels', async () => {
    const { backend } = await searchFor('Jam', {
      labels: { moreMatches: (more) => `noch ${more} — weitertippen` },
    });
    const total = matching(backend.agents, 'jam');
    await expect.element(page.getByText(`noch ${total - 8} — weitertippen`)).toBeVisible();
  });

  it.each([
    ['dark', true, undefined],
    ['right-to-left', false, 'rtl' as const],
  ])('axe finds no violations with the line shown: %s', async (_name, dark, dir) => {
    if (dark) {
      // The list draws on the host's page: a dark theme sits on a dark page.
      document.documentElement.setAttribute('data-aside-theme', 'dark');
      document.body.style.background = '#0d1117';
    }
    const { view } = await searchFor('Jam', dir ? { dir } : {});
    await expect.element(page.getByText(/more — keep typing/)).toBeVisible();
    const results = await axe.run(view.container);
    expect(results.violations).toEqual([]);
  });
});
