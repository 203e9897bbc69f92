// JavaScript each consumer app's page loads in Chromium, gzipped (bytes): the whole app as a
// host ships it (React, Tiptap, Aside, the framework). Budgets are the figures measured plus
// about 3%, so a change that grows what hosts ship (a second copy of Tiptap, a dependency pulled
// in whole) fails CI. Measured on 2026-12-01 (session 3), after protocol v2 (change handling,
// paging, their validators), selectors, the customisation layer and the theme grew every app by
// about 10 kB: vite-react19 217,401; vite-react18 194,850 (React 18's react-dom is smaller);
// nextjs 286,268 (the quick start page, with Next's runtime); tiptap-latest 240,318 (adds the
// host's StarterKit editor; with a second Tiptap it was 269 kB, see issue 9, and with the list
// nodes imported from @tiptap/extension-list subpaths 244 kB, the lists twice).
export const consumerBudgets = {
  'vite-react19': 224_000,
  'vite-react18': 201_000,
  nextjs: 295_000,
  'tiptap-latest': 248_000,
};
