import { createHttpAdapters, type HttpAdapters, signIn, signOut } from '@aside/adapter-http';
import type { Agent } from '@aside/core';
import { demoAgents } from '@aside/core/memory';
import { AsideProvider } from '@aside/react';
import { useEffect, useState } from 'react';
import { Workspace } from './workspace';

const API = '/api';
const sessionOf = (agent: Agent) => ({ agent, adapters: createHttpAdapters({ baseUrl: API }) });

/** Demo sign-in: choose an agent; the server sets a session cookie. */
export function App() {
  const [session, setSession] = useState<{ agent: Agent; adapters: HttpAdapters } | null>(null);
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    // A reload keeps the session: the cookie is still there.
    fetch(`${API}/session`)
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { agent: Agent } | null) => body && setSession(sessionOf(body.agent)))
      .finally(() => setChecked(true));
  }, []);

  if (!checked) return null;
  if (!session) {
    return (
      <main className="aside-ws-signin">
        <h1>Sign in to the Aside workspace</h1>
        <p>Open a second window as another agent to see mentions and updates arrive live.</p>
        <ul>
          {Object.values(demoAgents).map((agent) => (
            <li key={agent.id}>
              <button
                type="button"
                onClick={async () =>
                  setSession(sessionOf((await signIn({ baseUrl: API }, agent.id)).agent))
                }
              >
                {agent.name} <span>({agent.role})</span>
              </button>
            </li>
          ))}
        </ul>
      </main>
    );
  }
  return (
    <AsideProvider adapters={session.adapters} currentAgentId={session.agent.id}>
      <Workspace
        agent={session.agent}
        listConversations={() => session.adapters.listConversations()}
        onSignOut={async () => {
          session.adapters.close();
          await signOut({ baseUrl: API });
          setSession(null);
        }}
      />
    </AsideProvider>
  );
}
