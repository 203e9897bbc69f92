// A server component page; workspace.tsx is the root README's quick start with 'use client'
// on top, as the README's Next.js note says (copied there by scripts/consumers.mjs).
import { Workspace } from './workspace';

export default function QuickStartPage() {
  return (
    <main>
      <Workspace />
    </main>
  );
}
