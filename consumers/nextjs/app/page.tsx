import { Composer } from '@aside/composer';
import { FollowersList } from '@aside/followers';
import { Providers } from './providers';

// Rendered on the server for every request, not prerendered at build time.
export const dynamic = 'force-dynamic';

// A server component: it imports Aside's components directly (their "use client" makes them
// client references) and passes them only serialisable props.
export default function Page() {
  return (
    <main>
      <h1>Refund for order #4821</h1>
      <Providers>
        <FollowersList conversationId="conv-refund" />
        <Composer conversationId="conv-refund" />
      </Providers>
    </main>
  );
}
