// JavaScript each consumer app's page loads in Chromium, gzipped (bytes): the whole app as a
// host ships it (React, Tiptap, Aside, the framework). Budgets are the figures measured on
// 2026-12-01 plus about 5%, so a change that grows what hosts ship (a second copy of Tiptap,
// a dependency pulled in whole) fails CI. Measured: vite-react19 207,510; vite-react18
// 184,872 (React 18's react-dom is smaller); nextjs 276,145 (the quick start page, with
// Next's runtime); tiptap-latest 230,139 (adds the host's StarterKit editor; with a second
// Tiptap it was 269 kB, see issue 9).
export const consumerBudgets = {
  'vite-react19': 218_000,
  'vite-react18': 194_000,
  nextjs: 290_000,
  'tiptap-latest': 242_000,
};
